import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs short-lived programs (tmux commands) without blocking a thread of the cooperative pool (two on these machines).
///
/// Not `Foundation.Process`: it hands each child one end of a socket pair and learns of the exit when that end closes,
/// and a tmux client that starts a server passes the socket on to the daemon, so the exit was never seen. Here the
/// child gets only stdin (/dev/null) and one pipe for stdout and stderr, every other descriptor closed; a thread of its
/// own reads the pipe to its end and reaps the child. Shared by the end-to-end tests and allo-bench.
public enum Tool {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// The first executable `name` on `PATH` (or in the usual directories).
    public static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/bin"]
        return directories.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `executable` and returns its exit status (128 + signal when killed) and its output (stdout and stderr).
    /// A program still running after `timeout` is killed and reported as a failure, so a test fails rather than hangs.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                    timeout: Duration = .seconds(60)) async throws -> (status: Int32, output: String) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw Failure(description: "pipe: errno \(errno)") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
        posix_spawn_file_actions_adddup2(&actions, ends[1], 2)
        if let closeFrom = addCloseFrom {
            _ = closeFrom(&actions, 3)
        } else {
            for descriptor in openDescriptors() where descriptor > 2 { posix_spawn_file_actions_addclose(&actions, descriptor) }
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let variables = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            variables.forEach { free($0) }
        }
        // The child starts with no signal blocked and every handler at its default: the calling thread (a dispatch
        // worker) blocks most signals, and a tmux server inheriting that mask ignored kill-server's SIGHUPs.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, variables)
        close(ends[1])
        guard spawned == 0 else {
            close(ends[0])
            throw Failure(description: "cannot run \(executable): \(String(cString: strerror(spawned)))")
        }

        let readEnd = ends[0]
        let child = pid
        let (ended, continuation) = AsyncStream<(Int32, Data)>.makeStream()
        let reaper = Thread {
            var data = Data()
            var buffer = [UInt8](repeating: 0, count: 16_384)
            while true {
                let count = read(readEnd, &buffer, buffer.count)
                if count > 0 { data.append(contentsOf: buffer[0..<count]); continue }
                if count < 0, errno == EINTR { continue }
                break
            }
            close(readEnd)
            var status: Int32 = 0
            while waitpid(child, &status, 0) < 0, errno == EINTR {}
            let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            continuation.yield((code, data))
            continuation.finish()
        }
        reaper.start()
        let watchdog = Task {
            do { try await Task.sleep(for: timeout) } catch { return false }
            kill(child, SIGKILL)
            return true
        }
        var iterator = ended.makeAsyncIterator()
        let (status, data) = await iterator.next() ?? (-1, Data())
        watchdog.cancel()
        if await watchdog.value {
            throw Failure(description: "\(executable) \(arguments.joined(separator: " ")) did not end within \(timeout)")
        }
        return (status, String(decoding: data, as: UTF8.self))
    }

    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// glibc 2.34's `posix_spawn_file_actions_addclosefrom_np`, which the Glibc module does not import.
    private static let addCloseFrom: CloseFrom? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
            return nil
        }
        return unsafeBitCast(symbol, to: CloseFrom.self)
    }()

    private static func openDescriptors() -> [Int32] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap { Int32($0) }
    }
}
