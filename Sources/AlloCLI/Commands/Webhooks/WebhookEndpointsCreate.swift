import AlloKit
import ArgumentParser

/// `allo webhooks endpoints create`: `POST /v2/api/webhooks`.
struct WebhookEndpointsCreate: APICommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a v2 webhook endpoint; prints its signing secret.",
        discussion: """
            The new endpoint is enabled and receives the given topics for the whole account. Its signing secret \
            (whsec_…) is printed under "signing secret" (and as signing_secret with --json): keep it where your \
            receiver can read it, to verify deliveries. `allo webhooks endpoints get ID` shows it again; the list \
            and update do not.

            Topics (--topic, repeatable or comma-separated, any case): \
            \(WebhookArguments.v2Known.joined(separator: ", ")). Another dotted name is sent as given with a note, \
            in case the API has added topics allo does not know yet (see `allo webhooks endpoints events`); the API \
            refuses it with INVALID_EVENT_TYPE if it does not know it.

            The API wants a public HTTPS URL (allo only checks for http(s) and a host; the sandbox also takes \
            http://127.0.0.1).

            Examples:
              allo webhooks endpoints create --url https://example.com/hooks \\
                --topic call.completed --topic sms.received --description "Production"
              allo webhooks endpoints create --url https://example.com/hooks \\
                --topic sms.received --json | jq -r .signing_secret
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Where the API POSTs the events.", valueName: "URL"))
    var url: String

    @Option(name: .customLong("topic"), help: ArgumentHelp("An event to receive; repeat it or separate with commas.",
                                                           valueName: "TOPIC"))
    var topics: [String] = []

    @Option(help: ArgumentHelp("Your note about the endpoint (up to 500 characters).", valueName: "text"))
    var description: String?

    func validate() throws {
        try WebhookArguments.checkURL(url)
        _ = try WebhookArguments.v2Topics(topics)
    }

    func execute(_ context: CommandContext) async throws {
        let topics = try WebhookArguments.v2Topics(self.topics)
        let output = context.output
        WebhookArguments.noteUnknown(topics.unknown, output)
        let endpoint = try await context.client().webhookEndpoints.create(url: url, topics: topics.topics,
                                                                           description: description)
        if global.json { return try output.json(endpoint) }
        WebhookArguments.showEndpoint(endpoint, output)
        output.note("created endpoint \(endpoint.id); keep its signing secret to verify deliveries "
                    + "(`allo webhooks endpoints get \(endpoint.id)` shows it again)")
    }
}
