public import DequeModule
public import Foundation

/// The open conversation: calls and SMS merged in time order, oldest first, loaded newest first.
/// A deque, so older pages go in front and live items at the back without moving the rest.
public struct TimelineState: Equatable, Sendable {
    /// The conversation shown; responses for another key are stale.
    public var key: ConversationKey?
    public var source: InboxSource = .conversations
    /// Oldest first.
    public var items: Deque<TimelineItem> = []
    /// Ids of `items`, to merge pages and refreshes without duplicates in O(page).
    public var ids: Set<String> = []
    /// The next (older) page to ask for; nil once the beginning is reached.
    public var nextOlderPage: Int? = nil
    public var status: PageStatus = .idle
    public var cursor = ListCursor()

    public init() {}

    /// Whether `index` starts a new day (the view draws a day separator above it).
    public func startsDay(at index: Int, calendar: Calendar = .current) -> Bool {
        guard items.indices.contains(index) else { return false }
        guard index > 0 else { return true }
        return !calendar.isDate(items[index].date, inSameDayAs: items[index - 1].date)
    }

    /// The selected item, if any.
    public var selectedItem: TimelineItem? {
        items.indices.contains(cursor.selected) ? items[cursor.selected] : nil
    }
}
