import Foundation
import ProcessTools
#if canImport(Glibc)
import Glibc
#endif

/// The built `allo` in a private tmux server (`tmux -L allo-bench-…`, no user configuration), for the figures that
/// need a real terminal: first frame, idle CPU, bytes written per key.
struct TmuxDriver {
    let tmux: String
    let socket = "allo-bench-\(UUID().uuidString.prefix(8).lowercased())"
    let directory: URL

    /// The `allo` binary built next to this one, and tmux; nil (with the reason) when either is missing.
    static func locate() -> (allo: String, tmux: String)? {
        let allo = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("allo").path
        guard FileManager.default.isExecutableFile(atPath: allo), let tmux = Tool.find("tmux") else { return nil }
        return (allo, tmux)
    }

    init(tmux: String) throws {
        self.tmux = tmux
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("allo-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    @discardableResult
    func run(_ arguments: [String]) async throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        environment.removeValue(forKey: "TMUX")
        let (status, output) = try await Tool.run(tmux, ["-u", "-f", "/dev/null", "-L", socket] + arguments,
                                                  environment: environment)
        guard status == 0 else { throw BenchError("tmux \(arguments.joined(separator: " ")): \(output)") }
        return output
    }

    /// Starts `command` (a shell command line) with `variables` in a `width`×`height` pane; returns when tmux has it.
    func start(_ command: String, variables: [String: String], width: Int, height: Int) async throws {
        var all = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "XDG_STATE_HOME": directory.appendingPathComponent("state").path]
        all.merge(variables) { _, new in new }
        let script = "#!/bin/sh\nunset NO_COLOR ALLO_THEME\n"
            + all.sorted { $0.key < $1.key }.map { "export \($0.key)=\(Self.quote($0.value))\n" }.joined()
            + "exec \(command)\n"
        let url = directory.appendingPathComponent("run-\(UUID().uuidString.prefix(6)).sh")
        try script.write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: url.path)
        try await run(["set-option", "-g", "status", "off", ";", "new-session", "-d", "-x", "\(width)", "-y", "\(height)",
                       "-s", "bench", Self.quote(url.path)])
    }

    func capture() async throws -> String { try await run(["capture-pane", "-p", "-t", "bench"]) }
    func press(_ keys: String...) async throws { try await run(["send-keys", "-t", "bench"] + keys) }
    /// Types `text` as it is (no key names).
    func type(_ text: String) async throws { try await run(["send-keys", "-t", "bench", "-l", text]) }

    /// Polls the screen until `condition` holds; throws after `timeout`.
    func waitFor(_ what: String, timeout: Duration = .seconds(60), _ condition: (String) -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition(try await capture()) { return }
            try await Task.sleep(for: .milliseconds(2))
        }
        throw BenchError("timed out waiting for \(what); screen:\n\(try await capture())")
    }

    /// The first process under the pane whose name starts with `allo` (the pane's own process, or its child).
    func clientPID() async throws -> pid_t {
        let pane = try await run(["display-message", "-p", "-t", "bench", "#{pane_pid}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        var queue = [pane]
        while !queue.isEmpty {
            let pid = queue.removeFirst()
            if (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.hasPrefix("allo") == true,
               let found = pid_t(pid) { return found }
            let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
            queue += children.split(separator: " ").map(String.init)
        }
        throw BenchError("no allo process in the pane")
    }

    /// Ends the pane's processes (`script` outlives a killed server), then the server, then removes the files once
    /// the client has finished writing its own.
    func close() async {
        let client = try? await clientPID()
        let pane = (try? await run(["display-message", "-p", "-t", "bench", "#{pane_pid}"]))
            .flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        if let pane { kill(pane, SIGTERM) }
        if let client { kill(client, SIGTERM) }
        _ = try? await Tool.run(tmux, ["-L", socket, "kill-server"])
        let deadline = ContinuousClock.now + .seconds(10)
        for pid in [client, pane].compactMap({ $0 }) {
            while isRunning(pid), ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Screen text without spaces and line breaks: a wrapped line still matches.
    static func squeezed(_ text: String) -> String { FirstScreen.squeeze(text) }

    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// CPU time (user + system) a process has used, in seconds, from `/proc/PID/stat`.
func cpuSeconds(of pid: pid_t) -> Double? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return nil }
    // After "pid (comm) ": state is field 3; utime and stime are fields 14 and 15.
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
}

/// Whether `pid` is alive and not a zombie (an orphan's zombie may never be reaped in a container).
func isRunning(_ pid: pid_t) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return false }
    return !stat[stat.index(after: close)...].hasPrefix(" Z")
}
