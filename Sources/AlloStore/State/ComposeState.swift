public import AlloKit
import Foundation

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
    /// Sends not settled yet, oldest first, persisted from the moment the user confirms them. An entry leaves only
    /// when the API confirms it (by its answer, or a copy found on the server), or when the user takes its text back.
    public var outbox: [OutboxEntry] = []
    public var nextOutboxID = 1
    /// Sends settled recently (see `SettledSend`): a copy on the server that belongs to one of them is not taken as the
    /// copy of another send with the same text.
    public var settled: [SettledSend] = []
    /// How long the server is checked after a send got no clear answer (`SentSMSQuery.checkTimes(within:)`).
    public var checkWindow: Duration = .seconds(10)
    /// Rounds of looks started so far: each round's number tells its answers from older ones.
    public var checkRounds = 0
    /// The text of an unknown send taken back into the box: sending it unchanged asks with the risk named.
    public var unknownText: String? = nil
    /// Bumped on each write of the drafts and of the outbox, so the writer keeps the newest and a send can wait for
    /// its entry to be on disk.
    public var draftsRevision = 0
    public var outboxRevision = 0

    public init() {}

    /// The cursor as a character offset from the start of `text` (0…`text.count`).
    public var cursor: Int {
        let count = text.count
        return count - min(max(0, cursorFromEnd), count)
    }
}

/// Who an SMS is sent as.
public enum Sender: Equatable, Sendable, Hashable, Codable {
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

/// A draft as saved to disk.
public struct DraftRecord: Equatable, Sendable, Codable {
    public var key: ConversationKey
    public var text: String

    public init(key: ConversationKey, text: String) {
        self.key = key
        self.text = text
    }
}
