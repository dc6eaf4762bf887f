/// A v1 webhook configuration: one per Allo number (§6.10).
struct WebhookV1: Sendable, Codable {
    var id: String               // web-…
    var alloNumber: String
    var url: String
    var topics: [String]
    var enabled: Bool

    static let topics = ["PING", "CALL_RECEIVED", "SMS_RECEIVED", "SMS_SENT", "CONTACT_CREATED", "CONTACT_UPDATED"]
}

/// A v2 webhook endpoint: account-wide, signed with its own secret (§7.6, §8.5).
struct WebhookEndpoint: Sendable, Codable {
    var id: String               // ep_…
    var url: String
    var topics: [String]
    var description: String?
    var enabled: Bool
    var secret: String           // whsec_<base64>
    var createdAt: Int64

    static let eventTypes: [(name: String, description: String)] = [
        ("call.received", "Inbound call received, before it is answered"),
        ("call.triggered", "Outbound call initiated"),
        ("call.answered", "Call answered on the other side"),
        ("call.completed", "Call finished, with recording, transcript and summary"),
        ("tag.added", "Tag added to a call"),
        ("tag.removed", "Tag removed from a call"),
        ("sms.received", "Inbound SMS received"),
        ("sms.sent", "Outbound SMS sent"),
        ("contact.created", "Contact created"),
        ("contact.updated", "Contact updated"),
        ("summary.updated", "Call summary changed"),
    ]
}

/// One message to deliver to one webhook; retries keep the same `messageID` (the `webhook-id` header).
struct WebhookDelivery: Sendable {
    enum Version: String, Sendable { case v1, v2 }

    var messageID: String
    var version: Version
    var webhookID: String
    var url: String
    var topic: String
    var body: [UInt8]
    var secret: String?
}
