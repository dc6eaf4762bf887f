public import AlloKit
public import Foundation

/// Work the reducer asks for, as data. `EffectRunner` performs it with AlloKit and answers with actions;
/// a reducer test asserts the exact effects.
public enum Effect: Equatable, Sendable {
    /// `GET /v2/api/me` → `sessionLoaded` or `sessionFailed`.
    case loadSession
    /// v2 `GET /v2/api/numbers` or v1 `GET /v1/api/numbers` → `numbersLoaded` or `numbersFailed`.
    case loadNumbers(NumberSource)
    /// v2: how many conversations on a number are unread → `unreadCountLoaded`.
    case loadUnreadCount(alloNumber: String)
    /// One inbox page → `inboxPageLoaded` or `inboxPageFailed`.
    case loadInboxPage(InboxRequest)
    /// One page of a server search → `searchPageLoaded` or `searchPageFailed`.
    case searchItems(SearchRequest)
    /// One timeline page (newest first) → `timelinePageLoaded` or `timelinePageFailed`.
    case loadTimelinePage(TimelineRequest)
    /// v2 item with its transcript → `transcriptLoaded` or `transcriptFailed`.
    case loadTranscript(callID: String)
    /// v2 read / unread / archive / unarchive → `conversationActionDone` or `conversationActionFailed`.
    case conversationAction(ConversationActionRequest)
    /// `POST /v1/api/sms` once outbox revision `outboxRevision` is on disk; never retried when it may have been done
    /// → `smsSent` or `smsSendFailed`.
    case sendSMS(SendRequest)
    /// After `delay`, one look on the server for a send that got no clear answer → `sendChecked`.
    case checkSend(SendCheck)
    /// What changed since the last sync on a number → `refreshed` or `refreshFailed`.
    case refresh(RefreshRequest)
    /// Reads the saved drafts → `draftsLoaded` (and `noticePosted` when the file was unreadable and moved aside).
    case loadDrafts
    /// Writes the drafts at once (those asked for during a write are merged; the newest revision wins), atomically.
    /// Answered only by `noticePosted` when saving starts failing.
    case saveDrafts(Revision<[DraftRecord]>)
    /// Reads the persisted outbox → `outboxLoaded` (and `noticePosted` when the file was unreadable and moved aside).
    case loadOutbox
    /// Writes the outbox at once, atomically; a send waits for its revision. Answered only by `noticePosted` when saving
    /// starts failing.
    case saveOutbox(Revision<OutboxSnapshot>)
}

public struct InboxRequest: Equatable, Sendable {
    public var alloNumber: String
    public var source: InboxSource
    /// 1-based on v2 (conversations), 0-based on v1 (contacts).
    public var page: Int
    public var size: Int

    public init(alloNumber: String, source: InboxSource, page: Int, size: Int = 50) {
        self.alloNumber = alloNumber
        self.source = source
        self.page = page
        self.size = size
    }
}

public struct SearchRequest: Equatable, Sendable {
    public var alloNumber: String
    public var text: String
    /// 1-based.
    public var page: Int
    public var size: Int

    public init(alloNumber: String, text: String, page: Int, size: Int = 50) {
        self.alloNumber = alloNumber
        self.text = text
        self.page = page
        self.size = size
    }
}

public struct TimelineRequest: Equatable, Sendable {
    public var key: ConversationKey
    public var source: InboxSource
    /// 1-based on v2 (items search, newest first), 0-based on v1 (contact conversation).
    public var page: Int
    public var size: Int

    public init(key: ConversationKey, source: InboxSource, page: Int, size: Int = 50) {
        self.key = key
        self.source = source
        self.page = page
        self.size = size
    }
}

public struct ConversationActionRequest: Equatable, Sendable {
    public var action: ConversationAction
    public var key: ConversationKey

    public init(action: ConversationAction, key: ConversationKey) {
        self.action = action
        self.key = key
    }
}

public struct SendRequest: Equatable, Sendable {
    public var outboxID: Int
    public var sender: Sender
    public var recipient: String
    public var text: String
    /// The outbox revision holding this send: it is on disk before the POST leaves.
    public var outboxRevision: Int

    public init(outboxID: Int, sender: Sender, recipient: String, text: String, outboxRevision: Int) {
        self.outboxID = outboxID
        self.sender = sender
        self.recipient = recipient
        self.text = text
        self.outboxRevision = outboxRevision
    }
}

/// One look on the server for an unknown send (`UnknownSend`).
public struct SendCheck: Equatable, Sendable {
    public var outboxID: Int
    public var round: Int
    /// Which look of the round, an index into `SentSMSQuery.checkTimes`.
    public var check: Int
    public var query: SentSMSQuery
    public var place: SentSMSPlace
    /// How long the runner waits before looking.
    public var delay: Duration

    public init(outboxID: Int, round: Int, check: Int, query: SentSMSQuery, place: SentSMSPlace, delay: Duration) {
        self.outboxID = outboxID
        self.round = round
        self.check = check
        self.query = query
        self.place = place
        self.delay = delay
    }
}

/// What one look brought back.
public enum SendCheckResult: Equatable, Sendable {
    case looked(SentSMSLookup)
    case failed(ErrorInfo)
}

public struct RefreshRequest: Equatable, Sendable {
    public var alloNumber: String
    public var source: InboxSource
    /// v2: only conversations active since then (`last_activity_since`); nil for the first page.
    public var since: Date?
    /// The open conversation, whose newest page is fetched too.
    public var openConversation: ConversationKey?

    public init(alloNumber: String, source: InboxSource, since: Date? = nil, openConversation: ConversationKey? = nil) {
        self.alloNumber = alloNumber
        self.source = source
        self.since = since
        self.openConversation = openConversation
    }
}
