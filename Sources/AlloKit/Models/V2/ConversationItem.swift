public import Foundation

/// One call or message of the unified v2 inbox (contract §7.5), as item search, get, batch and the tag calls return
/// it. Call fields (`duration`, `result`, `recordingURL`, `summary`, `tags`, `transcript`) are empty on messages and
/// message fields (`content`, `status`, `messageType`) on calls.
///
/// A conversation's `lastItem` carries only some fields, so everything but `id` may be missing.
public struct ConversationItem: Codable, Sendable, Hashable, Identifiable {
    /// `cll-…` for a call, `msg-…` for a message (`cll_…`/`msg_…` are seen too). Opaque.
    public var id: String
    /// Call or message; taken from the id's prefix when the API leaves `type` out.
    public var type: ItemType
    /// Inbound or outbound; unknown values are kept as `.unknown`.
    public var direction: ItemDirection?
    /// Your line, E.164. Nil for messages sent from a sender ID.
    public var alloNumber: String?
    /// The sender ID a message went out under, when it did (not in the docs; the sandbox sends it).
    public var senderID: String?
    /// The other party, E.164.
    public var contactNumber: String?
    /// Contacts whose number is `contactNumber`.
    public var contacts: [ItemContact]
    /// The team member who handled it.
    public var user: UserRef?
    /// When it happened.
    public var date: Date?
    /// Calls: seconds.
    public var duration: Int?
    /// Calls.
    public var result: ItemResult?
    /// Calls with a recording.
    public var recordingURL: String?
    /// Calls: the AI summary, in markdown.
    public var summary: String?
    /// Calls: tag keys. Empty for messages.
    public var tags: [String]
    /// Calls, and only when asked for (`extend: [.transcript]`); nil otherwise.
    public var transcript: [ItemTranscriptLine]?
    /// Messages: the text.
    public var content: String?
    /// Messages: delivery state.
    public var status: MessageStatus?
    /// Messages: SMS, MMS or WhatsApp.
    public var messageType: MessageType?

    /// Builds an item, for tests and previews; the API builds them when decoding.
    public init(id: String, type: ItemType, direction: ItemDirection? = nil, alloNumber: String? = nil,
                senderID: String? = nil, contactNumber: String? = nil, contacts: [ItemContact] = [], user: UserRef? = nil,
                date: Date? = nil, duration: Int? = nil, result: ItemResult? = nil, recordingURL: String? = nil,
                summary: String? = nil, tags: [String] = [], transcript: [ItemTranscriptLine]? = nil, content: String? = nil,
                status: MessageStatus? = nil, messageType: MessageType? = nil) {
        self.id = id
        self.type = type
        self.direction = direction
        self.alloNumber = alloNumber
        self.senderID = senderID
        self.contactNumber = contactNumber
        self.contacts = contacts
        self.user = user
        self.date = date
        self.duration = duration
        self.result = result
        self.recordingURL = recordingURL
        self.summary = summary
        self.tags = tags
        self.transcript = transcript
        self.content = content
        self.status = status
        self.messageType = messageType
    }

    /// Whether the item is a call rather than a message.
    public var isCall: Bool { type == .call }

    enum CodingKeys: String, CodingKey {
        case id, type, direction
        case alloNumber = "allo_number"
        case senderID = "sender_id"
        case contactNumber = "contact_number"
        case contacts, user, date, duration, result
        case recordingURL = "recording_url"
        case summary, tags, transcript, content, status
        case messageType = "message_type"
    }

