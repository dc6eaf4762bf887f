public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Every child process of the tests, allo-bench and `allo` itself starts here, never through `Foundation.Process`.
///
/// Foundation's runner hands each child one end of a socket pair and learns of the exit when that end closes, and a
/// tmux client that starts a server passes the socket on to the daemon, so the exit was never seen; it also crashed a
/// test run (SIGSEGV in memcpy inside its `run()`) while other tests ran. Here every child starts through `Spawn`
/// (descriptors 0, 1 and 2 as asked and no other, no signal blocked, default handlers), and threads of their own feed
/// and read its pipes and reap it, so no thread of the cooperative pool (two on these machines) ever blocks.
///
/// - `run` and `capture`: short-lived programs, their output read to its end (merged, or stdout and stderr apart).
/// - `start`: a long-running child (`ChildProcess`) whose stdout arrives line by line; signal it and wait for it.
/// - `runInTerminal`: a program on the caller's terminal (an editor), waited for on the calling thread.
public enum Tool {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// What a program printed on stdout and on stderr, and its exit status (128 + signal when killed).
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The first executable `name` on `PATH` (or in the usual directories).
    public static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/bin"]
        return directories.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `executable` and returns its exit status (128 + signal when killed) and its output (stdout and stderr in
    /// one). Its stdin is `stdin` when given, else /dev/null; its environment `environment`, else this process's.
    /// A program still running after `timeout` is killed and reported as a failure, so a test fails rather than hangs.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                           stdin: Data? = nil, timeout: Duration = .seconds(60)) async throws -> (status: Int32, output: String) {
        let output = try await collect(executable, arguments, environment: environment, stdin: stdin, merged: true,
                                       timeout: timeout)
        return (output.status, output.stdout)
    }

    /// `run` with stdout and stderr apart.
    public static func capture(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                               stdin: Data? = nil, timeout: Duration = .seconds(60)) async throws -> Output {
        try await collect(executable, arguments, environment: environment, stdin: stdin, merged: false, timeout: timeout)
    }

    /// Runs `executable` on this process's terminal: it gets descriptors 0, 1 and 2 as they are (and no other), every
    /// signal at its default, and this process group, so it is in the foreground. Blocks the calling thread until the
    /// program exits and returns its status (128 + signal when killed): meant for the main thread with the terminal
    /// released (an editor); a task on the cooperative pool would hold one of its threads that long.
    public static func runInTerminal(_ executable: String, _ arguments: [String],
                                     environment: [String: String]? = nil) throws -> Int32 {
        let started = try Spawn.start(executable, arguments, environment: environment,
                                      stdin: .inherited, stdout: .inherited, stderr: .inherited)
        return Child(started.pid).reap()
    }

    private enum Ending: Sendable {
        case exited(Output)
        case timedOut
    }

    private static func collect(_ executable: String, _ arguments: [String], environment: [String: String]?,
                                stdin: Data?, merged: Bool, timeout: Duration) async throws -> Output {
        let started = try Spawn.start(executable, arguments, environment: environment,
                                      stdin: stdin == nil ? .null : .pipe, stdout: .pipe, stderr: merged ? .stdout : .pipe)
        let child = Child(started.pid)
        child.reapInBackground()
        let outputs = Latch<[Data]>()
        let exchange = Thread {
            outputs.set(Exchange.run(input: stdin ?? Data(), stdin: started.stdin,
                                     outputs: [started.stdout, started.stderr].compactMap { $0 }))
        }
        exchange.name = "pipes of \(started.pid)"
        exchange.start()

        // Whichever comes first decides: the exit with all the output, or the timeout. A descendant still holding the
        // output pipe open after the child's exit ends in the timeout too.
        let ending = Latch<Ending>()
        Task {
            let status = await child.status()
            let data = await outputs.value().map { String(decoding: $0, as: UTF8.self) }
            ending.set(.exited(Output(status: status, stdout: data[0], stderr: data.count > 1 ? data[1] : "")))
        }
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            ending.set(.timedOut)
        }
        defer { watchdog.cancel() }
        guard case .exited(let output) = await ending.value() else {
            // Killed and reaped before the failure is reported.
            child.signal(SIGKILL)
            _ = await child.status()
            throw Failure(description: "\(executable) \(arguments.joined(separator: " ")) did not end within \(timeout)")
        }
        return output
    }
}
