public import Foundation

/// A contact as `GET /v1/api/contact/{id}` returns it (contract §6.5) — the "context" form: emails, integration data
/// and custom properties, engagement and activity only when asked for with `extend`, and no status or timestamps.
public struct ContactDetails: Codable, Sendable, Hashable, Identifiable {
    /// The contact's id, e.g. `cnt_abc123`.
    public var id: String
    /// First name.
    public var name: String?
    /// `last_name` on the wire.
    public var lastName: String?
    /// The contact's numbers, E.164; empty when absent.
    public var numbers: [String]
    /// Email addresses; empty when absent.
    public var emails: [String]
    /// The contact's company; nil when none.
    public var company: CompanyRef?
    /// `job_title` on the wire.
    public var jobTitle: String?
    /// The contact's website.
    public var website: String?
    /// Keyed by integration (`HUBSPOT`, `SALESFORCE`, …), each free-form.
    public var integrationData: [String: JSONValue]?
    /// The account's custom fields for the contact, free-form (`custom_properties` on the wire); nil when none.
    public var customProperties: [String: JSONValue]?
    /// Only with `extend: [.engagement]`.
    public var engagement: Engagement?
    /// Only with `extend: [.activity]`.
    public var activity: [ContactActivity]?
    /// A relative path such as `/v1/api/contact/cnt_abc123/conversation`.
    public var conversationURL: String?

    /// Builds contact details, for tests and previews; the API builds them when decoding.
    public init(id: String, name: String? = nil, lastName: String? = nil, numbers: [String] = [], emails: [String] = [],
                company: CompanyRef? = nil, jobTitle: String? = nil, website: String? = nil,
                integrationData: [String: JSONValue]? = nil, customProperties: [String: JSONValue]? = nil,
                engagement: Engagement? = nil, activity: [ContactActivity]? = nil, conversationURL: String? = nil) {
        self.id = id
        self.name = name
        self.lastName = lastName
        self.numbers = numbers
        self.emails = emails
        self.company = company
        self.jobTitle = jobTitle
        self.website = website
        self.integrationData = integrationData
        self.customProperties = customProperties
        self.engagement = engagement
        self.activity = activity
        self.conversationURL = conversationURL
    }

    enum CodingKeys: String, CodingKey {
        case id, name, numbers, emails, company, website, engagement, activity
        case lastName = "last_name", jobTitle = "job_title", integrationData = "integration_data"
        case customProperties = "custom_properties", conversationURL = "conversation_url"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        lastName = try container.decodeIfPresent(String.self, forKey: .lastName)
        numbers = try container.decodeIfPresent([String].self, forKey: .numbers) ?? []
        emails = try container.decodeIfPresent([String].self, forKey: .emails) ?? []
        company = try container.decodeIfPresent(CompanyRef.self, forKey: .company)
        jobTitle = try container.decodeIfPresent(String.self, forKey: .jobTitle)
        website = try container.decodeIfPresent(String.self, forKey: .website)
        integrationData = try container.decodeIfPresent([String: JSONValue].self, forKey: .integrationData)
        customProperties = try container.decodeIfPresent([String: JSONValue].self, forKey: .customProperties)
        engagement = try container.decodeIfPresent(Engagement.self, forKey: .engagement)
        activity = try container.decodeIfPresent([ContactActivity].self, forKey: .activity)
        conversationURL = try container.decodeIfPresent(String.self, forKey: .conversationURL)
    }
}

/// One line of a contact's recent activity (`extend=activity`).
public struct ContactActivity: Codable, Sendable, Hashable {
    /// A call or a text, and which way it went; unknown values are kept as `.unknown`.
    public enum Kind: OpenEnum {
        case inboundCall, outboundCall, inboundSMS, outboundSMS, unknown(String)
        /// Wire spellings of the known cases; any other value decodes as `.unknown(raw)`.
        public static let wireValues: [(Kind, String)] = [
            (.inboundCall, "INBOUND_CALL"), (.outboundCall, "OUTBOUND_CALL"),
            (.inboundSMS, "INBOUND_SMS"), (.outboundSMS, "OUTBOUND_SMS"),
        ]
    }

    /// What happened.
    public var type: Kind
    /// Who made it (`made_by` on the wire); nil when the API does not say.
    public var madeBy: String?
    /// When it happened (`made_at` on the wire).
    public var madeAt: Date?
    /// Calls only.
    public var alloNumber: String?
    /// Texts only.
    public var content: String?

    /// Builds an activity line, for tests and previews; the API builds them when decoding.
    public init(type: Kind, madeBy: String? = nil, madeAt: Date? = nil, alloNumber: String? = nil, content: String? = nil) {
        self.type = type
        self.madeBy = madeBy
        self.madeAt = madeAt
        self.alloNumber = alloNumber
        self.content = content
    }

    enum CodingKeys: String, CodingKey {
        case type, content
        case madeBy = "made_by", madeAt = "made_at", alloNumber = "allo_number"
    }
}

/// What `contacts.get(_:extend:)` may add.
public enum ContactExtension: String, Sendable, CaseIterable {
    case engagement, activity
}
