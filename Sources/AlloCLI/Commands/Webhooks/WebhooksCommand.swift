import ArgumentParser

/// `allo webhooks …`.
struct WebhooksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhooks",
        abstract: "Webhooks: v1 per number, and v2 endpoints (webhooks endpoints …).",
        subcommands: [])
}
