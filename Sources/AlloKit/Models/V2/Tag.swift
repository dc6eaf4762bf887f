/// A tag of the account, as `GET /v2/api/tags` lists it (contract §7.4). Items carry tags by `name`, the tag key.
public struct Tag: Codable, Sendable, Hashable, Identifiable {
    /// `tag-…`.
    public var id: String
    /// The key used on items and in `items.addTags`.
    public var name: String
    /// `#00AA00`.
    public var color: String?

    /// Builds a tag, for tests and previews; the API builds them when decoding.
    public init(id: String, name: String, color: String? = nil) {
        self.id = id
        self.name = name
        self.color = color
    }

    enum CodingKeys: String, CodingKey { case id, name, color }

    public init(from decoder: any Decoder) throws {
        let container = try BothCases(decoder, CodingKeys.self)
        id = try container(String.self, .id) ?? ""
        name = try container.require(String.self, .name)
        color = try container(String.self, .color)
    }
}
