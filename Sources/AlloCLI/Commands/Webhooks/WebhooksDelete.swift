import AlloKit
import ArgumentParser

/// `allo webhooks delete ID`: `DELETE /v1/api/webhooks/{id}`.
struct WebhooksDelete: APICommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a v1 webhook.",
        discussion: """
            Prints "deleted webhook ID" on stderr. Nothing is printed on stdout, with --json too (the API answers \
            with no body): exit status 0 means it is deleted. An unknown id ends with exit status 1.
            (This endpoint is known from Allo's earlier SDK only, not from the current docs.)

            Examples:
              allo webhooks delete web-2NfDKEm9sF8xK3pQr1Zt
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The webhook's id (web-…), as `allo webhooks create` printed it.", valueName: "id"))
    var id: String

    func validate() throws {
        guard !id.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("the webhook id is empty") }
    }

    func execute(_ context: CommandContext) async throws {
        try await context.client().webhooks.delete(id)
        context.output.note("deleted webhook \(id)")
    }
}
