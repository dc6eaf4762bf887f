public import Foundation
public import AlloKit

/// The typed content of a webhook, by topic.
public enum WebhookPayload: Sendable {
    /// `PING` (v1): a manual test.
    case ping
    /// v1 and legacy `CALL_RECEIVED`: a call has ended (despite the name, any call).
    case callReceived(CallWebhook)
    /// v2 `call.received`: an inbound call starts ringing.
    case incomingCall(IncomingCallWebhook)
    /// v2 `call.triggered`, `call.answered`, `call.completed`, `summary.updated`, `tag.added`, `tag.removed`: the call.
    case call(ConversationItem)
    /// `SMS_RECEIVED`, `SMS_SENT`, `sms.received`, `sms.sent`.
    case sms(SMSWebhook)
    /// `CONTACT_CREATED`, `CONTACT_UPDATED`, `contact.created`, `contact.updated`.
    case contact(ContactWebhook)
    /// A topic this SDK does not know; read `WebhookEvent.data`.
    case other

    init(topic: String, _ fields: Fields) {
        switch topic {
        case "PING": self = .ping
        case "CALL_RECEIVED": self = .callReceived(CallWebhook(fields))
        case "call.received": self = .incomingCall(IncomingCallWebhook(fields))
        case "call.triggered", "call.answered", "call.completed", "summary.updated", "tag.added", "tag.removed":
            self = fields.decode(ConversationItem.self).map(WebhookPayload.call) ?? .other
        case "SMS_RECEIVED", "SMS_SENT", "sms.received", "sms.sent": self = .sms(SMSWebhook(fields))
        case "CONTACT_CREATED", "CONTACT_UPDATED", "contact.created", "contact.updated": self = .contact(ContactWebhook(fields))
        default: self = .other
        }
    }
}

/// A finished call as v1 and legacy webhooks describe it (contract §8.1, §8.2), read in snake_case or camelCase.
public struct CallWebhook: Sendable, Hashable {
    public struct Line: Sendable, Hashable {
        public var source: Speaker
        public var time: Date?
        public var text: String
    }

    public var id: String?
    public var startDate: Date?
    public var recordingURL: String?
    public var fromNumber: String?
    public var fromName: String?
    /// The callee (the field is `to`, not `to_number`).
    public var to: String?
    public var toName: String?
    public var lengthInMinutes: Double?
    /// Human form, e.g. `5m 30s`.
    public var length: String?
    /// `tag`, or the legacy `call_category`.
    public var tag: String?
    public var summary: String?
    public var oneSentenceSummary: String?
    public var transcript: [Line]
    public var concatenatedTranscript: String?
    public var direction: Direction?
    public var result: CallResult?
    public var userEmail: String?

    init(_ f: Fields) {
        id = f.string("id")
        startDate = f.date("start_date", "startDate")
        recordingURL = f.string("recording_url", "recordingUrl")
        fromNumber = f.string("from_number", "fromNumber")
        fromName = f.string("from_name", "fromName")
        to = f.string("to", "to_number", "toNumber")
        toName = f.string("to_name", "toName")
        lengthInMinutes = f.number("length_in_minutes", "lengthInMinutes")
        length = f.string("length")
        tag = f.string("tag", "call_category", "callCategory")
        summary = f.string("summary")
        oneSentenceSummary = f.string("one_sentence_summary", "oneSentenceSummary")
        transcript = f.objects("transcriptions", "transcript").map { row in
            Line(source: Speaker(wireValue: row.string("source") ?? ""), time: row.date("time"), text: row.string("text") ?? "")
        }
        concatenatedTranscript = f.string("concatenated_transcript", "concatenatedTranscript")
        direction = f.string("type", "direction").map(Direction.init(wireValue:))
        result = f.string("result").map(CallResult.init(wireValue:))
        userEmail = f.string("user_email", "userEmail")
    }

    /// The Allo-side number of the call: the callee of an inbound call, the caller of an outbound one.
    public var alloNumber: String? { direction == .outbound ? fromNumber : to }
}

/// v2 `call.received` (contract §8.3): who is calling, with the matching person, company and deals.
public struct IncomingCallWebhook: Sendable, Hashable {
    public struct Person: Sendable, Hashable {
        public var id: String?
        public var name: String?
        public var lastName: String?
        public var email: String?
        public var emails: [String]
        public var numbers: [String]
        public var jobTitle: String?
        /// Every custom contact property arrives as an extra key; they are kept here.
        public var customProperties: [String: JSONValue]
    }

    public var fromNumber: String?
    /// Your Allo number.
    public var toNumber: String?
    public var startedAt: Date?
    public var userEmail: String?
    public var person: Person?
    public var company: CompanyRef?
    public var deals: [JSONValue]

    init(_ f: Fields) {
        fromNumber = f.string("from_number")
        toNumber = f.string("to_number")
        startedAt = f.date("started_at")
        userEmail = f.string("user_email")
        person = f.object("person").map { p in
            let known: Set<String> = ["id", "name", "last_name", "email", "emails", "numbers", "job_title"]
            return Person(id: p.string("id"), name: p.string("name"), lastName: p.string("last_name"), email: p.string("email"),
                          emails: p.strings("emails"), numbers: p.strings("numbers"), jobTitle: p.string("job_title"),
                          customProperties: p.values.filter { !known.contains($0.key) })
        }
        company = f.object("company").map { CompanyRef(id: $0.string("id"), name: $0.string("name")) }
        deals = f.array("deals")
    }
}

/// A text message event, v1 or v2.
public struct SMSWebhook: Sendable, Hashable {
    public var id: String?
    public var direction: Direction?
    /// `SMS` or `MMS` (v1 `type`), or the v2 `message_type`.
    public var messageType: String?
    public var content: String?
    public var sentAt: Date?
    public var fromNumber: String?
    public var toNumber: String?
    public var fromName: String?
    public var toName: String?
    public var senderID: String?
    public var alloNumber: String?
    public var contactNumber: String?

    init(_ f: Fields) {
        id = f.string("id")
        direction = f.string("direction").map(Direction.init(wireValue:))
        messageType = f.string("type", "message_type", "messageType")
        content = f.string("content")
        sentAt = f.date("sent_at", "sentAt", "date", "start_date")
        fromNumber = f.string("from_number", "fromNumber")
        toNumber = f.string("to_number", "toNumber", "to")
        fromName = f.string("from_name", "fromName")
        toName = f.string("to_name", "toName")
        senderID = f.string("sender_id", "senderId")
        alloNumber = f.string("allo_number", "alloNumber")
        contactNumber = f.string("contact_number", "contactNumber")
    }
}

/// A contact created or updated.
public struct ContactWebhook: Sendable, Hashable {
    public var id: String?
    public var name: String?
    public var lastName: String?
    /// A plain string in v1 payloads; `company.name` when it comes as an object.
    public var company: String?
    public var emails: [String]
    public var numbers: [String]

    init(_ f: Fields) {
        id = f.string("id")
        name = f.string("name")
        lastName = f.string("last_name", "lastName")
        company = f.string("company") ?? f.object("company")?.string("name")
        emails = f.strings("emails")
        numbers = f.strings("numbers")
    }
}
