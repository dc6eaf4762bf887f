@testable import AlloSandbox
import Testing

@Suite("Building blocks")
struct BuildingBlockTests {
    @Test("Timestamps print in the v1 and v2 forms", arguments: [
        (Int64(0), "1970-01-01T00:00:00", "1970-01-01T00:00:00Z"),
        (1_705_314_600, "2024-01-15T10:30:00", "2024-01-15T10:30:00Z"),
        (951_782_400, "2000-02-29T00:00:00", "2000-02-29T00:00:00Z"),
        (-1, "1969-12-31T23:59:59", "1969-12-31T23:59:59Z"),
    ])
    func timestampsPrint(seconds: Int64, v1: String, v2: String) {
        #expect(Timestamp.v1(seconds) == v1)
        #expect(Timestamp.v2(seconds) == v2)
    }

    @Test("Every date form of §1 parses", arguments: [
        ("2024-01-15T10:30:00", Int64(1_705_314_600)),
        ("2024-01-15T10:30:00Z", 1_705_314_600),
        ("2025-03-15T14:30:45.123456Z", 1_742_049_045),
        ("2024-01-15T11:30:00+01:00", 1_705_314_600),
        ("2024-01-15T05:30:00-0500", 1_705_314_600),
        ("2024-01-15", 1_705_276_800),
    ])
    func timestampsParse(text: String, seconds: Int64) {
        #expect(Timestamp.parse(text) == seconds)
    }

    @Test("Nonsense dates do not parse", arguments: ["", "2024-13-01", "2024-02-30", "2024-01-15T25:00:00", "yesterday", "2024-01-15T10:30:00Zjunk"])
    func badTimestamps(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    @Test("E.164 validation and countries", arguments: [
        ("+14155550100", "US"), ("+33612345678", "FR"), ("+447911123456", "GB"), ("+81312345678", "JP"),
        ("+33 612345678", nil), ("0612345678", nil), ("+3361234567", nil), ("+1415555010", nil), ("+0123456789", nil),
        ("++33612345678", nil), ("+336123456789", nil), ("+12125550147", "US"), ("+11234567890", nil),
    ] as [(String, String?)])
    func phoneNumbers(number: String, country: String?) {
        #expect(PhoneNumber.country(of: number) == country)
        #expect(PhoneNumber.isValid(number) == (country != nil))
    }

    @Test("Item ids round-trip and tell kinds apart")
    func itemIDs() throws {
        let party = Party(token: "AbCdEfGh12", number: "+33612345678", conversations: [], items: [], nextOrdinal: 0, seedIndex: nil,
                          seedItemCount: 0, newestInbound: false, senderIDMessageAt: nil, undeliverable: false)
        let call = Item(ordinal: 4000, kind: .call, direction: .inbound, date: 0, line: 0, user: nil, result: .answered, duration: 1,
                        script: nil, tags: [], summary: nil, content: nil, status: nil, messageType: nil, failsDelivery: false)
        let v2 = ItemID.v2(call, party: party)
        #expect(v2 == "cll-AbCdEfGh1212W")
        #expect(try ItemID.parse(v2) == ItemID(isCall: true, partyToken: "AbCdEfGh12", ordinal: 4000))
        #expect(try ItemID.parse("cll_AbCdEfGh1212W").ordinal == 4000)
        #expect(try ItemID.parse(ItemID.v1Call(call, party: party)) == ItemID(isCall: true, partyToken: "AbCdEfGh12", ordinal: 4000))
        #expect(throws: ItemID.ParseFailure.unknownPrefix) { try ItemID.parse("xyz-AbCdEfGh1200") }
        #expect(throws: ItemID.ParseFailure.malformed) { try ItemID.parse("msg-short") }
        #expect(throws: ItemID.ParseFailure.malformed) { try ItemID.parse("msg-AbCdEfGh12!!") }
    }

    @Test("JSON output escapes every control character and keeps key order")
    func jsonOutput() {
        let value = JSON.object([("z", .string("a\u{1B}[31mb\u{07}\r\n\u{202E}\"\\")), ("a", .array([.int(1), .double(2.5), .null, .bool(true)]))])
        let text = String(decoding: value.serialized(), as: UTF8.self)
        #expect(text == #"{"z":"a\u001b[31mb\u0007\r\n\u202e\"\\","a":[1,2.5,null,true]}"#)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 })
    }

    @Test("JSON input keeps booleans, integers and doubles apart")
    func jsonInput() throws {
        let parsed = try JSON.parse(Array(#"{"b":true,"i":3,"d":3.5,"s":"x","n":null,"a":[]}"#.utf8))
        #expect(parsed["b"] == .bool(true))
        #expect(parsed["i"] == .int(3))
        #expect(parsed["d"] == .double(3.5))
        #expect(parsed["n"] == .null)
        #expect(throws: JSON.ParseError.self) { try JSON.parse(Array("{\"a\":".utf8)) }
    }

    @Test("Queries decode %2B as + and a bare + as a space")
    func queries() throws {
        let query = try Query("allo_number=%2B14155550100&contact_number=+33612345678&extend=engagement,activity&extend=x")
        #expect(query["allo_number"] == "+14155550100")
        #expect(query["contact_number"] == " 33612345678")
        #expect(query.list("extend") == ["engagement", "activity", "x"])
        #expect(throws: APIError.self) { try Query("a=%ZZ") }
    }

    @Test("Search words ignore case and accents")
    func searchWords() {
        #expect(SearchText.words("Facturé, ÉLODIE! rendez-vous 14h 東京") == ["facture", "elodie", "rendez", "vous", "14h", "東京"])
    }
}
