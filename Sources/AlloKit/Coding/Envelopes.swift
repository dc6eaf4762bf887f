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
    public var page: Int
    public var size: Int
    public var totalCount: Int?
    public var totalPages: Int?
    public var hasMore: Bool

    enum CodingKeys: String, CodingKey {
        case page, size, totalCount = "total_count", totalPages = "total_pages", hasMore = "has_more"
    }

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
    public var items: [Element]
    /// The page's number as the API counts it: from 0 on v1, from 1 on v2.
    public var number: Int
    public var totalPages: Int?
    /// v2 only.
    public var totalCount: Int?
    public var hasMore: Bool

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
    public var startIndex: Int { items.startIndex }
    public var endIndex: Int { items.endIndex }
    public subscript(position: Int) -> Element { items[position] }
}
