/// The one reducer: routes each action to its feature's reducer. Pure: no clock, no I/O; effects are returned as data.
public func reduce(into state: inout AppState, action: Action) -> [Effect] {
    switch action {
    case .started, .tick, .quitRequested, .refreshed, .refreshFailed:
        return LiveReducer.reduce(&state, action)
    case .focusMoved, .selectionMoved, .selectionJumped, .selectionActivated, .viewportResized, .helpToggled, .helpScrolled,
         .commandLineOpened, .commandLineChanged, .commandLineSubmitted, .commandLineCancelled:
        return NavigationReducer.reduce(&state, action)
    case .inputOpened, .inputChanged, .inputSubmitted, .inputCancelled, .refreshTapped, .composeEdited:
        return EditingReducer.reduce(&state, action)
    case .toastDismissed, .rateLimitObserved, .noticePosted:
        return StatusReducer.reduce(&state, action)
    case .sessionLoaded, .sessionFailed:
        return SessionReducer.reduce(&state, action)
    case .numbersLoaded, .numbersFailed, .unreadCountLoaded:
        return NumbersReducer.reduce(&state, action)
    case .inboxPageLoaded, .inboxPageFailed, .filterChanged, .markUnreadTapped, .archiveTapped, .unarchiveTapped,
         .conversationActionDone, .conversationActionFailed:
        return InboxReducer.reduce(&state, action)
    case .searchSubmitted, .searchPageLoaded, .searchPageFailed, .searchClosed:
        return SearchReducer.reduce(&state, action)
    case .timelinePageLoaded, .timelinePageFailed:
        return TimelineReducer.reduce(&state, action)
    case .transcriptLoaded, .transcriptFailed, .transcriptClosed, .transcriptQueryChanged, .transcriptMatchMoved:
        return TranscriptReducer.reduce(&state, action)
    case .composeTextChanged, .composeRecipientChanged, .senderChosen, .sendTapped, .sendConfirmed, .sendCancelled,
         .smsSent, .smsSendFailed, .retryTapped, .checkAgainTapped, .resendTapped, .resendConfirmed, .sendChecked,
         .editTapped, .draftsLoaded, .outboxLoaded:
        return ComposeReducer.reduce(&state, action)
    }
}
