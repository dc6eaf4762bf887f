import AlloKit
import ArgumentParser
import Foundation

/// Options every scriptable command takes.
struct GlobalOptions: ParsableArguments, Sendable {
    @Option(help: ArgumentHelp("The config profile to use (default: ALLO_PROFILE, else default_profile in the config file).",
                               valueName: "name"))
    var profile: String?

    @Flag(help: "Print what the API returns inside `data`, as JSON (a bare array for lists).")
    var json = false
}

/// A scriptable subcommand: parsed by ArgumentParser, run by `CommandRunner` with a `CommandContext`, so tests run it
/// in-process with captured output. `run()` (ArgumentParser's entry) runs it on the real process the same way.
protocol APICommand: AsyncParsableCommand, Sendable {
    var global: GlobalOptions { get }
    /// Flags taking part in the settings' precedence, besides `--profile`.
    var settingsFlags: Settings.Flags { get }
    func execute(_ context: CommandContext) async throws
}

extension APICommand {
    var settingsFlags: Settings.Flags { Settings.Flags(profile: global.profile) }

    func run() async throws {
        let code = await CommandRunner.execute(self, io: .process())
        if code != 0 { throw ExitCode(code) }
    }
}

/// What a running command works with: its process, its settings and a client built from them.
struct CommandContext: Sendable {
    let io: CommandIO
    let global: GlobalOptions
    let flags: Settings.Flags

    var output: Output { Output(io: io, json: global.json) }

    /// Flags, environment, config file, in that order.
    func settings() throws(CLIError) -> Settings {
        try Settings.resolve(flags: flags, variables: io.variables)
    }

    /// A client on the resolved key and base URL. The SDK's own retries stay on (GETs; SMS only when provably unsent).
    func client(_ settings: Settings? = nil) throws -> AlloClient {
        let settings = try settings ?? self.settings()
        return try AlloClient(apiKey: try settings.requireKey(), baseURL: settings.baseURL, timeout: try timeout())
    }

    /// How long one request may take: `ALLO_TIMEOUT` seconds, default 30.
    func timeout() throws(CLIError) -> Duration {
        try seconds("ALLO_TIMEOUT", default: 30)
    }

    /// How long `sms send` looks for an SMS after an unclear answer: `ALLO_SMS_CHECK_SECONDS`, default 10.
    func smsCheckWindow() throws(CLIError) -> Duration {
        try seconds("ALLO_SMS_CHECK_SECONDS", default: 10)
    }

    private func seconds(_ variable: String, default fallback: Int) throws(CLIError) -> Duration {
        guard let text = io.variables[variable], !text.isEmpty else { return .seconds(fallback) }
        guard let seconds = Double(text), seconds > 0, seconds <= 3600 else {
            throw CLIError.usage("\(variable) '\(text)' is not a number of seconds between 0 and 3600")
        }
        return .milliseconds(Int(seconds * 1000))
    }
}
