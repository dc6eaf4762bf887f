import ArgumentParser

/// `allo webhooks …`: v1 webhooks (one per Allo number) and, under `endpoints`, v2 webhook endpoints.
struct WebhooksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhooks",
        abstract: "Webhooks: v1 per number, and v2 endpoints (webhooks endpoints …).",
        discussion: """
            `allo webhooks list|create|delete` manage v1 webhooks: one configuration per Allo number, topics in \
            UPPER_CASE, unsigned deliveries. `allo webhooks endpoints …` manage v2 endpoints: account-wide, dotted \
            topics, deliveries signed with the endpoint's secret. New integrations should use v2 endpoints.
            All need a key with the scope WEBHOOKS_READ_WRITE.
            """,
        subcommands: [WebhooksList.self, WebhooksCreate.self, WebhooksDelete.self, WebhookEndpointsCommand.self])
}
