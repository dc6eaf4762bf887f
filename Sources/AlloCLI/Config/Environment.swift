import Foundation

/// What the terminal client needs from its process: the variables and whether stdin and stdout are terminals.
/// A value, so the rules below are tested without a terminal or a process.
struct ClientEnvironment: Sendable {
    var variables: [String: String]
    var stdinIsTerminal: Bool
    var stdoutIsTerminal: Bool

    static func current() -> ClientEnvironment {
        ClientEnvironment(variables: ProcessInfo.processInfo.environment,
                          stdinIsTerminal: isatty(STDIN_FILENO) == 1, stdoutIsTerminal: isatty(STDOUT_FILENO) == 1)
    }

    /// Where the client talks to.
    enum Target: Equatable, Sendable {
        /// `ALLO_API_KEY` against `ALLO_BASE_URL` (or the real API).
        case api(key: String, baseURL: URL)
        /// An in-process sandbox, started by the client (`--demo`).
        case demo
    }

    /// Refuses what cannot work before anything starts; the message says what to do instead. The key and base URL
    /// come from the settings' precedence (environment, then the profile of the config file).
    func target(demo: Bool) throws(ClientSetupError) -> Target {
        if !stdinIsTerminal || !stdoutIsTerminal {
            throw .notATerminal(stdin: stdinIsTerminal, stdout: stdoutIsTerminal)
        }
        if variables["TERM"] == "dumb" { throw .dumbTerminal }
        if demo { return .demo }
        let settings: Settings
        do {
            settings = try Settings.resolve(flags: Settings.Flags(), variables: variables)
        } catch {
            throw .settings(error)
        }
        guard let key = settings.apiKey else { throw .missingKey }
        return .api(key: key, baseURL: settings.baseURL)
    }

    /// The profile's theme, when neither `--theme` nor `ALLO_THEME` chose one: the variables the theme loader reads.
    func themeVariables() -> [String: String] {
        guard (variables["ALLO_THEME"] ?? "").isEmpty,
              let theme = try? Settings.resolve(flags: Settings.Flags(), variables: variables).theme
        else { return variables }
        return variables.merging(["ALLO_THEME": theme]) { $1 }
    }

    /// `$XDG_STATE_HOME/allo`, else `~/.local/state/allo` (an XDG path that is not absolute is ignored, as the spec says).
    var stateDirectory: URL {
        if let state = variables["XDG_STATE_HOME"], state.hasPrefix("/") {
            return URL(fileURLWithPath: state).appendingPathComponent("allo")
        }
        let home = variables["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/state/allo")
    }

    var logFile: URL { stateDirectory.appendingPathComponent("allo.log") }
    var draftsFile: URL { stateDirectory.appendingPathComponent("drafts.json") }
}

/// Why the client did not start. Each message names the way forward.
enum ClientSetupError: Error, Equatable, CustomStringConvertible {
    case notATerminal(stdin: Bool, stdout: Bool)
    case dumbTerminal
    case missingKey
    case settings(CLIError)

    static let instead = """
        For scripts and pipes, use the AlloKit SDK (see the README), or `allo sandbox` for a local Withallo API \
        to try requests with curl.
        """

    var description: String {
        switch self {
        case let .notATerminal(stdin, stdout):
            let which = [stdin ? nil : "stdin", stdout ? nil : "stdout"].compactMap { $0 }.joined(separator: " and ")
            return "allo: the terminal client needs a terminal, but \(which) \(which.contains(" and ") ? "are" : "is") not one.\n"
                + Self.instead
        case .dumbTerminal:
            return "allo: TERM=dumb cannot show the terminal client; run it in a terminal such as xterm, or set "
                + "TERM (e.g. TERM=xterm-256color).\n" + Self.instead
        case .missingKey:
            return """
                allo: no API key. Store a key made in the Allo web app (Settings > API) in a profile:
                  allo auth login
                or set ALLO_API_KEY:
                  export ALLO_API_KEY=ak_live_…
                  allo
                or try the client without an account on a built-in sandbox:
                  allo --demo
                """
        case let .settings(error):
            return ErrorReport.report(error).lines.joined(separator: "\n")
        }
    }
}
