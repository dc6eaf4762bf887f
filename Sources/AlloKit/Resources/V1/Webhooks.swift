/// `allo.webhooks`: v1 webhook configurations, one per Allo number (scope `WEBHOOKS_READ_WRITE`).
/// New code should prefer `allo.webhookEndpoints` (v2: account-wide and signed).
public struct Webhooks: Sendable {
    let sender: RequestSender

    /// `GET /v1/api/webhooks`.
    public func list(options: RequestOptions = .none) async throws(AlloError) -> [Webhook] {
        try await sender.data(APIRequest("GET", .v1, ["webhooks"]), options: options)
    }

    /// `POST /v1/api/webhooks`.
    public func create(_ webhook: WebhookInput, options: RequestOptions = .none) async throws(AlloError) -> Webhook {
        guard !webhook.topics.isEmpty else { throw .invalidArgument("a webhook needs at least one topic") }
        return try await sender.data(APIRequest("POST", .v1, ["webhooks"], json: webhook), options: options)
    }

    /// `DELETE /v1/api/webhooks/{id}` (known only from the seed SDK; a missing id is 404 `WEBHOOK_NOT_FOUND`).
    public func delete(_ id: String, options: RequestOptions = .none) async throws(AlloError) {
        _ = try await sender.send(APIRequest("DELETE", .v1, ["webhooks", id]), options: options)
    }
}
