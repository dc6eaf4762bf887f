import Foundation
import ProcessTools

/// One private tmux server (`tmux -L allo-e2e-<uuid>`, no user configuration) with one session of a given size, so a
/// test never touches the user's tmux and tests never see each other.
struct Tmux: Sendable {
    /// Set by `.ci/run`: the terminal tests must run, so a missing tmux fails instead of skipping.
    static let required = ProcessInfo.processInfo.environment["ALLO_E2E_REQUIRED"] == "1"
    static let path = Tool.find("tmux")
    static let missingMessage = "tmux is not installed: the end-to-end terminal tests need it (apt-get install tmux)"

    struct Timeout: Error, CustomStringConvertible {
        var waitingFor: String
        var screen: String
        var description: String { "timed out waiting for \(waitingFor); the screen was:\n\(screen)" }
    }

    let executable: String
    let socket = "allo-e2e-\(UUID().uuidString.prefix(8).lowercased())"
    let target = "allo"

    init() throws {
        guard let path = Self.path else { throw Tool.Failure(description: Self.missingMessage) }
        executable = path
    }

    @discardableResult
    func tmux(_ arguments: [String]) async throws -> String {
        let (status, output) = try await Tool.run(executable, ["-u", "-f", "/dev/null", "-L", socket] + arguments,
                                                  environment: Self.environment)
        guard status == 0 else {
            throw Tool.Failure(description: "tmux \(arguments.joined(separator: " ")) failed (\(status)): \(output)")
        }
        return output
    }

    /// UTF-8 for tmux itself, or it prints accents and emoji as `_`.
    private static var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        environment.removeValue(forKey: "TMUX")
        return environment
    }

    /// Starts the server and a detached session running `command` in a `width`×`height` pane (no status line).
    func start(_ command: String, width: Int = 120, height: Int = 40) async throws {
        try await tmux(["set-option", "-g", "status", "off", ";",
                        "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", target, command])
    }

    /// The visible pane as text, one line per row (trailing blanks trimmed by tmux).
    func capture() async throws -> String {
        try await tmux(["capture-pane", "-p", "-t", target])
    }

    /// Keys by tmux name: "j", "Enter", "Escape", "C-c", "Up"…
    func press(_ keys: String...) async throws {
        try await tmux(["send-keys", "-t", target] + keys)
    }

    /// Text typed literally, character by character.
    func type(_ text: String) async throws {
        try await tmux(["send-keys", "-t", target, "-l", text])
    }

    func resize(width: Int, height: Int) async throws {
        try await tmux(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    /// A tmux format for the pane, e.g. `#{pane_pid}`, `#{alternate_on}`, `#{pane_width}`.
    func display(_ format: String) async throws -> String {
        try await tmux(["display-message", "-p", "-t", target, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the pane until `condition` holds for its text, or fails after `timeout` showing the last screen.
    /// The short pause between captures is only a poll interval: the wait ends on content, never on time.
    @discardableResult
    func waitFor(_ what: String, timeout: Duration = .seconds(60),
                 _ condition: (String) throws -> Bool) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        var screen = ""
        while true {
            screen = try await capture()
            if try condition(screen) { return screen }
            guard ContinuousClock.now < deadline else { throw Timeout(waitingFor: what, screen: screen) }
            try await Task.sleep(for: .milliseconds(40))
        }
    }

    /// Waits until the pane shows `text`.
    @discardableResult
    func waitFor(text: String, timeout: Duration = .seconds(60)) async throws -> String {
        try await waitFor("'\(text)'", timeout: timeout) { $0.contains(text) }
    }

    /// Polls a tmux format until it has `value`.
    func waitFor(format: String, toBe value: String, timeout: Duration = .seconds(60)) async throws {
        let deadline = ContinuousClock.now + timeout
        while try await display(format) != value {
            guard ContinuousClock.now < deadline else {
                throw Timeout(waitingFor: "\(format) = \(value)", screen: (try? await capture()) ?? "")
            }
            try await Task.sleep(for: .milliseconds(40))
        }
    }

    /// Ends the server and everything running in it.
    func kill() async {
        _ = try? await Tool.run(executable, ["-L", socket, "kill-server"])
    }
}
