public import Foundation

/// The filters of `POST /v2/api/conversations/items/search` (contract §7.5). Every filter is optional and a nil one
/// is left out of the body; paging is the search call's business, not the query's.
///
/// ```swift
/// let query = ItemSearch(type: .call, text: "billing refund", sort: .relevance,
///                        dateRange: .init(from: start, to: end))
/// for try await item in allo.items.searchAll(query) { print(item.id) }
/// ```
public struct ItemSearch: Codable, Sendable, Hashable {
    /// Calls, messages or both (`ALL`, the API's default).
    public enum TypeFilter: OpenEnum {
        case call, sms, all
        case unknown(String)

        /// Wire spellings of the known cases; any other value decodes as `.unknown(raw)`.
        public static let wireValues: [(TypeFilter, String)] = [(.call, "CALL"), (.sms, "SMS"), (.all, "ALL")]
    }

    /// Result order. `DATE_DESC` is the API's default; `RELEVANCE` ranks by how well `text` matches.
    public enum Sort: OpenEnum {
        case dateDesc, dateAsc, relevance
        case unknown(String)

        /// Wire spellings of the known cases; any other value decodes as `.unknown(raw)`.
        public static let wireValues: [(Sort, String)] = [(.dateDesc, "DATE_DESC"), (.dateAsc, "DATE_ASC"), (.relevance, "RELEVANCE")]
    }

    /// Whole days, `from` and `to` both included, sent as `YYYY-MM-DD` (the day each date falls on in UTC).
    public struct DateRange: Codable, Sendable, Hashable {
        /// The first day, included.
        public var from: Date
        /// The last day, included.
        public var to: Date

        /// Builds the range from `from`'s day to `to`'s day (UTC), both included.
        public init(from: Date, to: Date) {
            self.from = from
            self.to = to
        }

        enum CodingKeys: String, CodingKey { case from, to }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            func day(_ key: CodingKeys) throws -> Date {
                let text = try container.decode(String.self, forKey: key)
                guard let date = AlloDate.parse(text) else {
                    throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "not a day: \(text.prefix(40))")
                }
                return date
            }
            self.init(from: try day(.from), to: try day(.to))
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(AlloDate.formatDay(from), forKey: .from)
            try container.encode(AlloDate.formatDay(to), forKey: .to)
        }
    }

    /// One of your lines, E.164.
    public var alloNumber: String?
    /// The other party, E.164.
    public var contactNumber: String?
    /// `usr-…`: items handled by this team member.
    public var userID: String?
    /// Only inbound or only outbound items.
    public var direction: ItemDirection?
    /// Calls, messages or both; nil leaves the API's default, `ALL`.
    public var type: TypeFilter?
    /// Calls that ended this way.
    public var result: ItemResult?
    /// Items carrying any of these tag keys.
    public var tags: [String]?
    /// Filters on the unread flag.
    public var unread: Bool?
    /// Inbound items not answered since.
    public var unresponded: Bool?
    /// Keywords (AND-combined, prefix-matched) over transcripts, summaries and message text; sent as `search`.
    /// Must hold a letter or digit, else the API answers `400 INVALID_SEARCH_QUERY`.
    public var text: String?
    /// Result order; nil leaves the API's default, `DATE_DESC`.
    public var sort: Sort?
    /// `[.transcript]` fills each call's `transcript`.
    public var extend: [ItemExtension]
    /// Sent as `date`.
    public var dateRange: DateRange?

    /// Builds a query; a filter left nil is not sent.
    public init(alloNumber: String? = nil, contactNumber: String? = nil, userID: String? = nil, direction: ItemDirection? = nil,
                type: TypeFilter? = nil, result: ItemResult? = nil, tags: [String]? = nil, unread: Bool? = nil,
                unresponded: Bool? = nil, text: String? = nil, sort: Sort? = nil, extend: [ItemExtension] = [],
                dateRange: DateRange? = nil) {
        self.alloNumber = alloNumber
        self.contactNumber = contactNumber
        self.userID = userID
        self.direction = direction
        self.type = type
        self.result = result
        self.tags = tags
        self.unread = unread
        self.unresponded = unresponded
        self.text = text
        self.sort = sort
        self.extend = extend
        self.dateRange = dateRange
    }

    enum CodingKeys: String, CodingKey {
        case alloNumber = "allo_number"
        case contactNumber = "contact_number"
        case userID = "user_id"
        case direction, type, result, tags, unread, unresponded
        case text = "search"
        case sort, extend
        case dateRange = "date"
    }

    public init(from decoder: any Decoder) throws {
        let container = try BothCases(decoder, CodingKeys.self)
        alloNumber = try container(String.self, .alloNumber)
        contactNumber = try container(String.self, .contactNumber)
        userID = try container(String.self, .userID)
        direction = try container(ItemDirection.self, .direction)
        type = try container(TypeFilter.self, .type)
        result = try container(ItemResult.self, .result)
        tags = try container([String].self, .tags)
        unread = try container(Bool.self, .unread)
        unresponded = try container(Bool.self, .unresponded)
        text = try container(String.self, .text)
        sort = try container(Sort.self, .sort)
        extend = ItemExtension.list(try container(String.self, .extend))
        dateRange = try container(DateRange.self, .dateRange)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(alloNumber, forKey: .alloNumber)
        try container.encodeIfPresent(contactNumber, forKey: .contactNumber)
        try container.encodeIfPresent(userID, forKey: .userID)
        try container.encodeIfPresent(direction, forKey: .direction)
        try container.encodeIfPresent(type, forKey: .type)
        try container.encodeIfPresent(result, forKey: .result)
        try container.encodeIfPresent(tags, forKey: .tags)
        try container.encodeIfPresent(unread, forKey: .unread)
        try container.encodeIfPresent(unresponded, forKey: .unresponded)
        try container.encodeIfPresent(text, forKey: .text)
        try container.encodeIfPresent(sort, forKey: .sort)
        // A comma-separated string, as the OpenAPI types it.
        try container.encodeIfPresent(ItemExtension.wire(extend), forKey: .extend)
        try container.encodeIfPresent(dateRange, forKey: .dateRange)
    }
}

/// Optional parts of items the API fills only when asked (`extend`); `transcript` is the one it supports.
public enum ItemExtension: OpenEnum {
    case transcript
    case unknown(String)

    /// Wire spellings of the known cases; any other value decodes as `.unknown(raw)`.
    public static let wireValues: [(ItemExtension, String)] = [(.transcript, "transcript")]

    /// `transcript,…`, or nil for none.
    static func wire(_ values: [ItemExtension]) -> String? {
        values.isEmpty ? nil : values.map(\.wireValue).joined(separator: ",")
    }

    static func list(_ text: String?) -> [ItemExtension] {
        (text ?? "").split(separator: ",").map { ItemExtension(wireValue: $0.trimmingCharacters(in: .whitespaces)) }
    }
}

/// What `PUT /v2/api/conversations/{contact_number}/action` can do to a conversation (contract §7.5).
public enum ConversationAction: OpenEnum {
    case read, unread, archive, unarchive
    case unknown(String)

    /// Wire spellings of the known cases; any other value decodes as `.unknown(raw)`.
    public static let wireValues: [(ConversationAction, String)] = [
        (.read, "READ"), (.unread, "UNREAD"), (.archive, "ARCHIVE"), (.unarchive, "UNARCHIVE"),
    ]
}
