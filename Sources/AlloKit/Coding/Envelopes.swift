/// `{"data": …}`, the success envelope of every endpoint (contract §1).
struct DataEnvelope<Value: Decodable & Sendable>: Decodable, Sendable {
    var data: Value
}

/// v1 list pages: `{"data": {"results": […] | null, "metadata": …}}`. Calls put `total_pages`/`current_page` straight
/// in `metadata`; contacts and conversations nest them in `metadata.pagination` (contract §5.1). Both are read.
struct V1Page<Element: Decodable & Sendable>: Decodable, Sendable {
    var results: [Element]
    var totalPages: Int?
    var currentPage: Int?

    private enum CodingKeys: String, CodingKey { case results, metadata }
    private enum MetadataKeys: String, CodingKey { case pagination, totalPages = "total_pages", currentPage = "current_page" }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        results = try container.decodeIfPresent([Element].self, forKey: .results) ?? []
        guard let metadata = try? container.nestedContainer(keyedBy: MetadataKeys.self, forKey: .metadata) else { return }
        let source = (try? metadata.nestedContainer(keyedBy: MetadataKeys.self, forKey: .pagination)) ?? metadata
        totalPages = try source.decodeIfPresent(Int.self, forKey: .totalPages)
        currentPage = try source.decodeIfPresent(Int.self, forKey: .currentPage)
    }
}

/// v2 list pages: `{"data": […], "pagination": {page, size, total_count, total_pages, has_more}}` (contract §5.2).
struct V2Page<Element: Decodable & Sendable>: Decodable, Sendable {
    var data: [Element]
    var pagination: V2Pagination?
}

/// The `pagination` object of v2 lists.
public struct V2Pagination: Codable, Sendable, Equatable {
    /// The page returned, counted from 1; 1 when the field is absent.
    public var page: Int
    /// Items per page as requested (1–100); 0 when the field is absent.
    public var size: Int
    /// Items across all pages (`total_count`); nil when not sent.
    public var totalCount: Int?
    /// Number of pages (`total_pages`); nil when not sent.
    public var totalPages: Int?
    /// `has_more`; when absent, `page < total_pages` (false if that is unknown too).
    public var hasMore: Bool

    enum CodingKeys: String, CodingKey {
        case page, size, totalCount = "total_count", totalPages = "total_pages", hasMore = "has_more"
    }

    /// Builds a pagination object, e.g. for test fixtures.
    public init(page: Int, size: Int, totalCount: Int?, totalPages: Int?, hasMore: Bool) {
        self.page = page
        self.size = size
        self.totalCount = totalCount
        self.totalPages = totalPages
        self.hasMore = hasMore
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        page = try container.decodeIfPresent(Int.self, forKey: .page) ?? 1
        size = try container.decodeIfPresent(Int.self, forKey: .size) ?? 0
        totalCount = try container.decodeIfPresent(Int.self, forKey: .totalCount)
        totalPages = try container.decodeIfPresent(Int.self, forKey: .totalPages)
        let (page, totalPages) = (self.page, self.totalPages)
        hasMore = try container.decodeIfPresent(Bool.self, forKey: .hasMore) ?? (totalPages.map { page < $0 } ?? false)
    }
}

/// One page of a list, with where the list goes on: what every `search`/`list` method with paging returns.
public struct Page<Element: Sendable>: Sendable {
    /// The elements of this page, in the order the API sent them.
    public var items: [Element]
    /// The page's number as the API counts it: from 0 on v1, from 1 on v2.
    public var number: Int
    /// Number of pages in the whole list; nil when the response did not say.
    public var totalPages: Int?
    /// v2 only.
    public var totalCount: Int?
    /// Whether another page follows; false after the last page or an empty one.
    public var hasMore: Bool

    /// Builds a page, e.g. for tests; `number` uses the API's counting (v1 from 0, v2 from 1).
    public init(items: [Element], number: Int, totalPages: Int?, totalCount: Int? = nil, hasMore: Bool) {
        self.items = items
        self.number = number
        self.totalPages = totalPages
        self.totalCount = totalCount
        self.hasMore = hasMore
    }
}

extension Page: Equatable where Element: Equatable {}

extension V1Page {
    /// v1 has no has-more flag: stop when `current_page + 1 >= total_pages` or the page is empty (contract §5.1);
    /// without metadata (it is nullable), go on while pages come back full.
    func page(requested: Int, size: Int) -> Page<Element> {
        let number = currentPage ?? requested
        let more = !results.isEmpty && (totalPages.map { number + 1 < $0 } ?? (results.count >= size))
        return Page(items: results, number: number, totalPages: totalPages, hasMore: more)
    }
}

extension V2Page {
    func page(requested: Int) -> Page<Element> {
        Page(items: data, number: pagination?.page ?? requested, totalPages: pagination?.totalPages,
             totalCount: pagination?.totalCount, hasMore: (pagination?.hasMore ?? false) && !data.isEmpty)
    }
}

/// A page reads like the array of its items: `page.count`, `page[0]`, `for item in page`.
extension Page: RandomAccessCollection {
    /// Index of the first item: 0.
    public var startIndex: Int { items.startIndex }
    /// One past the last item's index: the item count.
    public var endIndex: Int { items.endIndex }
    /// The item at `position`.
    public subscript(position: Int) -> Element { items[position] }
}
