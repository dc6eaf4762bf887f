public import ArgumentParser
import Foundation

/// `allo`: the root command runs the terminal client; `allo sandbox` runs a local Withallo API.
public struct AlloCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "allo",
        abstract: "A terminal client, SDK companion and local sandbox for the Withallo (Allo) telephony API.",
        discussion: """
            Without a subcommand, runs the terminal client on the account of ALLO_API_KEY (against ALLO_BASE_URL, \
            default https://api.withallo.com), or with --demo on a built-in sandbox. Press ? in the client for its keys.

            Environment: ALLO_API_KEY, ALLO_BASE_URL, ALLO_THEME, NO_COLOR (mono theme), XDG_STATE_HOME (the log, \
            allo.log, and the drafts, drafts.json, go in $XDG_STATE_HOME/allo, default ~/.local/state/allo).

            Examples:
              allo --demo
              ALLO_API_KEY=ak_live_… allo --theme light
              allo sandbox --port 0
            """,
        subcommands: [
            MeCommand.self, NumbersCommand.self, ContactsCommand.self, CallsCommand.self, TranscriptCommand.self, ConversationsCommand.self,
            ItemsCommand.self, SMSCommand.self, WebhooksCommand.self, AuthCommand.self, SandboxCommand.self,
        ])

    @Flag(help: "Run on a built-in sandbox (seeded account, live activity every 20 s) instead of the real API.")
    var demo = false

    @Option(help: ArgumentHelp("Theme: default, light, high-contrast, mono, a name in ~/.config/allo/themes, or a path.",
                               valueName: "name|path"))
    var theme: String?

    public init() {}

    public func run() async throws {
        let code = await ClientLauncher.run(demo: demo, theme: theme, environment: .current())
        if code != 0 { throw ExitCode(code) }
    }
}

extension AlloCommand {
    /// The process entry point (`Sources/allo/main.swift`): parses, runs, and exits with allo's exit codes.
    public static func runAsRoot() async {
        Foundation.exit(await CommandRunner.run(Array(CommandLine.arguments.dropFirst()), io: .process()))
    }
}
