@testable import AlloCLI
import AlloKit
import Foundation
import Testing

@Suite("--json keeps the keys the contract shows as null")
struct NullKeepingEncoderTests {
    @Test("Unset optionals are null, set ones keep their type; dates are the contract's ISO 8601 strings")
    func contact() throws {
        let date = try #require(AlloDate.parse("2026-11-28T09:15:00Z"))
        let value = try NullKeepingEncoder.encode(Contact(id: "cnt_1", name: "Ada", createdAt: date,
                                                          numbers: ["+33612345678"], isWhitelisted: true))
        guard case .object(let object) = value else { Issue.record("not an object: \(value)"); return }
        #expect(object["id"] == .string("cnt_1"))
        #expect(object["website"] == .null)
        #expect(object["last_name"] == .null)
        #expect(object["company"] == .null)
        #expect(object["is_whitelisted"] == .bool(true))
        #expect(object["numbers"] == .array([.string("+33612345678")]))
        #expect(object["created_at"] == .string(AlloDate.format(date)))
    }

    @Test("Arrays, nested objects and open enums round-trip through the SDK's decoder unchanged")
    func roundTrip() throws {
        let contacts = [Contact(id: "a", company: CompanyRef(id: "com_1", name: nil), engagement: .unknown("BRAND_NEW")),
                        Contact(id: "b")]
        let data = try AlloJSON.encoder().encode(NullKeepingEncoder.encode(contacts))
        #expect(try AlloJSON.decoder().decode([Contact].self, from: data) == contacts)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""name":null"#))
        #expect(text.contains(#""engagement":"BRAND_NEW""#))
    }
}
