/// A line of the account as `GET /v2/api/numbers` lists it: a phone number or an SMS sender ID (contract §7.3).
/// Not the v1 `AlloNumber`: v2 adds the type, capabilities and the users with access.
public struct PhoneNumber: Codable, Sendable, Hashable {
    /// E.164; nil for a sender ID.
    public var number: String?
    /// The label (for a sender ID, its name).
    public var name: String?
    /// ISO 3166 alpha-2, e.g. `US`.
    public var country: String?
    /// Number or sender ID; when the API leaves it out, a line without a number is a sender ID.
    public var type: PhoneNumberType
    /// Voice, SMS, MMS; empty when absent, unknown values kept as `.unknown`.
    public var capabilities: [NumberCapability]
    /// Team members with access to the line.
    public var users: [UserRef]

    /// Builds a line, for tests and previews; the API builds them when decoding.
    public init(number: String?, name: String? = nil, country: String? = nil, type: PhoneNumberType = .number,
                capabilities: [NumberCapability] = [], users: [UserRef] = []) {
        self.number = number
        self.name = name
        self.country = country
        self.type = type
        self.capabilities = capabilities
        self.users = users
    }

    /// Whether the line can send and receive SMS.
    public var canText: Bool { capabilities.contains(.sms) }

    enum CodingKeys: String, CodingKey { case number, name, country, type, capabilities, users }

    public init(from decoder: any Decoder) throws {
        let container = try BothCases(decoder, CodingKeys.self)
        number = try container(String.self, .number)
        name = try container(String.self, .name)
        country = try container(String.self, .country)
        // A line without a number can only be a sender ID (§9).
        type = try container(PhoneNumberType.self, .type) ?? (number == nil ? .senderID : .number)
        capabilities = try container([NumberCapability].self, .capabilities) ?? []
        users = try container([UserRef].self, .users) ?? []
    }
}

/// A phone number, or an alphanumeric sender ID (used to text France, §9).
public enum PhoneNumberType: OpenEnum {
    case number, senderID
    case unknown(String)

    /// Wire spellings of the known cases; any other value decodes as `.unknown(raw)`.
    public static let wireValues: [(PhoneNumberType, String)] = [(.number, "NUMBER"), (.senderID, "SENDER_ID")]
}

/// What a line can do.
public enum NumberCapability: OpenEnum {
    case voice, sms, mms
    case unknown(String)

    /// Wire spellings of the known cases; any other value decodes as `.unknown(raw)`.
    public static let wireValues: [(NumberCapability, String)] = [(.voice, "VOICE"), (.sms, "SMS"), (.mms, "MMS")]
}
