import ArgumentParser

/// `allo webhooks endpoints …`: the account's v2 webhook endpoints.
struct WebhookEndpointsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "endpoints",
        abstract: "v2 webhook endpoints: account-wide, dotted topics, signed deliveries.",
        discussion: """
            Each endpoint has a signing secret (whsec_…) to verify what it receives: `create` and `get` show it.
            Topics are listed by `allo webhooks endpoints events`.
            """,
        subcommands: [WebhookEndpointsList.self, WebhookEndpointsCreate.self, WebhookEndpointsGet.self,
                      WebhookEndpointsUpdate.self, WebhookEndpointsDelete.self, WebhookEndpointsEvents.self])
}
