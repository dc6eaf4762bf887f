import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Turns SIGINT and SIGTERM into an awaitable event, so the sandbox can save its state before it exits.
///
/// A plain handler writing to a pipe, not a dispatch signal source: on Linux libdispatch blocks the signal only in its
/// own thread and needs it ignored elsewhere, and the kernel drops an ignored signal sent to the process whenever the
/// main thread does not block it; one `kill` in about seven was lost that way.
/// `@unchecked Sendable`: the stored properties are set once in `init` and never mutated; dispatch sources are
/// thread-safe objects.
final class ShutdownSignals: @unchecked Sendable {
    private let stream: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation
    private let reader: any DispatchSourceRead

    init() {
        let (stream, continuation) = AsyncStream<Void>.makeStream()
        self.stream = stream
        self.continuation = continuation

        var ends: [Int32] = [-1, -1]
        precondition(pipe(&ends) == 0, "pipe failed: errno \(errno)")
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, O_NONBLOCK)
        }
        signalPipeWriteEnd = ends[1]
        let readEnd = ends[0]
        reader = DispatchSource.makeReadSource(fileDescriptor: readEnd, queue: .global())
        reader.setEventHandler {
            var drained = [UInt8](repeating: 0, count: 16)
            while read(readEnd, &drained, drained.count) > 0 {}
            continuation.yield()
        }
        reader.resume()

        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            let saved = errno
            var byte: UInt8 = 1
            _ = write(signalPipeWriteEnd, &byte, 1)
            errno = saved
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        for number in [SIGINT, SIGTERM] { sigaction(number, &action, nil) }
    }

    /// Ends `wait()` as a signal would, for when there is another reason to stop.
    func trigger() { continuation.yield() }

    func wait() async {
        for await _ in stream { return }
    }
}

/// Where the signal handler writes; set before the handler is installed, read only by it. A handler can capture
/// nothing, so this one global it is.
nonisolated(unsafe) private var signalPipeWriteEnd: Int32 = -1
