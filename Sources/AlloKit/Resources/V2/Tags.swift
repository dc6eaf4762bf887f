/// `allo.tags`: the account's tags (v2, scope `TAGS_READ`, contract §7.4). Tagging items is `allo.items.addTags`.
public struct Tags: Sendable {
    let sender: RequestSender

    /// `GET /v2/api/tags`.
    public func list(options: RequestOptions = .none) async throws(AlloError) -> [Tag] {
        try await sender.data(APIRequest("GET", .v2, ["tags"]), options: options)
    }
}
