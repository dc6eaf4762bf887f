import DequeModule
import Foundation

/// The open conversation: pages newest first into a deque kept sorted by date (oldest first), live items merged at the
/// back, the user's own sends shown in place until the API confirms them.
///
/// Every action costs O(page) or O(log history), never O(history): pages go in with `prepend`/`append`, an item is
/// found by binary search on its date, and only the overlap between a batch and the items already there is merged.
///
/// **Sends confirmed locally.** `POST /v1/api/sms` returns no id (contract §9), so a confirmed send keeps its
/// `local-N` id, its place and its local date, and takes the API's text and status (`.api(status)`). That id marks it
/// as "confirmed, not yet seen from the server". When a page or a refresh later brings an outbound SMS with the same
/// text dated within `echoWindow` of such an item, that is the server's copy of it: the local item leaves and the
/// server's takes its place in date order, so the message is never shown twice (v1 and v2 alike; v1's derived ids and
/// v2's `msg-…` ids both go through this rule). If the server's copy was already there when the confirmation comes
/// (a refresh overtook the POST's answer), the pending item simply leaves.
enum TimelineReducer {
    /// Items asked per page.
    static let pageSize = 50
    /// The older page is asked when the selection comes this close to the top.
    static let prefetchMargin = 5
    /// How far apart (either way) a locally confirmed SMS and the server's copy may be dated: clock skew and delivery.
    static let echoWindow: TimeInterval = 5 * 60
    /// How many items on each side of a message are looked at for its echo.
    static let echoScanLimit = 64

