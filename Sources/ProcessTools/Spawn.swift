import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one place a child process starts: `posix_spawn` with the descriptors and signal state every caller needs.
///
/// The child gets descriptors 0, 1 and 2 as asked and no other (every descriptor from 3 up is closed, so a pipe or
/// socket of the parent never keeps a reader waiting for an end that does not come). It starts with no signal blocked
/// and every handler at its default: the calling thread (a dispatch worker) blocks most signals, and a tmux server
/// inheriting that mask ignored kill-server's SIGHUPs.
enum Spawn {
    /// What one of the child's descriptors 0, 1 and 2 is.
    enum Stream {
        /// /dev/null.
        case null
        /// The parent's own descriptor of that number (the terminal, for an editor).
        case inherited
        /// A new pipe; the parent's end is in `Started`.
        case pipe
        /// For stderr: the same pipe or file as stdout.
        case stdout
    }

    /// A started child and the parent's ends of its pipes (nil where the stream was not `.pipe`), which the caller
    /// closes.
    struct Started: Sendable {
        var pid: pid_t
        var stdin: Int32?
        var stdout: Int32?
        var stderr: Int32?
    }

    /// Starts `executable` (a path; `PATH` is not searched) with `arguments` and `environment` (the parent's when nil).
    static func start(_ executable: String, _ arguments: [String], environment: [String: String]?,
                      stdin: Stream, stdout: Stream, stderr: Stream) throws -> Started {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var parentEnds: [Int32?] = [nil, nil, nil]
        var childEnds: [Int32] = []
        defer { childEnds.forEach { close($0) } }
        do {
            for (target, stream) in [(Int32(0), stdin), (1, stdout), (2, stderr)] {
                switch stream {
                case .null:
                    posix_spawn_file_actions_addopen(&actions, target, "/dev/null", target == 0 ? O_RDONLY : O_WRONLY, 0)
                case .inherited:
                    break
                case .pipe:
                    let ends = try makePipe()
                    parentEnds[Int(target)] = target == 0 ? ends.write : ends.read
                    childEnds.append(target == 0 ? ends.read : ends.write)
                    posix_spawn_file_actions_adddup2(&actions, childEnds.last!, target)
                case .stdout:
                    posix_spawn_file_actions_adddup2(&actions, 1, target)
                }
            }
            if let closeFrom = addCloseFrom {
                _ = closeFrom(&actions, 3)
            } else {
                for descriptor in openDescriptors() where descriptor > 2 { posix_spawn_file_actions_addclose(&actions, descriptor) }
            }
            let pid = try spawn(executable, arguments, environment: environment, actions: &actions)
            return Started(pid: pid, stdin: parentEnds[0], stdout: parentEnds[1], stderr: parentEnds[2])
        } catch {
            parentEnds.compactMap { $0 }.forEach { close($0) }
            throw error
        }
    }

    private static func spawn(_ executable: String, _ arguments: [String], environment: [String: String]?,
                              actions: inout posix_spawn_file_actions_t) throws -> pid_t {
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

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let variables = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            variables.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, variables)
        guard spawned == 0 else {
            throw Tool.Failure(description: "cannot run \(executable): \(String(cString: strerror(spawned)))")
        }
        return pid
    }

    /// A pipe whose ends close on exec and are above 2, so a `dup2` onto 0, 1 or 2 never clobbers one of them.
    /// (The Glibc module has no `pipe2`; a child spawned meanwhile by another thread closes them anyway: see above.)
    private static func makePipe() throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw Tool.Failure(description: "pipe: errno \(errno)") }
        for index in ends.indices {
            let moved = fcntl(ends[index], F_DUPFD_CLOEXEC, 3)
            close(ends[index])
            ends[index] = moved
        }
        guard ends.allSatisfy({ $0 >= 0 }) else {
            ends.filter { $0 >= 0 }.forEach { close($0) }
            throw Tool.Failure(description: "pipe: no descriptor above 2")
        }
        return (ends[0], ends[1])
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
