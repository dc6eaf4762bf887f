import AlloKit
import ArgumentParser

/// `allo webhooks create`: `POST /v1/api/webhooks`.
struct WebhooksCreate: APICommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create the v1 webhook of an Allo number.",
        discussion: """
            A v1 webhook watches one Allo number; the API keeps one configuration per number, so creating one \
            for a number that has one replaces it.

            Topics (--topic, repeatable or comma-separated, any case): \
            \(WebhookArguments.v1Known.joined(separator: ", ")). Another UPPER_CASE name is sent as given with a \
            note, in case the API has added topics allo does not know yet; the API refuses it if it does not know it.

            The API wants a public HTTPS URL (allo only checks for http(s) and a host; the sandbox also takes \
            http://127.0.0.1).

            Examples:
              allo webhooks create --allo-number +14155550100 \\
                --url https://example.com/hooks --topic CALL_RECEIVED --topic SMS_RECEIVED
              allo webhooks create --url https://example.com/hooks \\
                --topic sms_received,sms_sent --json
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The Allo number to watch, E.164 (default: the profile's allo_number).", valueName: "E164"))
    var alloNumber: String?

    @Option(help: ArgumentHelp("Where the API POSTs the events.", valueName: "URL"))
    var url: String

    @Option(name: .customLong("topic"), help: ArgumentHelp("An event to receive; repeat it or separate with commas.",
                                                           valueName: "TOPIC"))
    var topics: [String] = []

    @Flag(help: "Create it switched off (no deliveries until created again without --disabled).")
    var disabled = false

    var settingsFlags: Settings.Flags { Settings.Flags(profile: global.profile, alloNumber: alloNumber) }

    func validate() throws {
        try OptionChecks.e164(alloNumber, option: "--allo-number")
        try WebhookArguments.checkURL(url)
        _ = try WebhookArguments.v1Topics(topics)
    }

    func execute(_ context: CommandContext) async throws {
        let settings = try context.settings()
        let alloNumber = try settings.requireAlloNumber()
        let topics = try WebhookArguments.v1Topics(self.topics)
        let output = context.output
        WebhookArguments.noteUnknown(topics.unknown, output)
        let webhook = try await context.client(settings).webhooks.create(
            WebhookInput(alloNumber: alloNumber, url: url, topics: topics.topics, enabled: !disabled))
        if global.json { return try output.json(webhook) }
        output.fields([
            ("id", webhook.id),
            ("allo number", webhook.alloNumber),
            ("url", webhook.url),
            ("topics", webhook.topics.map(\.wireValue).joined(separator: ", ")),
            ("enabled", Formats.yesNo(webhook.enabled)),
        ])
        output.note("created the v1 webhook of \(webhook.alloNumber ?? alloNumber)")
    }
}
