import Foundation

/// What the terminal client needs from its process: the variables and whether stdin and stdout are terminals.
/// A value, so the rules below are tested without a terminal or a process.
struct ClientEnvironment: Sendable {
    var variables: [String: String]
    var stdinIsTerminal: Bool
    var stdoutIsTerminal: Bool

    /// The real API, used when `ALLO_BASE_URL` is not set.
    static let defaultBaseURL = URL(string: "https://api.withallo.com")!

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

    /// Refuses what cannot work before anything starts; the message says what to do instead.
    func target(demo: Bool) throws(ClientSetupError) -> Target {
        if !stdinIsTerminal || !stdoutIsTerminal {
            throw .notATerminal(stdin: stdinIsTerminal, stdout: stdoutIsTerminal)
        }
        if variables["TERM"] == "dumb" { throw .dumbTerminal }
        if demo { return .demo }
        guard let key = variables["ALLO_API_KEY"]?.trimmingCharacters(in: .whitespacesAndNewlines), !key.isEmpty else {
            throw .missingKey
        }
        var baseURL = Self.defaultBaseURL
        if let text = variables["ALLO_BASE_URL"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
                  url.host != nil else { throw .badBaseURL(text) }
            baseURL = url
        }
        return .api(key: key, baseURL: baseURL)
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
    case badBaseURL(String)

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
                allo: no API key. Set ALLO_API_KEY to a key made in the Allo web app (Settings > API):
                  export ALLO_API_KEY=ak_live_…
                  allo
                or try the client without an account on a built-in sandbox:
                  allo --demo
                """
        case let .badBaseURL(text):
            return "allo: ALLO_BASE_URL '\(text)' is not an http(s) URL with a host, e.g. http://127.0.0.1:8787 "
                + "(unset it to use \(ClientEnvironment.defaultBaseURL.absoluteString))."
        }
    }
}
