public import AlloKit
public import Foundation

/// Everything that can happen: what the user did, what time it is, and what an effect brought back.
/// Named after what happened, not after what the reducer should do.
public enum Action: Equatable, Sendable {
    // MARK: Life cycle and time
    /// The client started at this time: load the session and the drafts.
    case started(Date)
    /// The clock moved (about once a second): toasts expire, refreshes fall due.
    case tick(Date)
    /// The client is quitting: drafts are saved.
    case quitRequested

    // MARK: Navigation (keys, already mapped by the view)
    case focusMoved(FocusMove)
    /// Up/down in the focused pane.
    case selectionMoved(by: Int)
    /// First (`g`) or last (`G`) row of the focused pane.
    case selectionJumped(toFirst: Bool)
    /// Enter in the focused pane: select a number, open a conversation, open a call's transcript.
    case selectionActivated
    /// The view's size for a pane changed.
    case viewportResized(Pane, rows: Int)
    case helpToggled
    /// The help overlay scrolled to show its rows from `to`.
    case helpScrolled(to: Int)
    case commandLineOpened
    case commandLineChanged(String)
    case commandLineSubmitted
    case commandLineCancelled
    case toastDismissed
    /// A prompt opened on the message line (`/`, `C`, Ctrl-C while sending).
    case inputOpened(InputMode)
    /// The text of a prompt that keeps its own (`recipient`) changed.
    case inputChanged(String)
    /// Enter at the prompt.
    case inputSubmitted
    /// Esc at the prompt.
    case inputCancelled
    /// `r`: refresh now (as `:refresh`).
    case refreshTapped

    // MARK: Session and numbers
    case sessionLoaded(Identity)
    case sessionFailed(ErrorInfo)
    case numbersLoaded(NumberSource, [NumberInfo], senderIDs: [String])
    case numbersFailed(NumberSource, ErrorInfo)
    case unreadCountLoaded(alloNumber: String, count: Int)

    // MARK: Inbox
    case inboxPageLoaded(InboxRequest, [InboxEntry], nextPage: Int?)
    case inboxPageFailed(InboxRequest, ErrorInfo)
    /// The local filter's text changed.
    case filterChanged(String)
    case searchSubmitted(String)
    case searchPageLoaded(SearchRequest, [TimelineItem], nextPage: Int?)
    case searchPageFailed(SearchRequest, ErrorInfo)
    case searchClosed
    case markUnreadTapped
    case archiveTapped
    case unarchiveTapped
    case conversationActionDone(ConversationActionRequest)
    case conversationActionFailed(ConversationActionRequest, ErrorInfo)

    // MARK: Timeline and transcript
    case timelinePageLoaded(TimelineRequest, [TimelineItem], nextPage: Int?)
    case timelinePageFailed(TimelineRequest, ErrorInfo)
    case transcriptLoaded(callID: String, Transcript)
    case transcriptFailed(callID: String, ErrorInfo)
    case transcriptClosed
    case transcriptQueryChanged(String)
    /// Next (+1) or previous (-1) match of the transcript search.
    case transcriptMatchMoved(by: Int)

    // MARK: Compose
    case composeTextChanged(String)
    /// A key edited the compose box at its cursor.
    case composeEdited(TextEdit)
    case composeRecipientChanged(String)
    case senderChosen(Sender)
    case sendTapped
    case sendConfirmed
    case sendCancelled
    case smsSent(outboxID: Int, TimelineItem)
    case smsSendFailed(outboxID: Int, ErrorInfo)
    /// Enter on a send that was not sent: send it again.
    case retryTapped(outboxID: Int)
    /// Enter on an unknown send: look on the server again.
    case checkAgainTapped(outboxID: Int)
    /// `R` on an unknown send once the window passed: asks the second confirmation.
    case resendTapped(outboxID: Int)
    /// `y` at "This SMS may already have been delivered. Send again? [y/N]".
    case resendConfirmed(outboxID: Int)
    /// One look on the server for an unknown send came back.
    case sendChecked(SendCheck, SendCheckResult)
    /// Takes a failed or unknown send's text back into the compose box.
    case editTapped(outboxID: Int)
    case draftsLoaded([DraftRecord])
    /// The persisted outbox, read at start.
    case outboxLoaded(OutboxSnapshot)

    // MARK: Live updates and status
    case refreshed(RefreshRequest, [InboxEntry], newest: [TimelineItem], at: Date)
    case refreshFailed(RefreshRequest, ErrorInfo)
    case rateLimitObserved(RateLimitInfo)
    /// Something outside the store has a message for the message line (e.g. the terminal client switched theme).
    case noticePosted(String, level: Toast.Level)
}

public enum FocusMove: Equatable, Sendable {
    case next, previous, left, right
    case to(Pane)
}
