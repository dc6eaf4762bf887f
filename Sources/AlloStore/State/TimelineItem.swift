public import Foundation

/// One call or SMS in a conversation's timeline, from v1 or v2, or an SMS the user is sending.
public struct TimelineItem: Equatable, Sendable, Identifiable {
    public enum Direction: Equatable, Sendable {
        case inbound, outbound, unknown
    }

    public enum Content: Equatable, Sendable {
        case call(CallInfo)
        case sms(SMSInfo)
    }

    /// The API's id (`cll-…`, `msg-…`, a v1 call id), or `local-N` for an SMS not confirmed yet.
    public var id: String
    public var date: Date
    public var direction: Direction
    public var content: Content
    /// The contact number (E.164) of the other party, when known (search results span conversations).
    public var contactNumber: String?

    public init(id: String, date: Date, direction: Direction, content: Content, contactNumber: String? = nil) {
        self.id = id
        self.date = date
        self.direction = direction
        self.content = content
        self.contactNumber = contactNumber
    }

    public var isCall: Bool {
        if case .call = content { return true }
        return false
    }
}

/// What the timeline shows of a call; the transcript is there when the API sent it.
public struct CallInfo: Equatable, Sendable {
    /// The result as the API spells it (`ANSWERED`, `VOICEMAIL`, `TRANSFERRED_AI`, …).
    public var result: String?
    public var durationSeconds: Int?
    public var summary: String?
    public var tag: String?
    public var recordingURL: String?
    /// The team member who handled it (v2), by name.
    public var handledBy: String?
    public var transcript: [TranscriptRow]?

    public init(result: String? = nil, durationSeconds: Int? = nil, summary: String? = nil, tag: String? = nil,
                recordingURL: String? = nil, handledBy: String? = nil, transcript: [TranscriptRow]? = nil) {
        self.result = result
        self.durationSeconds = durationSeconds
        self.summary = summary
        self.tag = tag
        self.recordingURL = recordingURL
        self.handledBy = handledBy
        self.transcript = transcript
    }
}

/// What the timeline shows of an SMS.
public struct SMSInfo: Equatable, Sendable {
    public var text: String
    public var delivery: Delivery

    public init(text: String, delivery: Delivery) {
        self.text = text
        self.delivery = delivery
    }
}

/// Where an SMS stands. `pending`, `failed` and `unknown` are local: the API has not confirmed the send.
public enum Delivery: Equatable, Sendable {
    /// Being sent (outbox entry `outboxID`).
    case pending(outboxID: Int)
    /// The API said it did not act: nothing went out; it can be retried or edited.
    case failed(outboxID: Int, ErrorInfo)
    /// No clear answer: it may have gone out. The server is checked; never resent automatically.
    case unknown(outboxID: Int, UnknownSend)
    /// The API's own status (`SENT`, `DELIVERED`, `FAILED`, …), or nil when it gives none (v1).
    case api(String?)
}

/// A transcript line.
public struct TranscriptRow: Equatable, Sendable {
    public enum Speaker: Equatable, Sendable {
        /// The team member.
        case user
        /// The other party.
        case external
        /// Allo's AI agent.
        case agent
        case other(String)
    }

    public var speaker: Speaker
    /// Seconds from the start of the call, when known.
    public var offsetSeconds: Double?
    public var text: String

    public init(speaker: Speaker, offsetSeconds: Double? = nil, text: String) {
        self.speaker = speaker
        self.offsetSeconds = offsetSeconds
        self.text = text
    }
}
