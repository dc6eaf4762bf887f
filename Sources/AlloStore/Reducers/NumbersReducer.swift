/// The account's Allo numbers: loading (v2, or v1 when v2 is refused), selecting one, unread counts.
enum NumbersReducer {
    static let emptyNotice = "This account has no Allo numbers"

    static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .numbersLoaded(_, let list, let senderIDs):
            state.numbers.list = .loaded(list)
            state.numbers.senderIDs = senderIDs
            StatusReducer.markOnline(in: &state)
            LiveReducer.recovered(&state)
            guard !list.isEmpty else {
                StatusReducer.notify(emptyNotice, level: .notice, in: &state)
                return []
            }
            var effects: [Effect] = []
            if let selected = state.numbers.selected, let index = list.firstIndex(where: { $0.number == selected }) {
                state.numbers.cursor.select(index, count: list.count)
            } else {
                state.numbers.cursor.select(0, count: list.count)
                effects += select(list[0].number, in: &state)
            }
            if state.inbox.source == .conversations, state.session.capabilities.hasReadState {
                effects += list.map { .loadUnreadCount(alloNumber: $0.number) }
            }
            return effects

        case .numbersFailed(let source, let error):
            if error.kind == .cancelled { return [] }
            // v2 numbers refused for a scope: v1 lists them too (with CONVERSATIONS_READ). Once: v1 does not fall back.
            if source == .v2, error.kind == .http(status: 403) {
                return [.loadNumbers(.v1)]
            }
            state.numbers.list.fail(error)
            if error.isTransient {
                LiveReducer.backOff(after: error, in: &state)
            } else {
                StatusReducer.report(error, in: &state)
            }
            return []

        case .unreadCountLoaded(let number, let count):
            state.numbers.unread[number] = count
            StatusReducer.markOnline(in: &state)
            return []

        default:
            return []
        }
    }

    /// Shows `number`'s inbox: the inbox starts over (entries, selection, filter, search), the timeline closes, the
    /// compose box leaves its conversation, and the first page is asked for. Answers for the old number are then stale.
    static func select(_ number: String, in state: inout AppState) -> [Effect] {
        let previous = state.numbers.selected
        guard number != previous else { return [] }
        state.numbers.selected = number
        var effects = InboxReducer.load(number, in: &state)
        if previous != nil {
            TimelineReducer.close(in: &state)
            effects += ComposeReducer.conversationChanged(to: nil, in: &state)
        }
        return effects
    }
}
