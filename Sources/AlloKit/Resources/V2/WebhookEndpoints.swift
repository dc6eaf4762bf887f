/// `allo.webhookEndpoints`: the account's v2 webhook endpoints (scope `WEBHOOKS_READ_WRITE`, contract §7.6).
/// Verify what they receive with `AlloWebhooks` and the endpoint's `signingSecret`.
public struct WebhookEndpoints: Sendable {
    let sender: RequestSender

    /// `GET /v2/api/webhooks`. Listed endpoints carry no signing secret; `get` one for it.
    public func list(options: RequestOptions = .none) async throws(AlloError) -> [WebhookEndpoint] {
        try await sender.data(APIRequest("GET", .v2, ["webhooks"]), options: options)
    }

    /// `POST /v2/api/webhooks` (201): a new, enabled endpoint, with its `signingSecret`.
    /// - Parameters:
    ///   - url: a public HTTPS address.
    ///   - topics: at least one; an unknown one is `400 INVALID_EVENT_TYPE`.
    public func create(url: String, topics: [WebhookEventTopic], description: String? = nil,
                       options: RequestOptions = .none) async throws(AlloError) -> WebhookEndpoint {
        let body = EndpointBody(url: url, topics: topics, description: description)
        return try await sender.data(APIRequest("POST", .v2, ["webhooks"], json: body, idempotencyKey: true), options: options)
    }

    /// `GET /v2/api/webhooks/{webhook_id}`, with the signing secret; `404 ENDPOINT_NOT_FOUND` when unknown.
    public func get(_ id: String, options: RequestOptions = .none) async throws(AlloError) -> WebhookEndpoint {
        try await sender.data(APIRequest("GET", .v2, ["webhooks", id]), options: options)
    }

    /// `PUT /v2/api/webhooks/{webhook_id}`: changes only what is given (nil leaves a field as it is); `topics`
    /// replaces the whole set. The answer carries no signing secret.
    public func update(_ id: String, url: String? = nil, topics: [WebhookEventTopic]? = nil, description: String? = nil,
                       enabled: Bool? = nil, options: RequestOptions = .none) async throws(AlloError) -> WebhookEndpoint {
        let body = EndpointBody(url: url, topics: topics, description: description, enabled: enabled)
        return try await sender.data(APIRequest("PUT", .v2, ["webhooks", id], json: body, idempotencyKey: true), options: options)
    }

    /// `DELETE /v2/api/webhooks/{webhook_id}` (204); its delivery history goes with it.
    public func delete(_ id: String, options: RequestOptions = .none) async throws(AlloError) {
        _ = try await sender.send(APIRequest("DELETE", .v2, ["webhooks", id], idempotencyKey: true), options: options)
    }

    /// `GET /v2/api/webhooks/event_types`: the topics an endpoint can subscribe to, with what each means.
    public func eventTypes(options: RequestOptions = .none) async throws(AlloError) -> [WebhookEventType] {
        try await sender.data(APIRequest("GET", .v2, ["webhooks", "event_types"]), options: options)
    }
}

/// Create and update bodies: nil fields are left out.
private struct EndpointBody: Encodable {
    var url: String?
    var topics: [WebhookEventTopic]?
    var description: String?
    var enabled: Bool?
}
