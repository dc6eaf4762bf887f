import AlloKit
import ArgumentParser

/// `allo webhooks endpoints list`: `GET /v2/api/webhooks`.
struct WebhookEndpointsList: APICommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the account's v2 webhook endpoints.",
        discussion: """
            The list carries no signing secrets; `allo webhooks endpoints get ID` shows one.

            Examples:
              allo webhooks endpoints list
              allo webhooks endpoints list --json | jq -r '.[] | select(.enabled|not).id'
            """)

    @OptionGroup var global: GlobalOptions

    func execute(_ context: CommandContext) async throws {
        let endpoints = try await context.client().webhookEndpoints.list()
        let output = context.output
        if global.json { return try output.json(endpoints) }
        output.table(["ID", "ENABLED", "URL", "TOPICS", "DESCRIPTION"], endpoints.map { endpoint in
            [endpoint.id, Formats.yesNo(endpoint.enabled), endpoint.url,
             endpoint.topics.map(\.wireValue).joined(separator: ","), endpoint.description ?? ""]
        })
        if endpoints.isEmpty { output.note("no webhook endpoints; add one with `allo webhooks endpoints create`") }
    }
}
