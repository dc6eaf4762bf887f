import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A long-running child started by `Tool.start`: its stdout line by line as it comes, signals, and its exit status.
///
/// Its stdin and stderr are /dev/null. A thread of its own reads stdout, another reaps it when it exits, so neither
/// `lines` nor `wait()` holds a thread of the cooperative pool.
public final class ChildProcess: Sendable {
    public let pid: Int32
    /// The child's stdout, one line at a time without its newline, as each arrives; ends when the child's stdout closes
    /// (a last line without a newline comes then).
    public let lines: AsyncStream<String>
    private let child: Child

    fileprivate init(_ started: Spawn.Started) {
        pid = started.pid
        child = Child(started.pid)
        let (lines, continuation) = AsyncStream<String>.makeStream()
        self.lines = lines
        if let output = started.stdout {
            let reader = Thread { Self.readLines(output, into: continuation) }
            reader.name = "lines of \(started.pid)"
            reader.start()
        } else {
            continuation.finish()
        }
        child.reapInBackground()
    }

    /// Sends `number` (SIGTERM, SIGKILL…) to the child; does nothing once it has exited and been reaped.
    public func signal(_ number: Int32) {
        child.signal(number)
    }

    /// Waits for the child to exit and returns its exit status, or 128 + the signal that killed it.
    public func wait() async -> Int32 {
        await child.status()
    }

    private static func readLines(_ descriptor: Int32, into continuation: AsyncStream<String>.Continuation) {
        var pending = Data()
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            pending.append(contentsOf: buffer[0..<count])
            while let newline = pending.firstIndex(of: 0x0A) {
                continuation.yield(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                pending.removeSubrange(pending.startIndex...newline)
            }
        }
        close(descriptor)
        if !pending.isEmpty { continuation.yield(String(decoding: pending, as: UTF8.self)) }
        continuation.finish()
    }
}

extension Tool {
    /// Starts `executable` as a long-running child whose stdout arrives as `lines`; its environment is `environment`,
    /// else this process's. Send it `signal(_:)` and `wait()` for its exit.
    public static func start(_ executable: String, _ arguments: [String],
                             environment: [String: String]? = nil) throws -> ChildProcess {
        ChildProcess(try Spawn.start(executable, arguments, environment: environment,
                                     stdin: .null, stdout: .pipe, stderr: .null))
    }
}
