import AlloKit
import ArgumentParser

/// `allo webhooks endpoints events`: `GET /v2/api/webhooks/event_types`.
struct WebhookEndpointsEvents: APICommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "List the topics a v2 endpoint can subscribe to, as the API knows them.",
        discussion: """
            Examples:
              allo webhooks endpoints events
              allo webhooks endpoints events --json | jq -r '.[].name'
            """,
        aliases: ["event-types"])

    @OptionGroup var global: GlobalOptions

    func execute(_ context: CommandContext) async throws {
        let types = try await context.client().webhookEndpoints.eventTypes()
        let output = context.output
        if global.json { return try output.json(types) }
        output.table(["TOPIC", "DESCRIPTION"], types.map { [$0.name.wireValue, $0.description ?? ""] })
    }
}
