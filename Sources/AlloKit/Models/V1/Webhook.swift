/// A v1 webhook configuration: one per Allo number (contract §6.10).
public struct Webhook: Codable, Sendable, Hashable {
    /// Only in the create response (`web-…`); the list has no ids.
    public var id: String?
    /// The Allo number it watches, E.164 (`allo_number` on the wire; `alloNumber` is read too).
    public var alloNumber: String?
    /// Whether events are delivered; true when absent.
    public var enabled: Bool
    /// Where events are POSTed.
    public var url: String?
    /// The events delivered; empty when absent.
    public var topics: [V1WebhookTopic]

    /// Builds a webhook configuration, for tests and previews; the API builds them when decoding.
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
    /// Wire spellings of the known cases; any other value decodes as `.unknown(raw)`.
    public static let wireValues: [(V1WebhookTopic, String)] = [
        (.ping, "PING"), (.callReceived, "CALL_RECEIVED"), (.smsReceived, "SMS_RECEIVED"), (.smsSent, "SMS_SENT"),
        (.contactCreated, "CONTACT_CREATED"), (.contactUpdated, "CONTACT_UPDATED"),
    ]
}

/// What `webhooks.create` sends.
public struct WebhookInput: Encodable, Sendable, Hashable {
    /// The Allo number to watch, E.164 (`allo_number` on the wire).
    public var alloNumber: String
    /// Where to POST events.
    public var url: String
    /// The events to receive.
    public var topics: [V1WebhookTopic]
    /// Whether to deliver events; the API's default is true.
    public var enabled: Bool

    /// Builds the body of `webhooks.create`.
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
