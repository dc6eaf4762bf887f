import Foundation

/// Life cycle and time: start, ticks, background refresh with backoff, quit.
///
/// One schedule (`live.nextRefreshAt`, backed off by `live.currentInterval`) drives every retry on its own: the
/// refresh of the selected number, and a session or numbers load that failed for a transient reason (offline, timeout,
/// 429, 5xx). A tick does nothing before it falls due, so the screen does not change while idle.
enum LiveReducer {
    static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .started(let date):
            state.status.now = date
            return [.loadSession, .loadDrafts, .loadOutbox]

        case .tick(let date):
            state.status.now = date
            return retryIfDue(&state)

        case .quitRequested:
            return quit(&state)

        case .refreshed(let request, let entries, let newest, let at):
            return refreshed(request, entries, newest: newest, at: at, in: &state)

        case .refreshFailed(_, let error):
            state.live.inFlight = false
            if error.kind == .cancelled { return [] }
            backOff(after: error, in: &state)
            return []

        default:
            return []
        }
    }

    // MARK: Schedule

    /// Whether the schedule allows a request now: due, and the last rate-limit reading left room (or has reset).
    static func isDue(_ state: AppState) -> Bool {
        let now = state.status.now
        guard let due = state.live.nextRefreshAt, due <= now else { return false }
        if let limit = state.status.rateLimit, limit.remaining == 0, let reset = limit.reset, reset > now { return false }
        return true
    }

    private static func retryIfDue(_ state: inout AppState) -> [Effect] {
        guard isDue(state) else { return [] }
        // A session that failed for a transient reason is asked again.
        if case .failed(let error, _) = state.session.identity, error.isTransient {
            state.session.identity.startLoading()
            return [.loadSession]
        }
        // So are the numbers.
        if case .failed(let error, _) = state.numbers.list, error.isTransient {
            state.numbers.list.startLoading()
            return [.loadNumbers(state.session.capabilities.numberSource)]
        }
        return refreshNow(&state)
    }

    /// Starts a refresh of the selected number unless one is running.
    static func refreshNow(_ state: inout AppState) -> [Effect] {
        guard !state.live.inFlight, let number = state.numbers.selected, state.inbox.alloNumber == number else { return [] }
        let source = state.inbox.source
        let request = RefreshRequest(alloNumber: number, source: source,
                                     since: source == .conversations ? state.live.lastSync[number] : nil,
                                     openConversation: state.timeline.key)
        state.live.inFlight = true
        return [.refresh(request)]
    }

    /// A failure in a row: the pause doubles up to `maxInterval`, or stretches to the server's `retryAfter` when longer.
    /// Only the first failure in a row is shown (no toast storm); a network failure marks the app offline.
    static func backOff(after error: ErrorInfo, in state: inout AppState) {
        state.live.failures += 1
        if state.live.failures == 1 {
            StatusReducer.report(error, in: &state)
        } else if error.isOffline, state.status.offlineSince == nil {
            state.status.offlineSince = state.status.now
        }
        state.live.currentInterval = min(state.live.currentInterval * 2, state.live.maxInterval)
        if let wait = error.retryAfter, wait > state.live.currentInterval { state.live.currentInterval = wait }
        state.live.nextRefreshAt = state.status.now.adding(state.live.currentInterval)
    }

    /// A success: the backoff is over.
    static func recovered(_ state: inout AppState) {
        state.live.failures = 0
        state.live.currentInterval = state.live.interval
    }

    // MARK: Refresh

    private static func refreshed(_ request: RefreshRequest, _ entries: [InboxEntry], newest: [TimelineItem], at: Date,
                                  in state: inout AppState) -> [Effect] {
        state.live.inFlight = false
        StatusReducer.markOnline(in: &state)
        // For a number no longer shown: dropped; the schedule stays due, so the next tick refreshes the new one.
        guard request.alloNumber == state.numbers.selected, request.alloNumber == state.inbox.alloNumber,
              request.source == state.inbox.source else { return [] }
        let merge = InboxReducer.mergeRefreshed(entries, in: &state)
        var newInbound = merge.newActivity
        if let key = request.openConversation, key == state.timeline.key {
            newInbound += TimelineReducer.mergeNewest(newest, for: key, in: &state)
        }
        if newInbound > 0 {
            StatusReducer.notify(newInbound == 1 ? "1 new message" : "\(newInbound) new messages", level: .notice,
                                 in: &state)
        }
        state.live.lastSync[request.alloNumber] = at
        recovered(&state)
        state.live.nextRefreshAt = at.adding(state.live.interval)
        if merge.unreadMayHaveChanged, state.session.capabilities.hasReadState, request.source == .conversations {
            return [.loadUnreadCount(alloNumber: request.alloNumber)]
        }
        return []
    }

    // MARK: Quit

    /// The drafts are saved one last time (the store waits for it).
    static func quit(_ state: inout AppState) -> [Effect] {
        state.navigation.quitting = true
        return [ComposeReducer.saveDrafts(&state)]
    }
}
