public import Foundation

/// A contact as `GET /v1/api/contacts`, create and update return it (contract §6.2) — the "list" form, with status,
/// archive flag, timestamps and engagement but no emails. `contacts.get` returns the richer `ContactDetails`.
public struct Contact: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    /// First name.
    public var name: String?
    public var lastName: String?
    public var company: CompanyRef?
    public var jobTitle: String?
    public var website: String?
    public var status: String?
    public var isArchived: Bool
    public var createdAt: Date?
    public var updatedAt: Date?
    public var numbers: [String]
    public var isWhitelisted: Bool
    public var lastActivityDate: Date?
    public var engagement: Engagement?

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
    public var id: String?
    public var name: String?

    public init(id: String? = nil, name: String? = nil) {
        self.id = id
        self.name = name
    }
}

/// How engaged a contact is lately.
public enum Engagement: OpenEnum {
    case engaged, cooling, cold, unknown(String)
    public static let wireValues: [(Engagement, String)] = [(.engaged, "ENGAGED"), (.cooling, "COOLING"), (.cold, "COLD")]
}