    public init(from decoder: any Decoder) throws {
        let container = try BothCases(decoder, CodingKeys.self)
        id = try container.require(String.self, .id)
        // The id's prefix says what it is when `type` is missing.
        type = try container(ItemType.self, .type)
            ?? (id.hasPrefix("cll") ? .call : id.hasPrefix("msg") ? .sms : .unknown(""))
        direction = try container(ItemDirection.self, .direction)
        alloNumber = try container(String.self, .alloNumber)
        senderID = try container(String.self, .senderID)
        contactNumber = try container(String.self, .contactNumber)
        contacts = try container([ItemContact].self, .contacts) ?? []
        user = try container(UserRef.self, .user)
        date = try container(Date.self, .date)
        duration = try container(Double.self, .duration).flatMap { $0.isFinite && abs($0) < 1e15 ? Int($0.rounded()) : nil }
        result = try container(ItemResult.self, .result)
        recordingURL = try container(String.self, .recordingURL)
        summary = try container(String.self, .summary)
        tags = try container([String].self, .tags) ?? []
        transcript = try container([ItemTranscriptLine].self, .transcript)
        content = try container(String.self, .content)
        status = try container(MessageStatus.self, .status)
        messageType = try container(MessageType.self, .messageType)
    }
}

/// A call or a message. The v1-era spelling `TEXT_MESSAGE` (still accepted by the live search, §7.5) reads as `.sms`.
public enum ItemType: OpenEnum {
    case call, sms
    case unknown(String)

    /// Wire spellings; `SMS` is the one sent. Any other value decodes as `.unknown(raw)`.
    public static let wireValues: [(ItemType, String)] = [(.call, "CALL"), (.sms, "SMS"), (.sms, "TEXT_MESSAGE")]
}

/// Who started it.
public enum ItemDirection: OpenEnum {
    case inbound, outbound
    case unknown(String)

    /// Wire spellings of the known cases; any other value decodes as `.unknown(raw)`.
    public static let wireValues: [(ItemDirection, String)] = [(.inbound, "INBOUND"), (.outbound, "OUTBOUND")]
}

/// How a call ended. `MISSED` is not in the OpenAPI but the live search accepts it (§7.5).
public enum ItemResult: OpenEnum {
    case answered, voicemail, transferred, missed
    case unknown(String)

    /// Wire spellings of the known cases; any other value decodes as `.unknown(raw)`.
    public static let wireValues: [(ItemResult, String)] = [
        (.answered, "ANSWERED"), (.voicemail, "VOICEMAIL"), (.transferred, "TRANSFERRED"), (.missed, "MISSED"),
    ]
}

/// Where a message is on its way out.
public enum MessageStatus: OpenEnum {
    case pending, sent, delivered, failed
    case unknown(String)

    /// Wire spellings of the known cases; any other value decodes as `.unknown(raw)`.
    public static let wireValues: [(MessageStatus, String)] = [
        (.pending, "PENDING"), (.sent, "SENT"), (.delivered, "DELIVERED"), (.failed, "FAILED"),
    ]
}

/// The channel a message went through.
public enum MessageType: OpenEnum {
    case sms, mms, whatsapp
    case unknown(String)

    /// Wire spellings of the known cases; any other value decodes as `.unknown(raw)`.
    public static let wireValues: [(MessageType, String)] = [(.sms, "SMS"), (.mms, "MMS"), (.whatsapp, "WHATSAPP")]
}

/// One line of a call's transcript.
public struct ItemTranscriptLine: Codable, Sendable, Hashable {
    /// Who spoke; a missing or unknown speaker is `.unknown`.
    public var source: ItemSpeaker
    /// When it was said.
    public var time: Date?
    /// What was said; empty when absent.
    public var text: String

    /// Builds a transcript line, for tests and previews; the API builds them when decoding.
    public init(source: ItemSpeaker, time: Date? = nil, text: String) {
        self.source = source
        self.time = time
        self.text = text
    }

    enum CodingKeys: String, CodingKey { case source, time, text }

    public init(from decoder: any Decoder) throws {
        let container = try BothCases(decoder, CodingKeys.self)
        source = try container(ItemSpeaker.self, .source) ?? .unknown("")
        time = try container(Date.self, .time)
        text = try container(String.self, .text) ?? ""
    }
}

/// Who speaks a transcript line: the Allo user, the other party, or Allo's AI assistant.
public enum ItemSpeaker: OpenEnum {
    case user, external, agent
    case unknown(String)

    /// Wire spellings of the known cases; any other value decodes as `.unknown(raw)`.
    public static let wireValues: [(ItemSpeaker, String)] = [(.user, "USER"), (.external, "EXTERNAL"), (.agent, "AGENT")]
}
