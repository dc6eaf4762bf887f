import Foundation
import Testing
import AlloKit
import AlloWebhooks

@Suite("Webhook envelopes")
struct EnvelopeTests {
    func decode(_ json: String) throws -> WebhookEvent { try WebhookEvent.decode(Data(json.utf8)) }

    @Test("v1 CALL_RECEIVED in snake_case")
    func v1CallSnake() throws {
        let event = try decode(#"""
        {"topic":"CALL_RECEIVED","data":{"id":"call_abc123","start_date":"2024-01-15T10:30:00Z","recording_url":"https://r/abc.mp3",
         "from_number":"+14155551234","from_name":"John Doe","to":"+14155550100","to_name":"Acme Support","length_in_minutes":5.5,
         "length":"5m 30s","tag":"support","summary":"Delivery question.","one_sentence_summary":"Order status",
         "transcriptions":[{"source":"AGENT","time":"2024-01-15T10:30:05Z","text":"Hello, how can I help?"}],"type":"INBOUND","result":"ANSWERED"}}
        """#)
        #expect(event.format == .v1)
        guard case .callReceived(let call) = event.payload else { Issue.record("\(event.payload)"); return }
        #expect(call.id == "call_abc123")
        #expect(call.to == "+14155550100")
        #expect(call.alloNumber == "+14155550100")
        #expect(call.lengthInMinutes == 5.5)
        #expect(call.direction == .inbound)
        #expect(call.result == .answered)
        #expect(call.transcript.first?.source == .agent)
        #expect(call.startDate == AlloDate.parse("2024-01-15T10:30:00Z"))
    }

    @Test("v1 CALL_RECEIVED in camelCase reads the same")
    func v1CallCamel() throws {
        let event = try decode(#"{"topic":"CALL_RECEIVED","data":{"id":"call_1","startDate":"2024-01-15T10:30:00","recordingUrl":"https://r","fromNumber":"+14155551234","fromName":"J","to":"+14155550100","toName":"A","lengthInMinutes":2,"oneSentenceSummary":"Hi","transcriptions":[]}}"#)
        guard case .callReceived(let call) = event.payload else { Issue.record("\(event.payload)"); return }
        #expect(call.fromNumber == "+14155551234")
        #expect(call.recordingURL == "https://r")
        #expect(call.lengthInMinutes == 2)
        #expect(call.oneSentenceSummary == "Hi")
    }

    @Test("Legacy {topic, body} with call_category")
    func legacy() throws {
        let event = try decode(#"{"topic":"CALL_RECEIVED","body":{"from_number":"+33612345678","to":"+33184807512","call_category":"sales","type":"OUTBOUND","transcriptions":[{"source":"USER","time":"2025-09-01T10:00:00","text":"Bonjour"}]}}"#)
        #expect(event.format == .legacy)
        guard case .callReceived(let call) = event.payload else { Issue.record("\(event.payload)"); return }
        #expect(call.tag == "sales")
        #expect(call.alloNumber == "+33612345678")
        #expect(call.transcript.map(\.text) == ["Bonjour"])
    }

    @Test("SMS and PING and contacts")
    func smsPingContacts() throws {
        let sms = try decode(#"{"topic":"SMS_RECEIVED","data":{"id":"m1","direction":"INBOUND","type":"SMS","content":"Merci 🙏","sent_at":"2024-01-15T10:30:00","from_number":"+33612345678","to_number":"+33184807512"}}"#)
        guard case .sms(let message) = sms.payload else { Issue.record("\(sms.payload)"); return }
        #expect(message.content == "Merci 🙏")
        #expect(message.direction == .inbound)
        #expect(try decode(#"{"topic":"PING","data":{}}"#).payload.isPing)
        let contact = try decode(#"{"topic":"CONTACT_CREATED","data":{"id":"cnt_1","name":"王","last_name":"芳","company":"Acme","emails":[],"numbers":["+8613800138000"]}}"#)
        guard case .contact(let person) = contact.payload else { Issue.record("\(contact.payload)"); return }
        #expect(person.company == "Acme")
        #expect(person.numbers == ["+8613800138000"])
    }

    @Test("v2 call.received keeps custom properties of the person")
    func v2CallReceived() throws {
        let event = try decode(#"""
        {"topic":"call.received","version":"2.0","timestamp":"2025-03-15T14:30:00.000Z",
         "data":{"from_number":"+33612345678","to_number":"+33112345678","started_at":"2025-03-15T14:30:00.000Z","user_email":"agent@example.com",
          "person":{"id":"con_5MiG","name":"Marie","last_name":"Dupont","email":"marie@example.com","emails":["marie@example.com"],
                    "numbers":["+33612345678"],"job_title":"Head of Sales","linkedin_url":"https://linkedin.com/in/md","lead_source":"Inbound"},
          "company":{"id":"com-a1","name":"Acme Corp"},
          "deals":[{"id":"dea-x1","name":"Enterprise Plan","status":"qualified","value":25000.00,"currency":"EUR"}]}}
        """#)
        #expect(event.format == .v2)
        #expect(event.version == "2.0")
        #expect(event.timestamp == AlloDate.parse("2025-03-15T14:30:00Z"))
        guard case .incomingCall(let call) = event.payload else { Issue.record("\(event.payload)"); return }
        #expect(call.person?.customProperties["lead_source"] == .string("Inbound"))
        #expect(call.person?.customProperties["name"] == nil)
        #expect(call.company?.name == "Acme Corp")
        #expect(call.deals.count == 1)
    }

    @Test("v2 call.completed decodes as a conversation item")
    func v2CallCompleted() throws {
        let event = try decode(#"{"topic":"call.completed","version":"2.0","timestamp":"2026-04-21T14:33:00Z","data":{"id":"cll-abc123","type":"CALL","direction":"INBOUND","allo_number":"+14155550100","contact_number":"+14155551234","date":"2026-04-21T14:30:00Z","duration":145,"result":"ANSWERED","summary":"Billing.","tags":["billing"],"from_number":"+14155551234","to_number":"+14155550100"}}"#)
        guard case .call(let item) = event.payload else { Issue.record("\(event.payload)"); return }
        #expect(item.id == "cll-abc123")
        #expect(item.duration == 145)
        #expect(item.alloNumber == "+14155550100")
    }

    @Test("Unknown topics are kept with their data, never rejected", arguments: ["partner.esim.ready", "conversation_note.created", "SOMETHING_NEW"])
    func unknownTopic(_ topic: String) throws {
        let event = try decode(#"{"topic":"\#(topic)","version":"2.0","timestamp":"2026-01-01T00:00:00Z","data":{"x":1}}"#)
        #expect(event.topic == topic)
        #expect(event.data["x"] == .number(1))
        guard case .other = event.payload else { Issue.record("\(event.payload)"); return }
    }

    @Test("Not JSON, or no topic, is an error", arguments: ["nope", "[]", #"{"data":{}}"#])
    func invalid(_ body: String) {
        #expect(throws: WebhookDecodingError.self) { _ = try WebhookEvent.decode(Data(body.utf8)) }
    }
}

extension WebhookPayload {
    var isPing: Bool {
        if case .ping = self { return true }
        return false
    }
}
