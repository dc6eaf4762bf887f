import AlloKit
import ArgumentParser

/// `allo webhooks endpoints update ID …`: `PUT /v2/api/webhooks/{id}` with only the given fields.
struct WebhookEndpointsUpdate: APICommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change a v2 webhook endpoint's URL, topics, description or state.",
        discussion: """
            Only what is given changes; the rest stays as it is. --topic replaces the whole set of topics (give \
            all the ones to keep). --disable stops deliveries without deleting the endpoint; --enable starts them \
            again. --description "" empties the description. Prints the endpoint as it is now (without its \
            signing secret, which does not change).

            Examples:
              allo webhooks endpoints update ep_2NfDKEm9sF8xK3pQr1Zt --disable
              allo webhooks endpoints update ep_2NfDKEm9sF8xK3pQr1Zt \\
                --topic call.completed,sms.received
              allo webhooks endpoints update ep_2NfDKEm9sF8xK3pQr1Zt \\
                --url https://example.com/v2/hooks --json
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The endpoint's id (ep_…).", valueName: "id"))
    var id: String

    @Option(help: ArgumentHelp("The new address for the events.", valueName: "URL"))
    var url: String?

    @Option(name: .customLong("topic"), help: ArgumentHelp("The new set of topics; repeat it or separate with commas.",
                                                           valueName: "TOPIC"))
    var topics: [String] = []

    @Option(help: ArgumentHelp("The new note about the endpoint (\"\" empties it).", valueName: "text"))
    var description: String?

    @Flag(help: "Deliver events again.")
    var enable = false

    @Flag(help: "Stop delivering events (the endpoint is kept).")
    var disable = false

    var enabled: Bool? { enable ? true : disable ? false : nil }

    func validate() throws {
        guard !id.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("the endpoint id is empty") }
        if enable && disable { throw ValidationError("--enable and --disable cannot go together") }
        if let url { try WebhookArguments.checkURL(url) }
        if !topics.isEmpty { _ = try WebhookArguments.v2Topics(topics) }
        guard url != nil || !topics.isEmpty || description != nil || enabled != nil else {
            throw ValidationError("nothing to change: give --url, --topic, --description, --enable or --disable")
        }
    }

    func execute(_ context: CommandContext) async throws {
        let output = context.output
        var newTopics: [WebhookEventTopic]?
        if !topics.isEmpty {
            let topics = try WebhookArguments.v2Topics(self.topics)
            WebhookArguments.noteUnknown(topics.unknown, output)
            newTopics = topics.topics
        }
        let endpoint = try await context.client().webhookEndpoints.update(id, url: url, topics: newTopics,
                                                                           description: description, enabled: enabled)
        if global.json { return try output.json(endpoint) }
        WebhookArguments.showEndpoint(endpoint, output)
        output.note("updated endpoint \(endpoint.id)")
    }
}
