/// `allo.items`: calls and messages across every conversation: search, get, batch and item tags (v2, contract §7.4,
/// §7.5). Search and batch are reads sent as POST; tags need `TAGS_WRITE`.
public struct ConversationItems: Sendable {
    let sender: RequestSender

    /// The most ids one `batch` call takes (contract §7.5).
    public static let batchLimit = 100

    /// `POST /v2/api/conversations/items/search`, one page (pages count from 1; `size` 1–100). Only the filters
    /// `query` sets go in the body, with `page` and `size`.
    public func search(_ query: ItemSearch = ItemSearch(), page: Int = 1, size: Int = 20,
                       options: RequestOptions = .none) async throws(AlloError) -> Page<ConversationItem> {
        // A read sent as POST: safe to repeat, so no idempotency key.
        let request = APIRequest("POST", .v2, ["conversations", "items", "search"],
                                 json: SearchBody(query: query, page: page, size: size), safety: .idempotent)
        let response = try await sender.send(request, options: options)
        return try sender.decode(V2Page<ConversationItem>.self, from: response, request: request).page(requested: page)
    }

    /// Every item `query` matches, page by page as you iterate.
    /// `pagesInFlight` > 1 fetches the next pages ahead once the first has said how many there are.
    public func searchAll(_ query: ItemSearch = ItemSearch(), size: Int = 20, pagesInFlight: Int = 1,
                          options: RequestOptions = .none) -> PageSequence<ConversationItem> {
        PageSequence(firstPage: 1, pagesInFlight: pagesInFlight) { page throws(AlloError) in
            try await search(query, page: page, size: size, options: options)
        }
    }

    /// `GET /v2/api/conversations/items/{id}`: `404 CONVERSATION_ITEM_NOT_FOUND` when unknown, `400 INVALID_ITEM_ID`
    /// when `id` is neither `cll-…` nor `msg-…`.
    /// - Parameter transcript: fill a call's `transcript` (`extend=transcript`).
    public func get(_ id: String, transcript: Bool = false, options: RequestOptions = .none) async throws(AlloError) -> ConversationItem {
        let request = APIRequest("GET", .v2, ["conversations", "items", id],
                                 query: [("extend", transcript ? ItemExtension.transcript.wireValue : nil)])
        return try await sender.data(request, options: options)
    }

    /// `POST /v2/api/conversations/items/batch`: up to 100 items by id, in one call. More than 100 ids throws
    /// `.invalidArgument` before anything is sent. Ids the API does not know may be left out of the answer.
    public func batch(_ ids: [String], options: RequestOptions = .none) async throws(AlloError) -> [ConversationItem] {
        guard ids.count <= Self.batchLimit else {
            throw .invalidArgument("a batch holds at most \(Self.batchLimit) ids and this one has \(ids.count); split it into several calls")
        }
        let request = APIRequest("POST", .v2, ["conversations", "items", "batch"], json: ["ids": ids], safety: .idempotent)
        return try await sender.data(request, options: options)
    }

    /// `POST /v2/api/conversations/items/{id}/tags`: adds tags (by key, see `allo.tags.list()`) to a call.
    /// A tag already there is `409 TAG_ALREADY_EXISTS`; an empty list `400 TAGS_REQUIRED`.
    public func addTags(_ tags: [String], to itemID: String, options: RequestOptions = .none) async throws(AlloError) {
        let request = APIRequest("POST", .v2, ["conversations", "items", itemID, "tags"], json: ["tags": tags], idempotencyKey: true)
        // 200 with no documented body: nothing to decode.
        _ = try await sender.send(request, options: options)
    }

    /// `DELETE /v2/api/conversations/items/{id}/tags/{tag}`: removes one tag from a call (`404 TAG_NOT_FOUND` if absent).
    public func removeTag(_ tag: String, from itemID: String, options: RequestOptions = .none) async throws(AlloError) {
        let request = APIRequest("DELETE", .v2, ["conversations", "items", itemID, "tags", tag], idempotencyKey: true)
        _ = try await sender.send(request, options: options)
    }
}

/// The search body: the query's filters plus `page` and `size` (contract §5.2: POST searches page in the body).
private struct SearchBody: Encodable {
    var query: ItemSearch
    var page: Int
    var size: Int

    enum CodingKeys: String, CodingKey { case page, size }

    func encode(to encoder: any Encoder) throws {
        try query.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(page, forKey: .page)
        try container.encode(size, forKey: .size)
    }
}
