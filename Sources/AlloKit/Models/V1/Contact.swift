public import Foundation

/// A contact as `GET /v1/api/contacts`, create and update return it (contract §6.2) — the "list" form, with status,
/// archive flag, timestamps and engagement but no emails. `contacts.get` returns the richer `ContactDetails`.
public struct Contact: Codable, Sendable, Hashable, Identifiable {
    /// The contact's id, e.g. `cnt_abc123`.
    public var id: String
    /// First name.
    public var name: String?
    /// `last_name` on the wire.
    public var lastName: String?
    /// The contact's company; nil when none.
    public var company: CompanyRef?
    /// `job_title` on the wire.
    public var jobTitle: String?
    /// The contact's website.
    public var website: String?
    /// A free-form status, e.g. `active`; often nil.
    public var status: String?
    /// `is_archived` on the wire; false when absent.
    public var isArchived: Bool
    /// `created_at` on the wire.
    public var createdAt: Date?
    /// `updated_at` on the wire.
    public var updatedAt: Date?
    /// The contact's numbers, E.164; empty when absent.
    public var numbers: [String]
    /// Whether the contact is whitelisted (`is_whitelisted` on the wire); false when absent.
    public var isWhitelisted: Bool
    /// The last call or text with the contact (`last_activity_date` on the wire).
    public var lastActivityDate: Date?
    /// How engaged the contact is lately; nil when the API gives no reading.
    public var engagement: Engagement?

    /// Builds a contact, for tests and previews; the API builds them when decoding.
    public init(id: String, name: String? = nil, lastName: String? = nil, company: CompanyRef? = nil, jobTitle: String? = nil,
                website: String? = nil, status: String? = nil, isArchived: Bool = false, createdAt: Date? = nil,
                updatedAt: Date? = nil, numbers: [String] = [], isWhitelisted: Bool = false, lastActivityDate: Date? = nil,
                engagement: Engagement? = nil) {
        self.id = id
        self.name = name
        self.lastName = lastName
        self.company = company
        self.jobTitle = jobTitle
        self.website = website
        self.status = status
        self.isArchived = isArchived
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.numbers = numbers
        self.isWhitelisted = isWhitelisted
        self.lastActivityDate = lastActivityDate
        self.engagement = engagement
    }

    enum CodingKeys: String, CodingKey {
        case id, name, company, website, status, numbers, engagement
        case lastName = "last_name", jobTitle = "job_title", isArchived = "is_archived", createdAt = "created_at"
        case updatedAt = "updated_at", isWhitelisted = "is_whitelisted", lastActivityDate = "last_activity_date"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        lastName = try container.decodeIfPresent(String.self, forKey: .lastName)
        company = try container.decodeIfPresent(CompanyRef.self, forKey: .company)
        jobTitle = try container.decodeIfPresent(String.self, forKey: .jobTitle)
        website = try container.decodeIfPresent(String.self, forKey: .website)
        status = try container.decodeIfPresent(String.self, forKey: .status)
        isArchived = try container.decodeIfPresent(Bool.self, forKey: .isArchived) ?? false
        createdAt = try container.decodeIfPresent(Date.self, forKey: .createdAt)
        updatedAt = try container.decodeIfPresent(Date.self, forKey: .updatedAt)
        numbers = try container.decodeIfPresent([String].self, forKey: .numbers) ?? []
        isWhitelisted = try container.decodeIfPresent(Bool.self, forKey: .isWhitelisted) ?? false
        lastActivityDate = try container.decodeIfPresent(Date.self, forKey: .lastActivityDate)
        engagement = try container.decodeIfPresent(Engagement.self, forKey: .engagement)
    }

    /// "Name Last name", or the first number when the contact has no name.
    public var displayName: String {
        let full = [name, lastName].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: " ")
        return full.isEmpty ? (numbers.first ?? id) : full
    }
}

/// `{id, name}` of a contact's company; either may be null.
public struct CompanyRef: Codable, Sendable, Hashable {
    /// The company's id, e.g. `com_…`.
    public var id: String?
    /// The company's name.
    public var name: String?

    /// Builds a company reference.
    public init(id: String? = nil, name: String? = nil) {
        self.id = id
        self.name = name
    }
}

/// How engaged a contact is lately.
public enum Engagement: OpenEnum {
    case engaged, cooling, cold, unknown(String)
    /// Wire spellings of the known cases; any other value decodes as `.unknown(raw)`.
    public static let wireValues: [(Engagement, String)] = [(.engaged, "ENGAGED"), (.cooling, "COOLING"), (.cold, "COLD")]
}
