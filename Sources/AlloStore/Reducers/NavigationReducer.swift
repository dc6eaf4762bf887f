import Foundation

/// Focus, selection, activation, viewports, help and the `:` command line.
///
/// Tab order is `Pane.allCases` without the panes not shown (the transcript shows only while a call is open).
/// `next`/`previous` wrap around; `left`/`right` stop at the ends.
///
/// Commands (`:` then Enter; words are case-insensitive, arguments kept as typed):
/// - `search <words>` (or `/<words>`): server search (v2); `search` alone closes it.
/// - `filter <text>`: filters the loaded inbox; `filter` alone clears it.
/// - `number <E.164 | n>`: shows that Allo number, by number or by its 1-based position in the list.
/// - `refresh`: refreshes now (unless one is running or the rate limit is spent).
/// - `read`, `unread`, `archive`, `unarchive`: on the selected conversation (`read` opens it).
/// - `help`: shows the help overlay.
/// - `q`, `quit`: quits, saving drafts (as `quitRequested`).
/// Anything else: a toast naming the unknown command.
enum NavigationReducer {
    static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .focusMoved(let move):
            moveFocus(move, in: &state)
            return []
        case .selectionMoved(let delta):
            return moveSelection(by: delta, in: &state)
        case .selectionJumped(let toFirst):
            return jump(toFirst: toFirst, in: &state)
        case .selectionActivated:
            return activate(&state)
        case .viewportResized(let pane, let rows):
            resize(pane, rows: rows, in: &state)
            return []
        case .helpToggled:
            state.navigation.helpVisible.toggle()
            state.navigation.helpOffset = 0
            return []
        case .helpScrolled(let offset):
            state.navigation.helpOffset = max(0, offset)
            return []
        case .commandLineOpened:
            state.navigation.commandLine = ""
            return []
        case .commandLineChanged(let text):
            if state.navigation.commandLine != nil { state.navigation.commandLine = text }
            return []
        case .commandLineCancelled:
            state.navigation.commandLine = nil
            return []
        case .commandLineSubmitted:
            guard let line = state.navigation.commandLine else { return [] }
            state.navigation.commandLine = nil
            return run(line, in: &state)
        default:
            return []
        }
    }

    // MARK: Focus

    /// The panes shown, in Tab order.
    static func shownPanes(_ state: AppState) -> [Pane] {
        Pane.allCases.filter { $0 != .transcript || state.transcript.callID != nil }
    }

    private static func moveFocus(_ move: FocusMove, in state: inout AppState) {
        let panes = shownPanes(state)
        let current = panes.firstIndex(of: state.navigation.focus) ?? 0
        switch move {
        case .next: state.navigation.focus = panes[(current + 1) % panes.count]
        case .previous: state.navigation.focus = panes[(current + panes.count - 1) % panes.count]
        case .right: state.navigation.focus = panes[min(current + 1, panes.count - 1)]
        case .left: state.navigation.focus = panes[max(current - 1, 0)]
        case .to(let pane): if panes.contains(pane) { state.navigation.focus = pane }
        }
    }

    // MARK: Selection

    private static func moveSelection(by delta: Int, in state: inout AppState) -> [Effect] {
        switch state.navigation.focus {
        case .numbers:
            state.numbers.cursor.move(by: delta, count: state.numbers.list.value?.count ?? 0)
            return []
        case .inbox:
            if state.inbox.search != nil {
                state.inbox.search!.cursor.move(by: delta, count: state.inbox.search!.results.count)
                return SearchReducer.loadMoreIfNeeded(&state)
            }
            state.inbox.cursor.move(by: delta, count: state.inbox.visibleCount)
            return InboxReducer.loadMoreIfNeeded(&state)
        case .timeline:
            return TimelineReducer.move(by: delta, in: &state)
        case .transcript:
            TranscriptReducer.move(by: delta, in: &state)
            return []
        case .compose:
            return []
        }
    }

    private static func jump(toFirst: Bool, in state: inout AppState) -> [Effect] {
        func target(_ count: Int) -> Int { toFirst ? 0 : max(count - 1, 0) }
        switch state.navigation.focus {
        case .numbers:
            let count = state.numbers.list.value?.count ?? 0
            state.numbers.cursor.select(target(count), count: count)
            return []
        case .inbox:
            if state.inbox.search != nil {
                let count = state.inbox.search!.results.count
                state.inbox.search!.cursor.select(target(count), count: count)
                return SearchReducer.loadMoreIfNeeded(&state)
            }
            state.inbox.cursor.select(target(state.inbox.visibleCount), count: state.inbox.visibleCount)
            return InboxReducer.loadMoreIfNeeded(&state)
        case .timeline:
            let count = state.timeline.items.count
            return TimelineReducer.move(by: target(count) - state.timeline.cursor.selected, in: &state)
        case .transcript:
            let count = state.transcript.transcript.value?.rows.count ?? 0
            TranscriptReducer.move(by: target(count) - state.transcript.cursor.selected, in: &state)
            return []
        case .compose:
            return []
        }
    }

    private static func activate(_ state: inout AppState) -> [Effect] {
        switch state.navigation.focus {
        case .numbers:
            guard let list = state.numbers.list.value, list.indices.contains(state.numbers.cursor.selected) else {
                return []
            }
            state.navigation.focus = .inbox
            return NumbersReducer.select(list[state.numbers.cursor.selected].number, in: &state)
        case .inbox:
            if let search = state.inbox.search {
                guard let number = state.inbox.alloNumber, search.results.indices.contains(search.cursor.selected),
                      let contact = search.results[search.cursor.selected].contactNumber else { return [] }
                return InboxReducer.open(ConversationKey(alloNumber: number, contactNumber: contact), entryIndex: nil,
                                         in: &state)
            }
            guard let index = InboxReducer.selectedIndex(state) else { return [] }
            return InboxReducer.open(state.inbox.entries[index].key, entryIndex: index, in: &state)
        case .timeline:
            guard let item = state.timeline.selectedItem, item.isCall else { return [] }
            let effects = TranscriptReducer.open(item, in: &state)
            state.navigation.focus = .transcript
            return effects
        case .transcript, .compose:
            return []
        }
    }

    private static func resize(_ pane: Pane, rows: Int, in state: inout AppState) {
        let rows = max(rows, 1)
        switch pane {
        case .numbers:
            state.numbers.cursor.viewport = rows
            state.numbers.cursor.select(state.numbers.cursor.selected, count: state.numbers.list.value?.count ?? 0)
        case .inbox:
            state.inbox.cursor.viewport = rows
            state.inbox.cursor.select(state.inbox.cursor.selected, count: state.inbox.visibleCount)
            if state.inbox.search != nil {
                state.inbox.search!.cursor.viewport = rows
                state.inbox.search!.cursor.select(state.inbox.search!.cursor.selected,
                                                  count: state.inbox.search!.results.count)
            }
        case .timeline:
            state.timeline.cursor.viewport = rows
            state.timeline.cursor.select(state.timeline.cursor.selected, count: state.timeline.items.count)
        case .transcript:
            state.transcript.cursor.viewport = rows
            state.transcript.cursor.select(state.transcript.cursor.selected,
                                           count: state.transcript.transcript.value?.rows.count ?? 0)
        case .compose:
            break
        }
    }

    // MARK: Commands

    static func run(_ line: String, in state: inout AppState) -> [Effect] {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return [] }
        if trimmed.hasPrefix("/") { return SearchReducer.reduce(&state, .searchSubmitted(String(trimmed.dropFirst()))) }
        let word = trimmed.prefix { !$0.isWhitespace }
        let argument = trimmed.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
        switch word.lowercased() {
        case "search":
            if argument.isEmpty { return SearchReducer.reduce(&state, .searchClosed) }
            return SearchReducer.reduce(&state, .searchSubmitted(argument))
        case "filter":
            state.navigation.focus = .inbox
            return InboxReducer.reduce(&state, .filterChanged(argument))
        case "number":
            return selectNumber(argument, in: &state)
        case "refresh":
            if state.live.inFlight { return [] }
            state.live.nextRefreshAt = state.status.now
            guard LiveReducer.isDue(state) else {
                StatusReducer.notify("Rate limit reached: refreshing when it resets", level: .notice, in: &state)
                return []
            }
            return LiveReducer.refreshNow(&state)
        case "read":
            state.navigation.focus = .inbox
            return activate(&state)
        case "unread":
            return InboxReducer.reduce(&state, .markUnreadTapped)
        case "archive":
            return InboxReducer.reduce(&state, .archiveTapped)
        case "unarchive":
            return InboxReducer.reduce(&state, .unarchiveTapped)
        case "help":
            state.navigation.helpVisible = true
            return []
        case "q", "quit":
            return LiveReducer.quit(&state)
        default:
            StatusReducer.notify("Unknown command: \(word) (try :help)", level: .error, in: &state)
            return []
        }
    }

    private static func selectNumber(_ argument: String, in state: inout AppState) -> [Effect] {
        let list = state.numbers.list.value ?? []
        let compact = argument.filter { !$0.isWhitespace && $0 != "-" && $0 != "(" && $0 != ")" && $0 != "." }
        let index: Int?
        if let position = Int(compact), !compact.hasPrefix("+"), position >= 1, position <= list.count,
           compact.count <= 3 {
            index = position - 1
        } else {
            index = list.firstIndex { $0.number == compact }
        }
        guard let index else {
            StatusReducer.notify("No Allo number \(argument)", level: .error, in: &state)
            return []
        }
        state.numbers.cursor.select(index, count: list.count)
        state.navigation.focus = .inbox
        return NumbersReducer.select(list[index].number, in: &state)
    }
}
