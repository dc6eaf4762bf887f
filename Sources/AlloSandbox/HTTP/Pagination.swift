/// The two pagination conventions (§5): v1 0-based with per-endpoint metadata, v2 1-based with `has_more`.
struct Page: Sendable {
    var number: Int      // as the client sent it (0-based on v1, 1-based on v2)
    var size: Int
    var offset: Int

    static let maxSize = 100

    /// v1: `page` ≥ 0 (default 0), `size` 1–100 (default 10).
    static func v1(_ query: Query) throws(APIError) -> Page {
        let number = try query.int("page", default: 0, in: 0...10_000_000)
        let size = try query.int("size", default: 10, in: 1...maxSize, code: "INVALID_PAGE_SIZE")
        return Page(number: number, size: size, offset: number * size)
    }

    /// v2 GET: `page` ≥ 1 (default 1), `size` 1–100 (default 20).
    static func v2(_ query: Query) throws(APIError) -> Page {
        let number = try query.int("page", default: 1, in: 1...10_000_000)
        let size = try query.int("size", default: 20, in: 1...maxSize, code: "INVALID_PAGE_SIZE")
        return Page(number: number, size: size, offset: (number - 1) * size)
    }

    /// v2 POST searches carry `page` and `size` in the body.
    static func v2(_ body: Fields) throws(APIError) -> Page {
        let number = try body.int("page") ?? 1
        let size = try body.int("size") ?? 20
        guard (1...10_000_000).contains(number) else {
            throw APIError(400, "INVALID_PARAMETER", "'page' must be an integer from 1; got \(number).", param: "page")
        }
        guard (1...maxSize).contains(size) else {
            throw APIError(400, "INVALID_PAGE_SIZE", "'size' must be from 1 to 100; got \(size).", param: "size")
        }
        return Page(number: number, size: size, offset: (number - 1) * size)
    }

    func slice<T>(_ all: [T]) -> ArraySlice<T> {
        guard offset < all.count else { return [] }
        return all[offset..<min(all.count, offset + size)]
    }

    func totalPages(_ total: Int) -> Int { (total + size - 1) / size }

    /// `{"data":{"results":[…],"metadata":{"total_pages":…,"current_page":…}}}` (calls).
    func v1Flat(_ results: [JSON], total: Int) -> Reply {
        .data(.object([("results", .array(results)), ("metadata", flatMetadata(total))]))
    }

    /// `{"data":{"results":[…],"metadata":{"pagination":{…}}}}` (contacts, contact conversation).
    func v1Nested(_ results: [JSON], total: Int) -> Reply {
        .data(.object([("results", .array(results)), ("metadata", .object([("pagination", flatMetadata(total))]))]))
    }

    private func flatMetadata(_ total: Int) -> JSON {
        .object([("total_pages", .int(totalPages(total))), ("current_page", .int(number))])
    }

    /// `{"data":[…],"pagination":{page,size,total_count,total_pages,has_more}}`.
    func v2(_ results: [JSON], total: Int) -> Reply {
        Reply(status: 200, body: .object([
            ("data", .array(results)),
            ("pagination", .object([
                ("page", .int(number)), ("size", .int(size)), ("total_count", .int(total)),
                ("total_pages", .int(totalPages(total))), ("has_more", .bool(offset + size < total)),
            ])),
        ]))
    }
}
