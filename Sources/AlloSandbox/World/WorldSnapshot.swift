/// What `--state FILE` keeps: the settings the base world is regenerated from, and every record changed since.
/// Untouched contacts and conversations are not written; they come back from the seed.
struct WorldSnapshot: Sendable, Codable {
    struct Indexed<Record: Sendable & Codable>: Sendable, Codable {
        var index: Int
        var record: Record
    }

    var format = 1
    var settings: WorldSettings
    var contacts: [Indexed<Contact>]
    var parties: [Indexed<Party>]
    var webhooks: [WebhookV1]
    var endpoints: [WebhookEndpoint]
    var serial: Int
}
