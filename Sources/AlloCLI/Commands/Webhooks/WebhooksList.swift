import AlloKit
import ArgumentParser

/// `allo webhooks list`: `GET /v1/api/webhooks`.
struct WebhooksList: APICommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the v1 webhooks (one per Allo number).",
        discussion: """
            The API documents no id in this list; the ID column shows one when the API sends it, else "-" \
            (the id is also printed by `allo webhooks create`).

            Examples:
              allo webhooks list
              allo webhooks list --json | jq -r '.[] | select(.enabled) | .url'
            """)

    @OptionGroup var global: GlobalOptions

    func execute(_ context: CommandContext) async throws {
        let webhooks = try await context.client().webhooks.list()
        let output = context.output
        if global.json { return try output.json(webhooks) }
        output.table(["ID", "ALLO NUMBER", "ENABLED", "URL", "TOPICS"], webhooks.map { webhook in
            [webhook.id ?? "-", webhook.alloNumber ?? "-", Formats.yesNo(webhook.enabled), webhook.url ?? "",
             webhook.topics.map(\.wireValue).joined(separator: ",")]
        })
        if webhooks.isEmpty { output.note("no v1 webhooks; add one with `allo webhooks create`") }
    }
}
