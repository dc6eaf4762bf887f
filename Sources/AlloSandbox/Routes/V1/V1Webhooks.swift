import Foundation

/// v1 webhooks (§6.10): one configuration per Allo number; create replaces an existing one for the same number.
/// Delete is attested only by the seed SDK, with its `{"error":"WEBHOOK_NOT_FOUND"}` body.
enum V1Webhooks {
    static func list(_ request: APIRequest, _ world: inout World) throws(APIError) -> Reply {
        .data(.array(world.webhooks.map { world.v1Webhook($0) }))
    }

    static func create(_ request: APIRequest, _ world: inout World) throws(APIError) -> Reply {
        let body = try request.object()
        let alloNumber = try body.requiredString("allo_number")
        _ = try world.requireLine(number: alloNumber, param: "allo_number", version: .v1)
        let url = try WebhookURL.validate(try body.requiredString("url"))
        guard let topics = try body.strings("topics"), !topics.isEmpty else {
            throw .invalidBody("'topics' needs at least one of \(WebhookV1.topics.joined(separator: ", ")).", field: "topics")
        }
        for topic in topics where !WebhookV1.topics.contains(topic) {
            throw APIError(400, "INVALID_EVENT_TYPE", "Unknown topic '\(topic.prefix(40))'; v1 topics are \(WebhookV1.topics.joined(separator: ", ")).",
                           param: "topics")
        }
        let enabled = try body.bool("enabled") ?? true
        let unique = topics.uniqued()
        if let index = world.webhooks.firstIndex(where: { $0.alloNumber == alloNumber }) {
            world.webhooks[index].url = url
            world.webhooks[index].topics = unique
            world.webhooks[index].enabled = enabled
            world.noteChange()
            return .data(world.v1Webhook(world.webhooks[index]))
        }
        let webhook = WebhookV1(id: "web-" + world.newToken(20), alloNumber: alloNumber, url: url, topics: unique, enabled: enabled)
        world.webhooks.append(webhook)
        world.noteChange()
        return .data(world.v1Webhook(webhook))
    }

    static func delete(_ request: APIRequest, _ world: inout World) throws(APIError) -> Reply {
        let id = request.param("webhook_id")
        guard let index = world.webhooks.firstIndex(where: { $0.id == id }) else {
            var error = APIError(404, "WEBHOOK_NOT_FOUND", "No webhook with id '\(id.prefix(80))'.")
            error.rawBody = .object([("error", .string("WEBHOOK_NOT_FOUND"))])
            throw error
        }
        world.webhooks.remove(at: index)
        world.noteChange()
        return .noContent
    }
}

/// Webhook URLs: public HTTPS as the contract asks, or plain `http://` on loopback so tests and local receivers work.
enum WebhookURL {
    static func validate(_ text: String, field: String = "url") throws(APIError) -> String {
        guard text.count <= 2048, let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty else {
            throw .invalidBody("'\(field)' must be an absolute https:// URL.", field: field)
        }
        guard scheme == "https" || (scheme == "http" && isLoopback(host)) else {
            throw .invalidBody("'\(field)' must use https:// (plain http:// is accepted only for loopback hosts).", field: field)
        }
        return text
    }

    static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return h == "localhost" || h == "::1" || h.hasPrefix("127.")
    }
}