    static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .timelinePageLoaded(let request, let items, let nextPage):
            pageLoaded(request, items, nextPage: nextPage, in: &state)
            return []
        case .timelinePageFailed(let request, let error):
            guard isAwaited(request, state.timeline) else { return [] }
            state.timeline.status = .failed(error, page: request.page)
            StatusReducer.report(error, in: &state)
            return []
        default:
            return []
        }
    }

    /// The first (newest) page: 1 on v2 conversations, 0 on v1 contacts.
    static func firstPage(_ source: InboxSource) -> Int { source == .conversations ? 1 : 0 }

    /// Opens `key` in the timeline (clearing the previous one) and asks for its newest page.
    ///
    /// Sends of this conversation still in the outbox (sending, failed, unknown) come back at once as their local items,
    /// in date order, so a pending send survives switching away and back. The selection goes to the newest item.
    static func open(_ key: ConversationKey, in state: inout AppState) -> [Effect] {
        let source = state.inbox.source
        let page = firstPage(source)
        let viewport = state.timeline.cursor.viewport
        state.timeline = TimelineState()
        state.timeline.cursor.viewport = viewport
        state.timeline.key = key
        state.timeline.source = source
        state.timeline.status = .loading(page: page)
        let local = state.compose.outbox.filter { isSameConversation($0.key, key) }.map(\.timelineItem)
        if !local.isEmpty {
            for item in local { state.timeline.ids.insert(item.id) }
            state.timeline.insertSorted(local.sorted { $0.date < $1.date })
            state.timeline.cursor.select(state.timeline.items.count - 1, count: state.timeline.items.count)
        }
        return [.loadTimelinePage(TimelineRequest(key: key, source: source, page: page, size: pageSize))]
    }

    /// Empties the timeline (another number was selected).
    static func close(in state: inout AppState) {
        let viewport = state.timeline.cursor.viewport
        state.timeline = TimelineState()
        state.timeline.cursor.viewport = viewport
    }

    /// Moves the timeline selection; near the top, asks for the older page.
    ///
    /// The page asked is the one that failed last (asking again retries it), else `nextOlderPage`; nothing when a page
    /// is already loading or the beginning was reached (`nextOlderPage == nil`).
    static func move(by delta: Int, in state: inout AppState) -> [Effect] {
        state.timeline.cursor.move(by: delta, count: state.timeline.items.count)
        guard state.timeline.cursor.selected < prefetchMargin, let key = state.timeline.key,
              !state.timeline.status.isLoading else { return [] }
        let page: Int
        if case .failed(_, let failed) = state.timeline.status {
            page = failed
        } else if let next = state.timeline.nextOlderPage {
            page = next
        } else {
            return []
        }
        state.timeline.status = .loading(page: page)
        return [.loadTimelinePage(TimelineRequest(key: key, source: state.timeline.source, page: page, size: pageSize))]
    }

    /// Merges the newest items of the open conversation from a refresh; returns how many inbound items were new.
    ///
    /// Items already shown (by id) are skipped; new ones go in date order (appended when newer than the last, the
    /// common case), and the selection stays on the same item. A server copy of a locally confirmed send replaces it.
    static func mergeNewest(_ items: [TimelineItem], for key: ConversationKey, in state: inout AppState) -> Int {
        guard key == state.timeline.key else { return 0 }
        return absorb(items, selectNewest: false, in: &state)
    }

    // MARK: Pages

    /// Whether `request` is the page the open timeline waits for.
    private static func isAwaited(_ request: TimelineRequest, _ timeline: TimelineState) -> Bool {
        guard request.key == timeline.key, request.source == timeline.source,
              case .loading(let page) = timeline.status else { return false }
        return page == request.page
    }

    private static func pageLoaded(_ request: TimelineRequest, _ items: [TimelineItem], nextPage: Int?,
                                   in state: inout AppState) {
        guard isAwaited(request, state.timeline) else { return }
        state.timeline.status = .idle
        state.timeline.nextOlderPage = nextPage
        _ = absorb(items, selectNewest: request.page == firstPage(request.source), in: &state)
        StatusReducer.markOnline(in: &state)
    }

    /// Takes `items` (a page or a refresh, any order) into the timeline: skips ids already there, lets server copies
    /// replace locally confirmed sends, inserts the rest in date order, and keeps the selection on the same item (or
    /// puts it on the newest). Returns how many of the new items are inbound.
    private static func absorb(_ items: [TimelineItem], selectNewest: Bool, in state: inout AppState) -> Int {
        var fresh: [TimelineItem] = []
        fresh.reserveCapacity(items.count)
        for item in items where state.timeline.ids.insert(item.id).inserted { fresh.append(item) }
        guard !fresh.isEmpty else {
            if selectNewest { state.timeline.selectLast() }
            return 0
        }
        // The selected item, to find again after the merge (by binary search on its date).
        var anchor = state.timeline.selectedItem.map { (id: $0.id, date: $0.date) }
        for item in fresh where item.direction == .outbound {
            guard case .sms(let sms) = item.content,
                  let echo = state.timeline.confirmedLocal(text: sms.text, near: item.date) else { continue }
            if anchor?.id == state.timeline.items[echo].id { anchor = (item.id, item.date) }
            state.timeline.remove(at: echo)
        }
        if !isSortedByDate(fresh) { fresh.sort { $0.date < $1.date } }
        let before = state.timeline.cursor.selected
        state.timeline.insertSorted(fresh)
        if selectNewest || anchor == nil {
            state.timeline.selectLast()
        } else if let anchor, let index = state.timeline.index(of: anchor.id, dated: anchor.date) {
            state.timeline.cursor.shift(by: index - before)
            state.timeline.cursor.select(index, count: state.timeline.items.count)
        }
        return fresh.count { $0.direction == .inbound }
    }

    private static func isSortedByDate(_ items: [TimelineItem]) -> Bool {
        zip(items, items.dropFirst()).allSatisfy { $0.date <= $1.date }
    }

    // MARK: The user's sends

    /// Whether two keys are the same conversation (the same line and party; the v1 contact id does not matter).
    static func isSameConversation(_ a: ConversationKey, _ b: ConversationKey?) -> Bool {
        guard let b else { return false }
        return a.alloNumber == b.alloNumber && a.contactNumber == b.contactNumber
    }

    /// The date of a send confirmed now in conversation `key`: the clock, or the newest item's date when the open
    /// timeline of `key` has a later one (the server's clock ahead of ours), so the pending item goes at the end.
    static func sendDate(for key: ConversationKey, in state: AppState) -> Date {
        let now = state.status.now
        guard isSameConversation(key, state.timeline.key), let last = state.timeline.items.last?.date, last > now else {
            return now
        }
        return last
    }

    /// Shows a send just confirmed by the user, if its conversation is open. When the selection was on the newest item
    /// it follows to the new one; otherwise it stays where it was.
    static func showSend(_ entry: OutboxEntry, in state: inout AppState) {
        guard isSameConversation(entry.key, state.timeline.key) else { return }
        let item = entry.timelineItem
        guard state.timeline.ids.insert(item.id).inserted else { return }
        let count = state.timeline.items.count
        let following = count == 0 || state.timeline.cursor.selected == count - 1
        let anchor = state.timeline.selectedItem.map { (id: $0.id, date: $0.date) }
        let before = state.timeline.cursor.selected
        state.timeline.insertSorted([item])
        if following || anchor == nil {
            state.timeline.selectLast()
        } else if let anchor, let index = state.timeline.index(of: anchor.id, dated: anchor.date) {
            state.timeline.cursor.shift(by: index - before)
            state.timeline.cursor.select(index, count: state.timeline.items.count)
        }
    }

    /// Sets the delivery of `entry`'s item in place (pending, failed, unknown), if its conversation is open.
    static func updateSend(_ entry: OutboxEntry, in state: inout AppState) {
        guard isSameConversation(entry.key, state.timeline.key),
              let index = state.timeline.index(of: entry.timelineID, dated: entry.date) else { return }
        state.timeline.items[index] = entry.timelineItem
    }

    /// Takes `entry`'s item out of the timeline (its text went back to the compose box).
    static func removeSend(_ entry: OutboxEntry, in state: inout AppState) {
        guard isSameConversation(entry.key, state.timeline.key),
              let index = state.timeline.index(of: entry.timelineID, dated: entry.date) else { return }
        state.timeline.remove(at: index)
    }

    /// The API confirmed `entry`. With the server's own copy (a v2 item found after an unclear answer), the pending
    /// item gives way to it. With the send's answer (no id), its item is replaced in place by the confirmed message
    /// (the API's text and status, the local id and date); if the server's copy is already shown, the pending item
    /// leaves instead.
    static func confirmSend(_ entry: OutboxEntry, with confirmed: TimelineItem, in state: inout AppState) {
        guard isSameConversation(entry.key, state.timeline.key),
              let index = state.timeline.index(of: entry.timelineID, dated: entry.date) else { return }
        if !confirmed.id.hasPrefix("sent-") {
            replace(at: index, with: confirmed, in: &state)
            return
        }
        var text = entry.text
        var delivery = Delivery.api(nil)
        if case .sms(let sms) = confirmed.content {
            if !sms.text.isEmpty { text = sms.text }
            if case .api = sms.delivery { delivery = sms.delivery }
        }
        if state.timeline.serverCopy(text: text, near: entry.date) != nil {
            state.timeline.remove(at: index)
            return
        }
        state.timeline.items[index] = TimelineItem(id: entry.timelineID, date: entry.date, direction: .outbound,
                                                   content: .sms(SMSInfo(text: text, delivery: delivery)),
                                                   contactNumber: confirmed.contactNumber ?? entry.recipient)
    }

    /// Puts `item` in the place of the item at `index`, in date order; the selection stays on the same item, or
    /// follows to `item` when it was on the one replaced. An `item` already shown only removes the other.
    private static func replace(at index: Int, with item: TimelineItem, in state: inout AppState) {
        let wasSelected = state.timeline.cursor.selected == index
        state.timeline.remove(at: index)
        let kept = state.timeline.selectedItem.map { (id: $0.id, date: $0.date) }
        guard state.timeline.ids.insert(item.id).inserted else { return }
        state.timeline.insertSorted([item])
        let target = wasSelected || kept == nil ? (id: item.id, date: item.date) : kept!
        if let selected = state.timeline.index(of: target.id, dated: target.date) {
            state.timeline.cursor.select(selected, count: state.timeline.items.count)
        }
    }
}

