import Foundation
import ProcessTools
#if canImport(Glibc)
import Glibc
#endif

/// The real `allo` binary running in a private tmux pane, as a user would run it, followed in the same pane by
/// `stty -a` once it exits, so a test can check the terminal it left behind.
struct ClientSession: Sendable {
    /// The `allo` executable built next to this test bundle.
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("allo")
    }

    static let exitMarker = "ALLO-EXIT="
    static let endMarker = "ALLO-STTY-DONE"

    let tmux: Tmux
    let directory: URL

    /// Starts `allo arguments` with `environment` (plus a private XDG state directory) in a `width`×`height` pane;
    /// with `recording`, under `script`, which keeps every byte the client writes in that file.
    static func start(_ arguments: [String], environment: [String: String], width: Int = 120,
                      height: Int = 40, recording: URL? = nil) async throws -> ClientSession {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw Tool.Failure(description: "build the package first: no \(binary.path)")
        }
        let tmux = try Tmux()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("allo-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var variables = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "XDG_STATE_HOME": directory.appendingPathComponent("state").path,
                         "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path]
        variables.merge(environment) { _, new in new }
        let exports = variables.sorted { $0.key < $1.key }.map { "export \($0.key)=\(quote($0.value))" }
        var command = ([binary.path] + arguments).map(quote).joined(separator: " ")
        if let recording { command = "script -q -f -c \(quote(command)) \(quote(recording.path))" }
        let script = """
            #!/bin/sh
            unset NO_COLOR ALLO_THEME ALLO_API_KEY ALLO_BASE_URL ESCDELAY
            \(exports.joined(separator: "\n"))
            \(command)
            echo "\(exitMarker)$?"
            stty -a
            echo "\(endMarker)"
            exec sleep 86400
            """
        let scriptURL = directory.appendingPathComponent("run.sh")
        try script.write(to: scriptURL, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: scriptURL.path)
        try await tmux.start(quote(scriptURL.path), width: width, height: height)
        return ClientSession(tmux: tmux, directory: directory)
    }

    /// Ends the pane and removes the session's files.
    func close() async {
        // A client still running saves its drafts and log as it ends: wait for it, or it recreates the directory.
        let client = try? await clientPID()
        await tmux.kill()
        if let client {
            let deadline = ContinuousClock.now + .seconds(10)
            while isRunning(client), ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        }
        try? FileManager.default.removeItem(at: directory)
    }

    var logFile: URL { directory.appendingPathComponent("state/allo/allo.log") }

    /// The `allo` process: under the pane's shell (a child, or a grandchild under `script`).
    func clientPID() async throws -> pid_t {
        let shell = try await tmux.display("#{pane_pid}")
        var queue = [shell]
        while !queue.isEmpty {
            let parent = queue.removeFirst()
            let children = (try? String(contentsOfFile: "/proc/\(parent)/task/\(parent)/children", encoding: .utf8)) ?? ""
            for word in children.split(separator: " ") {
                if let pid = pid_t(word), (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.hasPrefix("allo") == true {
                    return pid
                }
                queue.append(String(word))
            }
        }
        throw Tool.Failure(description: "no allo process under the pane's shell \(shell)")
    }

    /// Waits for the client to end, then for `stty -a` to have printed; returns the exit status and stty's words.
    func waitForExit(timeout: Duration = .seconds(60)) async throws -> (status: Int, stty: Set<String>) {
        let screen = try await tmux.waitFor("the client's exit and stty -a", timeout: timeout) {
            $0.contains(Self.exitMarker) && $0.contains(Self.endMarker)
        }
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let exitLine = lines.last { $0.hasPrefix(Self.exitMarker) } ?? ""
        let status = Int(exitLine.dropFirst(Self.exitMarker.count).trimmingCharacters(in: .whitespaces)) ?? -1
        let start = lines.lastIndex { $0.hasPrefix(Self.exitMarker) } ?? 0
        let words = lines[start...].flatMap { $0.split(whereSeparator: { $0 == " " || $0 == ";" }) }.map(String.init)
        return (status, Set(words))
    }

    private static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

extension Set<String> {
    /// `stty -a` says the line discipline is back to a shell's: canonical input and echo on.
    var isCookedTerminal: Bool {
        contains("icanon") && contains("echo") && !contains("-icanon") && !contains("-echo")
    }
}

extension ClientSession {
    /// Runs `body` with a started session and always closes it (the tmux server and its pane end), thrown or not.
    static func with<T>(_ arguments: [String], environment: [String: String], width: Int = 120, height: Int = 40,
                        recording: URL? = nil, _ body: (ClientSession) async throws -> T) async throws -> T {
        let session = try await start(arguments, environment: environment, width: width, height: height,
                                      recording: recording)
        do {
            let result = try await body(session)
            await session.close()
            return result
        } catch {
            // The screen at the time, for the log: Swift Testing may shorten a long issue.
            FileHandle.standardError.write(Data("allo e2e: \(error)\n".utf8))
            await session.close()
            throw error
        }
    }
}

extension TestSandbox {
    /// Runs `body` with a started sandbox and always stops it.
    static func with<T>(_ body: (TestSandbox) async throws -> T) async throws -> T {
        let sandbox = try await start()
        do {
            let result = try await body(sandbox)
            await sandbox.stop()
            return result
        } catch {
            await sandbox.stop()
            throw error
        }
    }

    /// What `allo` needs to talk to this sandbox.
    var clientEnvironment: [String: String] {
        ["ALLO_API_KEY": fullKey, "ALLO_BASE_URL": baseURL.absoluteString]
    }
}

/// Whether `pid` is alive and not a zombie (an orphan's zombie may never be reaped in a container).
func isRunning(_ pid: pid_t) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return false }
    return !stat[stat.index(after: close)...].hasPrefix(" Z")
}
