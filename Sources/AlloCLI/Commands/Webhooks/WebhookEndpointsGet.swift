import AlloKit
import ArgumentParser

/// `allo webhooks endpoints get ID`: `GET /v2/api/webhooks/{id}`.
struct WebhookEndpointsGet: APICommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Show one v2 webhook endpoint, with its signing secret.",
        discussion: """
            Examples:
              allo webhooks endpoints get ep_2NfDKEm9sF8xK3pQr1Zt
              allo webhooks endpoints get ep_2NfDKEm9sF8xK3pQr1Zt --json \\
                | jq -r .signing_secret
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The endpoint's id (ep_…).", valueName: "id"))
    var id: String

    func validate() throws {
        guard !id.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("the endpoint id is empty") }
    }

    func execute(_ context: CommandContext) async throws {
        let endpoint = try await context.client().webhookEndpoints.get(id)
        let output = context.output
        if global.json { return try output.json(endpoint) }
        WebhookArguments.showEndpoint(endpoint, output)
    }
}
