import Synchronization
import AlloSandbox

/// A `Clock` for the client's retry backoff that never really sleeps: each sleep moves the sandbox's manual clock
/// forward by the same amount (so rate-limit windows reset) and is recorded for the test to check.
final class SandboxSleeper: Clock, Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private let sandboxClock: ManualClock?
    private let state = Mutex<(now: Duration, sleeps: [Duration])>((.zero, []))

    init(_ sandboxClock: ManualClock? = nil) { self.sandboxClock = sandboxClock }

    var now: Instant { Instant(offset: state.withLock { $0.now }) }
    var minimumResolution: Duration { .nanoseconds(1) }

    /// Every sleep asked for so far, in order.
    var sleeps: [Duration] { state.withLock { $0.sleeps } }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try Task.checkCancellation()
        let duration = state.withLock { state in
            let duration = max(.zero, deadline.offset - state.now)
            state.now = max(state.now, deadline.offset)
            state.sleeps.append(duration)
            return duration
        }
        let (seconds, attoseconds) = duration.components
        sandboxClock?.advance(by: Double(seconds) + Double(attoseconds) / 1e18)
    }
}
