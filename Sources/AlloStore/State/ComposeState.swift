public import AlloKit
public import Foundation

/// The compose box, the drafts of every conversation and the outbox of sends not yet confirmed.
public struct ComposeState: Equatable, Sendable {
    /// The conversation the box belongs to: its text is that conversation's draft. Kept here because the timeline's key
    /// has already moved on when `ComposeReducer.conversationChanged` runs.
    public var conversation: ConversationKey? = nil
    /// The recipient (E.164 as typed); the open conversation's number by default.
    public var recipient = ""
    public var sender: Sender? = nil
    public var text = ""
    /// The cursor, counted in characters back from the end of `text` (0: at the end). Counted from the end so text
    /// replaced by another reducer (a draft loaded, a failed send taken back to edit) leaves the cursor at its end.
    public var cursorFromEnd = 0
    /// Live checks of the text, recipient and sender; recomputed on every edit.
    public var validation = ComposeValidation()
    /// The user pressed send and is asked to confirm.
    public var confirming = false
    /// Unsent text per conversation, saved across restarts.
    public var drafts: [ConversationKey: String] = [:]
    /// Sends not yet confirmed by the API, oldest first. An entry leaves only when the API confirms it, or when the
    /// user takes its text back to edit it.
    public var outbox: [OutboxEntry] = []
    public var nextOutboxID = 1

    public init() {}

    /// The cursor as a character offset from the start of `text` (0…`text.count`).
    public var cursor: Int {
        let count = text.count
        return count - min(max(0, cursorFromEnd), count)
    }
}

/// Who an SMS is sent as.
public enum Sender: Equatable, Sendable, Hashable {
    /// An Allo number (E.164): `POST /v1/api/sms` with `from`.
    case number(String)
    /// A verified alphanumeric sender ID: France only, to a +33 recipient.
    case senderID(String)
}

/// What the compose box says about the message as typed.
public struct ComposeValidation: Equatable, Sendable {
    /// What blocks sending, in words the user can act on; empty when it can be sent.
    public var problems: [String] = []
    /// Encoding and segment count of the text.
    public var segments: SMSSegmentInfo = SMSSegments.count("")

    public init(problems: [String] = [], segments: SMSSegmentInfo = SMSSegments.count("")) {
        self.problems = problems
        self.segments = segments
    }

    public var canSend: Bool { problems.isEmpty }
}

/// An SMS handed to the API and not yet confirmed.
public struct OutboxEntry: Equatable, Sendable, Identifiable {
    public enum State: Equatable, Sendable {
        case sending
        /// Nothing went out; retry or edit.
        case failed(ErrorInfo)
        /// Timed out: it may have gone out. Shown as "unknown, check before resending"; never retried on its own.
        case unknown(ErrorInfo)
    }

    public var id: Int
    public var key: ConversationKey
    public var sender: Sender
    public var recipient: String
    public var text: String
    public var state: State
    /// When the user confirmed the send (the clock, or the open timeline's newest date if later): the date of its
    /// timeline item, which keeps its place when the conversation is closed and opened again.
    public var date: Date

    public init(id: Int, key: ConversationKey, sender: Sender, recipient: String, text: String, state: State = .sending,
                date: Date = Date(timeIntervalSince1970: 0)) {
        self.id = id
        self.key = key
        self.sender = sender
        self.recipient = recipient
        self.text = text
        self.state = state
        self.date = date
    }

    /// The timeline id of its pending item.
    public var timelineID: String { "local-\(id)" }
}

/// A draft as saved to disk.
public struct DraftRecord: Equatable, Sendable, Codable {
    public var key: ConversationKey
    public var text: String

    public init(key: ConversationKey, text: String) {
        self.key = key
        self.text = text
    }
}
