/// A v1 webhook configuration: one per Allo number (contract §6.10).
public struct Webhook: Codable, Sendable, Hashable {
    /// Only in the create response (`web-…`); the list has no ids.
    public var id: String?
    public var alloNumber: String?
    public var enabled: Bool
    public var url: String?
    public var topics: [V1WebhookTopic]

    public init(id: String? = nil, alloNumber: String?, enabled: Bool = true, url: String?, topics: [V1WebhookTopic]) {
        self.id = id
        self.alloNumber = alloNumber
        self.enabled = enabled
        self.url = url
        self.topics = topics
    }

    enum CodingKeys: String, CodingKey {
        case id, enabled, url, topics
        case alloNumber = "allo_number"
    }

    /// One doc version of the create response says `alloNumber` (contract §6.10): both are read.
    private enum CamelKeys: String, CodingKey { case alloNumber }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        alloNumber = try container.decodeIfPresent(String.self, forKey: .alloNumber)
            ?? decoder.container(keyedBy: CamelKeys.self).decodeIfPresent(String.self, forKey: .alloNumber)
        enabled = try container.decodeIfPresent(Bool.self, forKey: .enabled) ?? true
        url = try container.decodeIfPresent(String.self, forKey: .url)
        topics = try container.decodeIfPresent([V1WebhookTopic].self, forKey: .topics) ?? []
    }
}

/// v1 webhook topics (the set differs between doc versions; unknown ones are kept).
public enum V1WebhookTopic: OpenEnum {
    case ping, callReceived, smsReceived, smsSent, contactCreated, contactUpdated, unknown(String)
    public static let wireValues: [(V1WebhookTopic, String)] = [
        (.ping, "PING"), (.callReceived, "CALL_RECEIVED"), (.smsReceived, "SMS_RECEIVED"), (.smsSent, "SMS_SENT"),
        (.contactCreated, "CONTACT_CREATED"), (.contactUpdated, "CONTACT_UPDATED"),
    ]
}

/// What `webhooks.create` sends.
public struct WebhookInput: Encodable, Sendable, Hashable {
    public var alloNumber: String
    public var url: String
    public var topics: [V1WebhookTopic]
    public var enabled: Bool

    public init(alloNumber: String, url: String, topics: [V1WebhookTopic], enabled: Bool = true) {
        self.alloNumber = alloNumber
        self.url = url
        self.topics = topics
        self.enabled = enabled
    }

    enum CodingKeys: String, CodingKey {
        case url, topics, enabled
        case alloNumber = "allo_number"
    }
}
