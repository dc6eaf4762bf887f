import AlloKit
import Foundation

/// The selected number's inbox: pages, the local filter, read state, opening a conversation, refresh merges.
///
/// Costs: a page costs O(page); a selection move O(1); a filter change O(entries) (O(matches) when it narrows); a
/// refresh merge O(page + position of the deepest updated row), plus, with a filter on, O(matches).
enum InboxReducer {
    /// Rows from the end of the loaded list at which the next page is asked for.
    static let prefetchDistance = 5

    static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .inboxPageLoaded(let request, let entries, let nextPage):
            return pageLoaded(request, entries, nextPage: nextPage, in: &state)
        case .inboxPageFailed(let request, let error):
            guard isCurrent(request, state) else { return [] }
            state.inbox.status = .failed(error, page: request.page)
            StatusReducer.report(error, in: &state)
            return []
        case .filterChanged(let text):
            filterChanged(text, in: &state)
            return []
        case .markUnreadTapped:
            return act(.unread, in: &state)
        case .archiveTapped:
            return act(.archive, in: &state)
        case .unarchiveTapped:
            return act(.unarchive, in: &state)
        case .conversationActionDone:
            StatusReducer.markOnline(in: &state)
            return []
        case .conversationActionFailed(let request, let error):
            revert(request, in: &state)
            StatusReducer.report(error, in: &state)
            return []
        default:
            return []
        }
    }

    /// The first page: 1 on v2 (conversations), 0 on v1 (contacts).
    static func firstPage(_ source: InboxSource) -> Int { source == .conversations ? 1 : 0 }

    // MARK: Pages

    /// Empties the inbox and asks for the first page of `number`.
    static func load(_ number: String, in state: inout AppState) -> [Effect] {
        let source = state.inbox.source
        let first = firstPage(source)
        state.inbox.alloNumber = number
        state.inbox.entries.removeAll()
        state.inbox.ids.removeAll()
        state.inbox.nextPage = first
        state.inbox.status = .loading(page: first)
        state.inbox.cursor = ListCursor(viewport: state.inbox.cursor.viewport)
        state.inbox.filter = ""
        state.inbox.visible = nil
        state.inbox.search = nil
        return [.loadInboxPage(InboxRequest(alloNumber: number, source: source, page: first))]
    }

    private static func isCurrent(_ request: InboxRequest, _ state: AppState) -> Bool {
        request.alloNumber == state.inbox.alloNumber && request.source == state.inbox.source
            && state.inbox.status == .loading(page: request.page)
    }

    private static func pageLoaded(_ request: InboxRequest, _ entries: [InboxEntry], nextPage: Int?,
                                   in state: inout AppState) -> [Effect] {
        guard isCurrent(request, state) else { return [] }
        syncIDs(&state)
        let needle = state.inbox.visible == nil ? nil : FilterNeedle(state.inbox.filter)
        for entry in entries where state.inbox.ids.insert(entry.id).inserted {
            state.inbox.entries.append(entry)
            if let needle, needle.matches(entry.searchText) {
                state.inbox.visible?.append(state.inbox.entries.count - 1)
            }
        }
        state.inbox.nextPage = nextPage
        state.inbox.status = .idle
        StatusReducer.markOnline(in: &state)
        LiveReducer.recovered(&state)
        if state.live.nextRefreshAt == nil { state.live.nextRefreshAt = state.status.now.adding(state.live.interval) }
        // A short page with more behind it: fetch on while the selection already sits near the end (not under a
        // filter, which would page through the whole inbox on its own).
        return state.inbox.visible == nil ? loadMoreIfNeeded(&state) : []
    }

    /// Asks for the next page when the selection is within `prefetchDistance` rows of the end of what is loaded (after a
    /// failure, the same page again).
    static func loadMoreIfNeeded(_ state: inout AppState) -> [Effect] {
        guard state.inbox.search == nil, let number = state.inbox.alloNumber, let next = state.inbox.nextPage,
              !state.inbox.status.isLoading else { return [] }
        let remaining = state.inbox.visibleCount - 1 - state.inbox.cursor.selected
        guard remaining < prefetchDistance else { return [] }
        state.inbox.status = .loading(page: next)
        return [.loadInboxPage(InboxRequest(alloNumber: number, source: state.inbox.source, page: next))]
    }

    /// Rebuilds `ids` when a hand-built state left it out of step (O(entries), once).
    static func syncIDs(_ state: inout AppState) {
        if state.inbox.ids.count != state.inbox.entries.count {
            state.inbox.ids = Set(state.inbox.entries.lazy.map(\.id))
        }
    }

    // MARK: Filter

    private static func filterChanged(_ text: String, in state: inout AppState) {
        let old = FilterNeedle(state.inbox.filter)
        let new = FilterNeedle(text)
        state.inbox.filter = text
        if new.isEmpty {
            state.inbox.visible = nil
        } else if state.inbox.visible != nil, !old.isEmpty, old.isNarrowed(by: new) {
            // Narrowing: only the previous matches can still match.
            let entries = state.inbox.entries
            state.inbox.visible!.removeAll { !new.matches(entries[$0].searchText) }
        } else {
            var visible: [Int] = []
            for (index, entry) in state.inbox.entries.enumerated() where new.matches(entry.searchText) {
                visible.append(index)
            }
            state.inbox.visible = visible
        }
        state.inbox.cursor.select(0, count: state.inbox.visibleCount)
    }

    // MARK: Read state

    /// The index in `entries` of the selected row.
    static func selectedIndex(_ state: AppState) -> Int? {
        let row = state.inbox.cursor.selected
        let index = state.inbox.visible.map { row < $0.count ? $0[row] : -1 } ?? row
        return state.inbox.entries.indices.contains(index) ? index : nil
    }

    private static func act(_ action: ConversationAction, in state: inout AppState) -> [Effect] {
        guard state.inbox.source == .conversations, state.session.capabilities.hasReadState else {
            StatusReducer.notify("Read state and archive need the v2 inbox (CONVERSATIONS_READ)", level: .notice,
                                 in: &state)
            return []
        }
        guard let index = selectedIndex(state) else { return [] }
        let entry = state.inbox.entries[index]
        switch action {
        case .unread:
            guard !entry.unread else { return [] }
            state.inbox.entries[index].unread = true
            adjustUnread(entry.key.alloNumber, by: 1, in: &state)
        case .archive:
            guard !entry.archived else { return [] }
            state.inbox.entries[index].archived = true
        case .unarchive:
            guard entry.archived else { return [] }
            state.inbox.entries[index].archived = false
        default:
            return []
        }
        return [.conversationAction(ConversationActionRequest(action: action, key: entry.key))]
    }

    static func adjustUnread(_ number: String, by delta: Int, in state: inout AppState) {
        if let count = state.numbers.unread[number] { state.numbers.unread[number] = max(count + delta, 0) }
    }

    /// Undoes the optimistic change of a refused action. Actions are sent only when they change something, so the
    /// undo is the opposite change. The row is looked for at the selection first, then from the top.
    private static func revert(_ request: ConversationActionRequest, in state: inout AppState) {
        guard request.key.alloNumber == state.inbox.alloNumber else { return }
        let index: Int?
        if let selected = selectedIndex(state), state.inbox.entries[selected].key == request.key {
            index = selected
        } else {
            index = state.inbox.entries.firstIndex { $0.key == request.key }
        }
        guard let index else { return }
        switch request.action {
        case .read:
            state.inbox.entries[index].unread = true
            adjustUnread(request.key.alloNumber, by: 1, in: &state)
        case .unread:
            state.inbox.entries[index].unread = false
            adjustUnread(request.key.alloNumber, by: -1, in: &state)
        case .archive:
            state.inbox.entries[index].archived = false
        case .unarchive:
            state.inbox.entries[index].archived = true
        case .unknown:
            break
        }
    }

    // MARK: Opening

    /// Opens `key` in the timeline and the compose box; a v2 conversation that was unread is marked read (here at
    /// once, and on the server).
    static func open(_ key: ConversationKey, entryIndex: Int?, in state: inout AppState) -> [Effect] {
        state.navigation.focus = .timeline
        var effects: [Effect] = []
        if state.timeline.key != key {
            effects += TimelineReducer.open(key, in: &state)
            effects += ComposeReducer.conversationChanged(to: key, in: &state)
        }
        if let index = entryIndex, state.inbox.entries[index].unread {
            state.inbox.entries[index].unread = false
            adjustUnread(key.alloNumber, by: -1, in: &state)
            if state.inbox.source == .conversations, state.session.capabilities.hasReadState {
                effects.append(.conversationAction(ConversationActionRequest(action: .read, key: key)))
            }
        }
        return effects
    }

    // MARK: Refresh

    struct MergeResult: Equatable {
        /// Conversations with new inbound activity (other than the open one, whose new items the timeline counts).
        var newActivity = 0
        /// Whether a row came in or changed its unread flag.
        var unreadMayHaveChanged = false
    }

    /// Merges a refresh's entries. v2: each updated conversation moves to the top (in the order given), replacing its
    /// old row; new inbound activity (a row the API marks unread whose last activity is newer) makes it unread.
    /// v1: known contacts are updated in place, new ones go on top. The selection stays on the same row.
    static func mergeRefreshed(_ incoming: [InboxEntry], in state: inout AppState) -> MergeResult {
        var result = MergeResult()
        guard !incoming.isEmpty else { return result }
        syncIDs(&state)
        let moveToTop = state.inbox.source == .conversations
        // The incoming rows, once each.
        var seen = Set<String>()
        let incoming = incoming.filter { seen.insert($0.id).inserted }
        // Where the known ones are: scan from the top until all are found.
        var pending = Set<String>()
        for entry in incoming where state.inbox.ids.contains(entry.id) { pending.insert(entry.id) }
        var old: [String: Int] = [:]
        var last = -1
        var scan = 0
        while !pending.isEmpty, scan < state.inbox.entries.count {
            let id = state.inbox.entries[scan].id
            if pending.remove(id) != nil { old[id] = scan; last = scan }
            scan += 1
        }
        // The merged rows.
        let openKey = state.timeline.key
        var merged: [InboxEntry] = []
        merged.reserveCapacity(incoming.count)
        for var entry in incoming {
            let before = old[entry.id].map { state.inbox.entries[$0] }
            let newer = before.map { (entry.lastActivity ?? .distantPast) > ($0.lastActivity ?? .distantPast) } ?? true
            let activity = entry.unread && newer
            if let before, !activity { entry.unread = before.unread }
            if activity, entry.key != openKey { result.newActivity += 1 }
            if before == nil || before?.unread != entry.unread { result.unreadMayHaveChanged = true }
            merged.append(entry)
            state.inbox.ids.insert(entry.id)
        }
        // The new prefix replacing rows 0...last, and where each old row of that range goes.
        let selectedEntry = selectedIndex(state)
        var prefix: [InboxEntry] = []
        var newIndexOf: [Int: Int] = [:]
        if moveToTop {
            prefix = merged
            for (position, entry) in merged.enumerated() { if let index = old[entry.id] { newIndexOf[index] = position } }
            if last >= 0 {
                for index in 0...last where old[state.inbox.entries[index].id] != index {
                    newIndexOf[index] = prefix.count
                    prefix.append(state.inbox.entries[index])
                }
            }
        } else {
            let fresh = merged.filter { old[$0.id] == nil }
            let updates = Dictionary(uniqueKeysWithValues: merged.compactMap { entry in old[entry.id].map { ($0, entry) } })
            prefix = fresh
            if last >= 0 {
                for index in 0...last {
                    newIndexOf[index] = prefix.count
                    prefix.append(updates[index] ?? state.inbox.entries[index])
                }
            }
        }
        let replaced = last + 1
        let delta = prefix.count - replaced
        state.inbox.entries.replaceSubrange(0..<replaced, with: prefix)
        func newIndex(_ index: Int) -> Int { index < replaced ? newIndexOf[index]! : index + delta }

        // The filter's matches: the prefix scanned again, the rest shifted.
        let oldRow = state.inbox.cursor.selected
        if state.inbox.visible != nil {
            let needle = FilterNeedle(state.inbox.filter)
            var matches: [Int] = []
            for (index, entry) in prefix.enumerated() where needle.matches(entry.searchText) { matches.append(index) }
            let split = firstIndex(in: state.inbox.visible!, greaterOrEqual: replaced)
            state.inbox.visible!.replaceSubrange(0..<split, with: matches)
            if delta != 0 {
                for position in matches.count..<state.inbox.visible!.count { state.inbox.visible![position] += delta }
            }
        }
        // The selection follows its row.
        if let selectedEntry {
            let target = newIndex(selectedEntry)
            let row: Int
            if let visible = state.inbox.visible {
                row = min(firstIndex(in: visible, greaterOrEqual: target), max(visible.count - 1, 0))
            } else {
                row = target
            }
            if state.inbox.cursor.offset > 0 { state.inbox.cursor.offset = max(state.inbox.cursor.offset + row - oldRow, 0) }
            state.inbox.cursor.select(row, count: state.inbox.visibleCount)
        }
        return result
    }

    /// Binary search: the first position in the ascending `indices` holding a value ≥ `value`.
    static func firstIndex(in indices: [Int], greaterOrEqual value: Int) -> Int {
        var low = 0, high = indices.count
        while low < high {
            let mid = (low + high) / 2
            if indices[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
