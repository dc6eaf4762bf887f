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
    /// One transcript line (an entry of `transcriptions`).
    public struct Line: Sendable, Hashable {
        /// Who spoke (`source`: `AGENT`, `USER`, …).
        public var source: Speaker
        /// When it was said (`time`); nil when absent or unparseable.
        public var time: Date?
        /// What was said; empty when absent.
        public var text: String
    }

    /// The call id (`call_…`); absent from legacy payloads.
    public var id: String?
    /// When the call started (`start_date` / `startDate`).
    public var startDate: Date?
    /// Link to the recording (`recording_url` / `recordingUrl`); nil when there is none.
    public var recordingURL: String?
    /// The caller, E.164 (`from_number` / `fromNumber`).
    public var fromNumber: String?
    /// The caller's name as Allo knows it (`from_name`).
    public var fromName: String?
    /// The callee (the field is `to`, not `to_number`).
    public var to: String?
    /// The callee's name (`to_name`).
    public var toName: String?
    /// Duration in minutes, fractional (`length_in_minutes`), e.g. 5.5.
    public var lengthInMinutes: Double?
    /// Human form, e.g. `5m 30s`.
    public var length: String?
    /// `tag`, or the legacy `call_category`.
    public var tag: String?
    /// Summary of the call, markdown.
    public var summary: String?
    /// One-line summary (`one_sentence_summary`).
    public var oneSentenceSummary: String?
    /// The transcript (`transcriptions`); empty when none was sent.
    public var transcript: [Line]
    /// The whole transcript as one text (`concatenated_transcript`).
    public var concatenatedTranscript: String?
    /// `INBOUND` or `OUTBOUND`, from `type` (or `direction`).
    public var direction: Direction?
    /// How the call ended (`ANSWERED`, `VOICEMAIL`, `TRANSFERRED_AI`, …); nil in legacy payloads.
    public var result: CallResult?
    /// Email of the Allo user who took or placed the call (`user_email`).
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
    /// The contact matching the caller (`person`).
    public struct Person: Sendable, Hashable {
        /// The contact's id; prefixes vary (`con_…`, `cnt-…`, `per-…`), treat it as opaque.
        public var id: String?
        /// First name; nil when unset.
        public var name: String?
        /// Last name (`last_name`); nil when unset.
        public var lastName: String?
        /// Primary email; nil when unset.
        public var email: String?
        /// All email addresses; empty when none.
        public var emails: [String]
        /// All phone numbers, E.164; empty when none.
        public var numbers: [String]
        /// Job title (`job_title`); nil when unset.
        public var jobTitle: String?
        /// Every custom contact property arrives as an extra key; they are kept here.
        public var customProperties: [String: JSONValue]
    }

    /// The caller, E.164 (`from_number`).
    public var fromNumber: String?
    /// Your Allo number.
    public var toNumber: String?
    /// When the call started ringing (`started_at`).
    public var startedAt: Date?
    /// Email of the user assigned to the called number (`user_email`).
    public var userEmail: String?
    /// The matching contact; nil when the caller matches none.
    public var person: Person?
    /// The contact's company (`{id, name}`); nil when none.
    public var company: CompanyRef?
    /// The contact's deals as sent (`{id, name, status, value, currency, close_date}` each); empty when none.
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
    /// The message id; absent from legacy payloads.
    public var id: String?
    /// `INBOUND` or `OUTBOUND` (`direction`); nil when absent.
    public var direction: Direction?
    /// `SMS` or `MMS` (v1 `type`), or the v2 `message_type`.
    public var messageType: String?
    /// The message text.
    public var content: String?
    /// When it was sent (`sent_at`; `date` or `start_date` in other shapes).
    public var sentAt: Date?
    /// The sender, E.164 (`from_number`).
    public var fromNumber: String?
    /// The recipient, E.164 (`to_number`, or `to`).
    public var toNumber: String?
    /// The sender's name as Allo knows it (`from_name`).
    public var fromName: String?
    /// The recipient's name (`to_name`).
    public var toName: String?
    /// The alphanumeric Sender ID it went out under (`sender_id`, France); nil otherwise.
    public var senderID: String?
    /// Your Allo number (`allo_number`), when the payload names it (v2 item shape).
    public var alloNumber: String?
    /// The other party's number (`contact_number`), when the payload names it (v2 item shape).
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
    /// The contact's id (`cnt_…`).
    public var id: String?
    /// First name; nil when unset.
    public var name: String?
    /// Last name (`last_name` / `lastName`); nil when unset.
    public var lastName: String?
    /// A plain string in v1 payloads; `company.name` when it comes as an object.
    public var company: String?
    /// Email addresses; empty when none.
    public var emails: [String]
    /// Phone numbers, E.164; empty when none.
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
