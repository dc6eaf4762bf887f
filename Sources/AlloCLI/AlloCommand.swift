public import ArgumentParser
import Foundation

/// `allo`: the root command runs the terminal client; `allo sandbox` runs a local Withallo API.
public struct AlloCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "allo",
        abstract: "A terminal client, SDK companion and local sandbox for the Withallo (Allo) telephony API.",
        discussion: """
            Without a subcommand, runs the terminal client on the key of the profile in use (or ALLO_API_KEY), or with \
            --demo on a built-in sandbox; press ? in the client for its keys. A send the API refused says "not sent" \
            (Enter retries); one without a clear answer says "unknown" while allo looks for it on the server, then \
            "not found on the server yet", and only R, asking "This SMS may already have been delivered. Send again? \
            [y/N]", sends it again. The subcommands do the same work from \
            scripts: human output by default, --json for machines; exit 0 ok, 1 API error, 2 usage error, 3 network \
            error or timeout, 4 authentication or permission error, 5 an SMS that may have been sent and could not be \
            confirmed (do not resend it blindly).

            Settings, strongest first: flags; ALLO_API_KEY, ALLO_BASE_URL, ALLO_PROFILE, ALLO_THEME; the profile in \
            $XDG_CONFIG_HOME/allo/config.toml (default ~/.config/allo/config.toml, mode 0600; `allo auth login` \
            writes it). NO_COLOR turns colour off. The client's log (allo.log), drafts (drafts.json), outbox \
            (outbox.json) and crash reports (crash-DATE.txt) go in $XDG_STATE_HOME/allo (default ~/.local/state/allo).

            Examples:
              allo --demo
              allo auth login --profile work
              ALLO_PROFILE=work allo --theme light
              allo conversations list --allo-number +33612345678 --unread --json
              echo "Running late" | allo sms send --from +33612345678 --to +33698765432 --message -
              allo --generate-completion-script zsh > ~/.zfunc/_allo
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
    /// The terminal client first re-executes itself with crash reports going to a file (`CrashReports`).
    public static func runAsRoot() async {
        let environment = ClientEnvironment.current()
        CrashReports.prepare(arguments: CommandLine.arguments, environment: environment.variables,
                             stateDirectory: environment.stateDirectory)
        Foundation.exit(await CommandRunner.run(Array(CommandLine.arguments.dropFirst()), io: .process()))
    }
}
