public import Foundation

/// A v2 webhook endpoint (contract §7.6): account-wide, receiving the topics it subscribes to, signed with its own
/// `whsec_` secret.
public struct WebhookEndpoint: Codable, Sendable, Hashable, Identifiable {
    /// `ep_…`.
    public var id: String
    /// HTTPS.
    public var url: String
    /// The events it receives; unknown topics are kept as `.unknown`.
    public var topics: [WebhookEventTopic]
    /// Your note about the endpoint, e.g. `Production event stream`.
    public var description: String?
    /// Whether events are delivered; true when absent.
    public var enabled: Bool
    /// `whsec_…`, to verify deliveries. Only `create` and `get` return it; nil from `list` and `update`.
    public var signingSecret: String?
    /// `created_at` on the wire.
    public var createdAt: Date?

    /// Builds an endpoint, for tests and previews; the API builds them when decoding.
    public init(id: String, url: String, topics: [WebhookEventTopic], description: String? = nil, enabled: Bool = true,
                signingSecret: String? = nil, createdAt: Date? = nil) {
        self.id = id
        self.url = url
        self.topics = topics
        self.description = description
        self.enabled = enabled
        self.signingSecret = signingSecret
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id, url, topics, description, enabled
        case signingSecret = "signing_secret"
        case createdAt = "created_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try BothCases(decoder, CodingKeys.self)
        id = try container.require(String.self, .id)
        url = try container(String.self, .url) ?? ""
        topics = try container([WebhookEventTopic].self, .topics) ?? []
        description = try container(String.self, .description)
        // Endpoints are created enabled; only an explicit false disables one.
        enabled = try container(Bool.self, .enabled) ?? true
        signingSecret = try container(String.self, .signingSecret)
        createdAt = try container(Date.self, .createdAt)
    }

    /// The contract's shape: `description` and `created_at` always present (null when unset); `signing_secret` only
    /// when known, as the API leaves it out of list and update answers.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(url, forKey: .url)
        try container.encode(topics, forKey: .topics)
        try container.encode(description, forKey: .description)
        try container.encode(enabled, forKey: .enabled)
        // Absent, not null, when unknown: the API sends the secret on create and get only, never in lists.
        if let signingSecret { try container.encode(signingSecret, forKey: .signingSecret) }
        try container.encode(createdAt, forKey: .createdAt)
    }
}

/// The dotted v2 event topics (contract §7.6, §8.3). Newer ones (`partner.*`, notes) arrive as `.unknown(name)`.
public enum WebhookEventTopic: OpenEnum {
    case callReceived, callTriggered, callAnswered, callCompleted
    case tagAdded, tagRemoved
    case smsReceived, smsSent
    case contactCreated, contactUpdated
    case summaryUpdated
    case unknown(String)

    /// Wire spellings of the known cases; any other value decodes as `.unknown(raw)`.
    public static let wireValues: [(WebhookEventTopic, String)] = [
        (.callReceived, "call.received"), (.callTriggered, "call.triggered"), (.callAnswered, "call.answered"),
        (.callCompleted, "call.completed"), (.tagAdded, "tag.added"), (.tagRemoved, "tag.removed"),
        (.smsReceived, "sms.received"), (.smsSent, "sms.sent"), (.contactCreated, "contact.created"),
        (.contactUpdated, "contact.updated"), (.summaryUpdated, "summary.updated"),
    ]
}

/// An event type an endpoint can subscribe to, as `GET /v2/api/webhooks/event_types` lists it.
public struct WebhookEventType: Codable, Sendable, Hashable {
    /// The topic, e.g. `call.received`; one this SDK does not know is `.unknown`.
    public var name: WebhookEventTopic
    /// A human-readable line, e.g. `Inbound call received`.
    public var description: String?

    /// Builds an event type, for tests and previews; the API builds them when decoding.
    public init(name: WebhookEventTopic, description: String? = nil) {
        self.name = name
        self.description = description
    }

    enum CodingKeys: String, CodingKey { case name, description }

    public init(from decoder: any Decoder) throws {
        let container = try BothCases(decoder, CodingKeys.self)
        name = try container.require(WebhookEventTopic.self, .name)
        description = try container(String.self, .description)
    }
}