extension OutboxEntry {
    /// The timeline item standing for this send until the API confirms it.
    var timelineItem: TimelineItem {
        let delivery: Delivery = switch state {
        case .sending: .pending(outboxID: id)
        case .failed(let error): .failed(outboxID: id, error)
        case .unknown(let unknown): .unknown(outboxID: id, unknown)
        }
        return TimelineItem(id: timelineID, date: date, direction: .outbound,
                            content: .sms(SMSInfo(text: text, delivery: delivery)), contactNumber: recipient)
    }
}

extension TimelineItem {
    /// A send the API confirmed but the server's pages have not shown yet (see `TimelineReducer`).
    var isConfirmedLocally: Bool {
        guard id.hasPrefix("local-"), case .sms(let sms) = content, case .api = sms.delivery else { return false }
        return true
    }
}

// MARK: - Sorted deque operations (all O(log n) plus the part they touch)

extension TimelineState {
    /// The first index whose date is not before `date`.
    func lowerBound(_ date: Date) -> Int {
        var low = 0, high = items.count
        while low < high {
            let mid = (low + high) / 2
            if items[mid].date < date { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The first index whose date is after `date`.
    func upperBound(_ date: Date) -> Int {
        var low = 0, high = items.count
        while low < high {
            let mid = (low + high) / 2
            if items[mid].date <= date { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The index of the item `id` dated `date`: binary search, then the run of items of that date from both ends
    /// (a send just confirmed is at the end of its run).
    func index(of id: String, dated date: Date) -> Int? {
        var low = lowerBound(date), high = upperBound(date) - 1
        while low <= high {
            if items[high].id == id { return high }
            if items[low].id == id { return low }
            low += 1
            high -= 1
        }
        return nil
    }

    /// A locally confirmed send with this text dated within the echo window of `date`, the nearest first.
    func confirmedLocal(text: String, near date: Date) -> Int? {
        nearestOutboundSMS(text: text, near: date) { $0.isConfirmedLocally }
    }

    /// A message from the server (not a local item) with this text dated within the echo window of `date`, the nearest
    /// first.
    func serverCopy(text: String, near date: Date) -> Int? {
        nearestOutboundSMS(text: text, near: date) { !$0.id.hasPrefix("local-") }
    }

    /// Walks out from where `date` falls, both ways, within the echo window and at most `echoScanLimit` items a side:
    /// a server copy and its local send are neighbours, and the walk stays O(1) however busy the window is.
    private func nearestOutboundSMS(text: String, near date: Date, where accept: (TimelineItem) -> Bool) -> Int? {
        func matches(_ index: Int) -> Bool {
            let item = items[index]
            guard item.direction == .outbound, case .sms(let sms) = item.content else { return false }
            return sms.text == text && accept(item)
        }
        let earliest = date.addingTimeInterval(-TimelineReducer.echoWindow)
        let latest = date.addingTimeInterval(TimelineReducer.echoWindow)
        let start = lowerBound(date)
        var up = start, down = start - 1
        for _ in 0..<TimelineReducer.echoScanLimit {
            var moved = false
            if up < items.count, items[up].date <= latest {
                if matches(up) { return up }
                up += 1
                moved = true
            }
            if down >= 0, items[down].date >= earliest {
                if matches(down) { return down }
                down -= 1
                moved = true
            }
            if !moved { break }
        }
        return nil
    }

    /// Inserts `batch` (sorted by date, ids not yet shown, already in `ids`) keeping the items sorted by date.
    ///
    /// Newer than everything: appended; older than everything: prepended. Otherwise only the overlap is merged: the
    /// items newer than the batch's oldest are taken off the back, or those older than its newest off the front,
    /// whichever side is shorter, merged with the batch and put back. Equal dates keep the items already there on the
    /// side they were. The cursor is the caller's to fix.
    mutating func insertSorted(_ batch: [TimelineItem]) {
        guard let first = batch.first, let last = batch.last else { return }
        guard let oldest = items.first, let newest = items.last, first.date < newest.date else {
            items.append(contentsOf: batch)
            return
        }
        if last.date <= oldest.date {
            items.prepend(contentsOf: batch)
            return
        }
        let back = items.count - upperBound(first.date)
        let front = lowerBound(last.date)
        if back <= front {
            let tail = Array(items[(items.count - back)...])
            items.removeLast(back)
            items.append(contentsOf: Self.merge(tail, batch))
        } else {
            let head = Array(items[..<front])
            items.removeFirst(front)
            items.prepend(contentsOf: Self.merge(batch, head))
        }
    }

    /// Two date-sorted runs into one; on equal dates `a`'s come first.
    private static func merge(_ a: [TimelineItem], _ b: [TimelineItem]) -> [TimelineItem] {
        var merged: [TimelineItem] = []
        merged.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if b[j].date < a[i].date { merged.append(b[j]); j += 1 } else { merged.append(a[i]); i += 1 }
        }
        merged.append(contentsOf: a[i...])
        merged.append(contentsOf: b[j...])
        return merged
    }

    /// Removes the item at `index` and its id; the selection stays on the same item, or moves to the next one (the
    /// previous one at the end) when it was the one removed.
    mutating func remove(at index: Int) {
        let removed = items.remove(at: index)
        ids.remove(removed.id)
        if index < cursor.selected { cursor.selected -= 1 }
        if index < cursor.offset { cursor.offset -= 1 }
        cursor.select(cursor.selected, count: items.count)
    }

    /// Selects the newest item.
    mutating func selectLast() {
        cursor.select(items.count - 1, count: items.count)
    }
}
