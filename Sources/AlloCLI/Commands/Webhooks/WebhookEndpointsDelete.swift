import AlloKit
import ArgumentParser

/// `allo webhooks endpoints delete ID`: `DELETE /v2/api/webhooks/{id}`.
struct WebhookEndpointsDelete: APICommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a v2 webhook endpoint and its delivery history.",
        discussion: """
            Prints "deleted endpoint ID" on stderr. Nothing is printed on stdout, with --json too (the API answers \
            204 with no body): exit status 0 means it is deleted. An unknown id ends with exit status 1. To stop \
            deliveries but keep the endpoint, use `allo webhooks endpoints update ID --disable`.

            Examples:
              allo webhooks endpoints delete ep_2NfDKEm9sF8xK3pQr1Zt
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The endpoint's id (ep_…).", valueName: "id"))
    var id: String

    func validate() throws {
        guard !id.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("the endpoint id is empty") }
    }

    func execute(_ context: CommandContext) async throws {
        try await context.client().webhookEndpoints.delete(id)
        context.output.note("deleted endpoint \(id)")
    }
}
