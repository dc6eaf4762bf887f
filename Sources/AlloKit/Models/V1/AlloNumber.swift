/// One of the account's Allo numbers, as `GET /v1/api/numbers` lists it (contract §6.9).
public struct AlloNumber: Codable, Sendable, Hashable {
    /// E.164.
    public var number: String?
    /// The line's label, e.g. `Main Line`.
    public var name: String?
    /// ISO 3166 alpha-2, e.g. `FR`.
    public var country: String?
    /// Whether it is a shared number (`is_shared_number` on the wire); false when absent.
    public var isSharedNumber: Bool

    /// Builds a number, for tests and previews; the API builds them when decoding.
    public init(number: String?, name: String? = nil, country: String? = nil, isSharedNumber: Bool = false) {
        self.number = number
        self.name = name
        self.country = country
        self.isSharedNumber = isSharedNumber
    }

    enum CodingKeys: String, CodingKey {
        case number, name, country
        case isSharedNumber = "is_shared_number"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        number = try container.decodeIfPresent(String.self, forKey: .number)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        country = try container.decodeIfPresent(String.self, forKey: .country)
        isSharedNumber = try container.decodeIfPresent(Bool.self, forKey: .isSharedNumber) ?? false
    }
}
