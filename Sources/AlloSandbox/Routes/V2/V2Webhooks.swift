import Foundation

/// v2 webhook endpoints (§7.6): account-wide, each with its own `whsec_` signing secret, which only create and get show.
enum V2Webhooks {
    static func list(_ request: APIRequest, _ world: inout World) throws(APIError) -> Reply {
        .data(.array(world.endpoints.map { world.v2Endpoint($0, withSecret: false) }))
    }

    static func eventTypes(_ request: APIRequest, _ world: inout World) throws(APIError) -> Reply {
        .data(.array(WebhookEndpoint.eventTypes.map { .object([("name", .string($0.name)), ("description", .string($0.description))]) }))
    }

    static func create(_ request: APIRequest, _ world: inout World) throws(APIError) -> Reply {
        let body = try request.object()
        let url = try WebhookURL.validate(try body.requiredString("url"))
        guard let topics = try topics(body) else {
            throw APIError(400, "INVALID_EVENT_TYPE", "'topics' needs at least one event type.", param: "topics",
                           suggestion: "List them with GET /v2/api/webhooks/event_types.")
        }
        var secretBytes = SeededRandom(seed: world.settings.seed, index: world.serial, stream: 11)
        let secret = "whsec_" + Data((0..<24).map { _ in UInt8.random(in: 0...255, using: &secretBytes) }).base64EncodedString()
        let endpoint = WebhookEndpoint(id: "ep_" + world.newToken(20), url: url, topics: topics,
                                       description: try description(body), enabled: true, secret: secret,
                                       createdAt: request.nowSeconds)
        world.endpoints.append(endpoint)
        world.noteChange()
        return .data(world.v2Endpoint(endpoint, withSecret: true), status: 201)
    }

    static func get(_ request: APIRequest, _ world: inout World) throws(APIError) -> Reply {
        let index = try find(request, world)
        return .data(world.v2Endpoint(world.endpoints[index], withSecret: true))
    }

    /// Omitted fields stay as they are; `topics` replaces the set.
    static func update(_ request: APIRequest, _ world: inout World) throws(APIError) -> Reply {
        let index = try find(request, world)
        let body = try request.object()
        var endpoint = world.endpoints[index]
        if let url = try body.string("url") { endpoint.url = try WebhookURL.validate(url) }
        if body.has("topics") {
            guard let topics = try topics(body) else {
                throw APIError(400, "INVALID_EVENT_TYPE", "'topics' needs at least one event type.", param: "topics")
            }
            endpoint.topics = topics
        }
        if body.has("description") { endpoint.description = try description(body) }
        if let enabled = try body.bool("enabled") { endpoint.enabled = enabled }
        world.endpoints[index] = endpoint
        world.noteChange()
        return .data(world.v2Endpoint(endpoint, withSecret: false))
    }

    /// 204; deleting also forgets the delivery history (§7.6).
    static func delete(_ request: APIRequest, _ world: inout World) throws(APIError) -> Reply {
        let index = try find(request, world)
        world.endpoints.remove(at: index)
        world.noteChange()
        return .noContent
    }

    private static func find(_ request: APIRequest, _ world: World) throws(APIError) -> Int {
        let id = request.param("webhook_id")
        guard let index = world.endpoints.firstIndex(where: { $0.id == id }) else {
            throw APIError(404, "ENDPOINT_NOT_FOUND", "No webhook endpoint with id '\(id.prefix(80))'.", param: "webhook_id")
        }
        return index
    }

    private static func topics(_ body: Fields) throws(APIError) -> [String]? {
        guard let topics = try body.strings("topics"), !topics.isEmpty else { return nil }
        let known = Set(WebhookEndpoint.eventTypes.map(\.name))
        for topic in topics where !known.contains(topic) {
            throw APIError(400, "INVALID_EVENT_TYPE", "Unknown event type '\(topic.prefix(60))'.", param: "topics",
                           suggestion: "List them with GET /v2/api/webhooks/event_types.")
        }
        return topics.uniqued()
    }

    private static func description(_ body: Fields) throws(APIError) -> String? {
        let text = try body.string("description")
        if let text, text.count > 500 { throw .invalidBody("'description' is longer than 500 characters.", field: "description") }
        return text
    }
}
