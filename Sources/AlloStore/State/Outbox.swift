public import AlloKit
public import Foundation

/// An SMS the user confirmed and whose outcome is not settled yet. Persisted, so a crash never drops it.
public struct OutboxEntry: Equatable, Sendable, Identifiable, Codable {
    public enum State: Equatable, Sendable, Codable {
        /// Handed to the API, no answer yet.
        case sending
        /// The API answered that it did not act (a 4xx, 429, a refused connection): "not sent"; retry or edit.
        case failed(ErrorInfo)
        /// No clear answer (`ErrorInfo.mayHaveBeenDone`): it may have gone out. The server is checked; it is never
        /// sent again on its own.
        case unknown(UnknownSend)
    }

    public var id: Int
    public var key: ConversationKey
    public var sender: Sender
    public var recipient: String
    public var text: String
    public var state: State
    /// When the user confirmed the send (the clock, or the open timeline's newest date if later): the date of its
    /// timeline item, and where the server's copy is looked for from (`SentSMSQuery.sentAt`).
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

    /// What to look for on the server.
    public var query: SentSMSQuery {
        let origin: SentSMSQuery.Origin = switch sender {
        case .number(let number): .number(number)
        case .senderID(let name): .senderID(name)
        }
        return SentSMSQuery(origin: origin, to: recipient, message: text, sentAt: date)
    }
}

/// A send that got no clear answer, and where checking the server stands.
public struct UnknownSend: Equatable, Sendable, Codable {
    public enum Phase: Equatable, Sendable, Codable {
        /// Looks are still due within the window.
        case checking
        /// The window passed and the server had no copy when last looked at: "not found on the server yet". Only now
        /// may the user send it again, explicitly.
        case notFound
        /// The window passed and no look succeeded (offline, errors).
        case checkFailed(ErrorInfo)
        /// There is nowhere to look (a v1 recipient who is no contact): the reason, in words.
        case cannotCheck(String)
    }

    /// The unclear answer to the send.
    public var cause: ErrorInfo
    public var phase: Phase
    /// Each round of looks (the first one, "check again", one after a restart) has its number; answers of an older
    /// round are dropped.
    public var round: Int
    /// The look of the round that is due or in flight, an index into `SentSMSQuery.checkTimes`.
    public var check: Int
    /// Whether a look of this round got an answer.
    public var looked: Bool
    /// Where to look (resolved by the first look: v2, or the v1 contact).
    public var place: SentSMSPlace

    public init(cause: ErrorInfo, phase: Phase = .checking, round: Int = 1, check: Int = 0, looked: Bool = false,
                place: SentSMSPlace = .automatic) {
        self.cause = cause
        self.phase = phase
        self.round = round
        self.check = check
        self.looked = looked
        self.place = place
    }

    /// The window has passed: the user may check again, send it again or edit it.
    public var isSettledAsUnknown: Bool { phase != .checking }
}

/// A send the server confirmed: by its answer (`serverDate` is the answer's `start_date`; v1 gives no id) or by a copy
/// found after an unclear answer (with the copy's id on v2). Kept for `SettledSend.memory`, so a later check of
/// another send with the same text does not take this one's copy for its own.
public struct SettledSend: Equatable, Sendable, Codable {
    public var recipient: String
    public var sender: Sender
    public var text: String
    public var serverID: String?
    public var serverDate: Date
    /// When it settled, by our clock.
    public var settledAt: Date

    public init(recipient: String, sender: Sender, text: String, serverID: String?, serverDate: Date, settledAt: Date) {
        self.recipient = recipient
        self.sender = sender
        self.text = text
        self.serverID = serverID
        self.serverDate = serverDate
        self.settledAt = settledAt
    }

    /// How long settled sends are remembered: past the skew a copy can be dated before its send, and the window.
    public static let memory: TimeInterval = 10 * 60
    /// How far a copy's date may be from the date the send's answer gave it.
    static let sameDate: TimeInterval = 2
}

/// The outbox as written to disk: the unsettled sends and the recently settled ones.
public struct OutboxSnapshot: Equatable, Sendable, Codable {
    public var entries: [OutboxEntry]
    public var settled: [SettledSend]

    public init(entries: [OutboxEntry] = [], settled: [SettledSend] = []) {
        self.entries = entries
        self.settled = settled
    }
}

/// A write to disk with its place in order: the writer keeps the newest revision and drops older ones.
public struct Revision<Value: Equatable & Sendable>: Equatable, Sendable {
    public var number: Int
    public var value: Value
    /// The outbox revision that must be on disk first (drafts only): a text leaves the drafts only once the outbox
    /// holds it as a send, so a crash between the two loses neither.
    public var after: Int

    public init(_ number: Int, _ value: Value, after: Int = 0) {
        self.number = number
        self.value = value
        self.after = after
    }
}
