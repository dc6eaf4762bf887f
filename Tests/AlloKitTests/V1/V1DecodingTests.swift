import Foundation
import Testing
@testable import AlloKit

/// Decoding fixtures shaped like the contract's examples, with unknown keys and enum values mixed in.
@Suite("v1 decoding")
struct V1DecodingTests {
    static func fixture(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        return try Data(contentsOf: url)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        try JSONCoding.decoder().decode(type, from: fixture(name))
    }

    @Test("A calls page: flat metadata, transcripts, every date form, unknown result kept")
    func callsPage() throws {
        let page = try Self.decode(DataEnvelope<V1Page<Call>>.self, "v1-calls-page").data.page(requested: 0, size: 100)
        #expect(page.count == 2)
        #expect(page.totalPages == 4)
        #expect(page.hasMore)
        let call = page[0]
        #expect(call.id == "call_abc123")
        #expect(call.direction == .inbound)
        #expect(call.result == .answered)
        #expect(call.durationSeconds == 150)
        #expect(call.startDate == Date(timeIntervalSince1970: 1_705_314_600))
        let transcript = try #require(call.transcript)
        #expect(transcript.map(\.source) == [.external, .agent, .user])
        #expect(transcript[0].startSeconds == 5)
        #expect(transcript[0].endSeconds == 8.5)
        #expect(transcript[1].time == Date(timeIntervalSince1970: 1_705_314_609))
        #expect(transcript[2].time == Date(timeIntervalSince1970: 1_705_314_612.25 - 3600))
        let other = page[1]
        #expect(other.fromNumber == "anonymous")
        #expect(other.result == .unknown("MISSED_BY_ROBOT"))
        #expect(other.result?.wireValue == "MISSED_BY_ROBOT")
        #expect(other.transcript == nil)
        #expect(other.startDate.map { abs($0.timeIntervalSince1970 - 1_705_392_000.123456) < 0.000_01 } == true)
    }

    @Test("A contacts page: nested metadata, accents and CJK, unknown engagement kept")
    func contactsPage() throws {
        let page = try Self.decode(DataEnvelope<V1Page<Contact>>.self, "v1-contacts-page").data.page(requested: 2, size: 10)
        #expect(page.number == 2)
        #expect(page.totalPages == 5)
        #expect(page.hasMore)
        #expect(page[0].displayName == "Élodie Lefèvre")
        #expect(page[0].company == CompanyRef(id: "com_1", name: "Maison Lumière"))
        #expect(page[0].engagement == .engaged)
        #expect(page[0].isWhitelisted)
        #expect(page[1].displayName == "王 芳")
        #expect(page[1].isArchived)
        #expect(page[1].engagement == .unknown("LUKEWARM"))
    }

    @Test("The contact context form: integration data, custom properties, activity")
    func contactContext() throws {
        let details = try Self.decode(DataEnvelope<ContactDetails>.self, "v1-contact-context").data
        #expect(details.emails == ["john@acme.com"])
        #expect(details.integrationData?["HUBSPOT"]?["owner"]?["email"]?.stringValue == "a@b.c")
        #expect(details.integrationData?["SALESFORCE"]?["score"] == .number(42.5))
        #expect(details.customProperties?["lead_source"] == .string("Inbound"))
        #expect(details.engagement == .cooling)
        #expect(details.activity?.map(\.type) == [.inboundCall, .outboundSMS, .unknown("OUTBOUND_FAX")])
        #expect(details.activity?.first?.alloNumber == "+15550000000")
        #expect(details.conversationURL == "/v1/api/contact/cnt_abc123/conversation")
    }

    @Test("A conversation page: calls, texts both ways, sender IDs, unknown entry types kept")
    func conversationPage() throws {
        let page = try Self.decode(DataEnvelope<V1Page<ConversationEntry>>.self, "v1-conversation-page").data.page(requested: 0, size: 100)
        #expect(page.count == 4)
        #expect(!page.hasMore)
        guard case .call(let call) = page[0], case .message(let sent) = page[1], case .message(let received) = page[2] else {
            Issue.record("unexpected entries \(page.items)")
            return
        }
        #expect(call.result == .voicemail)
        #expect(call.tags == ["follow_up"])
        #expect(sent.senderID == "ACME")
        #expect(sent.fromNumber == nil)
        #expect(sent.content == "Votre code : 1234 ✅")
        #expect(received.direction == .inbound)
        #expect(page[3] == .unknown(type: "VOICE_NOTE"))
        #expect(page[2].date == Date(timeIntervalSince1970: 1_705_745_100))
    }

    @Test("Models encode back to the contract's snake_case")
    func roundTrip() throws {
        let page = try Self.decode(DataEnvelope<V1Page<Call>>.self, "v1-calls-page").data
        let json = String(decoding: try JSONCoding.encoder().encode(page.results[0]), as: UTF8.self)
        #expect(json.contains(#""from_number":"+14155551234""#))
        #expect(json.contains(#""type":"INBOUND""#))
        #expect(json.contains(#""start_date":"2024-01-15T10:30:00Z""#))
        let again = try JSONCoding.decoder().decode(Call.self, from: Data(json.utf8))
        #expect(again == page.results[0])
    }

    @Test("Dates in every form of contract §1 parse; junk does not",
          arguments: [
            ("2024-01-15T10:30:00", 1_705_314_600.0), ("2026-04-21T14:30:00Z", 1_776_781_800.0),
            ("2025-03-15T14:30:45.123456Z", 1_742_049_045.123456), ("2026-04-21T16:30:00+02:00", 1_776_781_800.0),
            ("2026-04-21", 1_776_729_600.0), ("2026-04-21 14:30:00", 1_776_781_800.0),
          ])
    func dates(text: String, seconds: Double) throws {
        let date = try #require(AlloDate.parse(text))
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.000_01)
    }

    @Test("Not dates", arguments: ["", "yesterday", "2026-13-01", "2026-04-21T25:00:00", "2026-04-21T14:30:00Zjunk"])
    func notDates(_ text: String) {
        #expect(AlloDate.parse(text) == nil)
    }

    @Test("Formatting dates for the wire")
    func formatting() {
        #expect(AlloDate.format(Date(timeIntervalSince1970: 1_776_781_800)) == "2026-04-21T14:30:00Z")
        #expect(AlloDate.format(Date(timeIntervalSince1970: 1_776_781_800.5)) == "2026-04-21T14:30:00.500Z")
        #expect(AlloDate.formatDay(Date(timeIntervalSince1970: 1_776_781_800)) == "2026-04-21")
    }
}

extension V1DecodingTests {
    @Test("Without metadata a v1 walk goes on while pages are full and stops at a short one")
    func missingMetadata() throws {
        let full = try JSONCoding.decoder().decode(V1Page<AlloNumber>.self, from: Data(#"{"results":[{"number":"+1"},{"number":"+2"}],"metadata":null}"#.utf8))
        #expect(full.page(requested: 3, size: 2).hasMore)
        #expect(full.page(requested: 3, size: 2).number == 3)
        #expect(!full.page(requested: 3, size: 5).hasMore)
        let empty = try JSONCoding.decoder().decode(V1Page<AlloNumber>.self, from: Data(#"{"results":null}"#.utf8))
        #expect(empty.results.isEmpty)
        #expect(!empty.page(requested: 0, size: 10).hasMore)
    }
}
