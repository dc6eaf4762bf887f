import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Turns SIGINT and SIGTERM into an awaitable event, so the sandbox can save its state before it exits.
/// `@unchecked Sendable`: the stored properties are set once in `init` and never mutated; dispatch sources are
/// thread-safe objects.
final class ShutdownSignals: @unchecked Sendable {
    private let stream: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation
    private let sources: [any DispatchSourceSignal]

    init() {
        let (stream, continuation) = AsyncStream<Void>.makeStream()
        self.stream = stream
        self.continuation = continuation
        sources = [SIGINT, SIGTERM].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield() }
            source.resume()
            // After the source is live: between the two, a signal still ends the process instead of vanishing.
            signal(number, SIG_IGN)
            return source
        }
    }

    /// Ends `wait()` as a signal would, for when there is another reason to stop.
    func trigger() { continuation.yield() }

    func wait() async {
        for await _ in stream { return }
    }
}
