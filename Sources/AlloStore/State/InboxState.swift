public import Foundation

/// The selected number's conversations (v2) or contacts (v1), loaded page by page, with a local filter and a server search.
public struct InboxState: Equatable, Sendable {
    /// The Allo number these entries belong to; responses for another number are stale.
    public var alloNumber: String?
    public var source: InboxSource = .conversations
    /// In the API's order (most recent activity first on v2).
    public var entries: [InboxEntry] = []
    /// Ids of `entries`, to merge pages and refreshes without duplicates in O(page). Rebuilt by the reducers when its
    /// count differs from `entries.count` (a state built by hand).
    public var ids: Set<String> = []
    /// The next page to ask for; nil once the end is reached.
    public var nextPage: Int? = nil
    public var status: PageStatus = .idle
    public var cursor = ListCursor()
    /// What the user typed to filter the loaded entries locally; empty shows all.
    public var filter = ""
    /// Indices into `entries` that match `filter`, in order; nil when there is no filter.
    public var visible: [Int]? = nil
    /// A server search (v2), shown in place of the inbox while active.
    public var search: SearchState? = nil

    public init() {}

    /// How many rows the inbox list shows (after the filter).
    public var visibleCount: Int { visible?.count ?? entries.count }

    /// The entry on screen row `row` of the filtered list.
    public func entry(atVisible row: Int) -> InboxEntry? {
        let index = visible.map { row < $0.count ? $0[row] : -1 } ?? row
        return entries.indices.contains(index) ? entries[index] : nil
    }

    /// The selected entry, if any.
    public var selectedEntry: InboxEntry? { entry(atVisible: cursor.selected) }
}

/// A row of the inbox: one conversation (v2) or one contact (v1).
public struct InboxEntry: Equatable, Sendable, Identifiable {
    public var key: ConversationKey
    /// The contact's name, or the number when there is none.
    public var title: String
    public var lastActivity: Date?
    /// The start of the last SMS, or the last call's summary/result.
    public var snippet: String?
    /// Whether `snippet` is a call's summary, which is Markdown (the views show it without its markers).
    public var snippetIsSummary: Bool
    public var unread: Bool
    public var archived: Bool
    /// Lowercased title and number, for the local filter.
    public var searchText: String
    public var id: String { key.contactID ?? key.contactNumber }

    public init(key: ConversationKey, title: String, lastActivity: Date? = nil, snippet: String? = nil,
                snippetIsSummary: Bool = false, unread: Bool = false, archived: Bool = false) {
        self.key = key
        self.title = title
        self.lastActivity = lastActivity
        self.snippet = snippet
        self.snippetIsSummary = snippetIsSummary
        self.unread = unread
        self.archived = archived
        self.searchText = (title + " " + key.contactNumber).lowercased()
    }
}

/// A server-side search across transcripts, summaries and SMS text (v2 items search).
public struct SearchState: Equatable, Sendable {
    public var query: String
    public var results: [TimelineItem] = []
    public var nextPage: Int? = 1
    public var status: PageStatus = .idle
    public var cursor = ListCursor()

    public init(query: String) { self.query = query }
}
