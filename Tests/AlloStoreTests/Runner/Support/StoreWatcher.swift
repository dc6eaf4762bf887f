import Foundation
import Testing
import AlloStore

struct WaitTimedOut: Error, CustomStringConvertible {
    var what: String
    var description: String { "timed out waiting for \(what)" }
}

/// Awaits a store's state changes (through `onChange`) until a condition holds. The deadline is a bound that fails
/// the test instead of hanging it; the wait itself never polls or sleeps.
@MainActor
final class StoreWatcher {
    let store: Store
    private let changes: AsyncStream<Void>
    private let signal: AsyncStream<Void>.Continuation

    init(_ store: Store) {
        self.store = store
        (changes, signal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        store.onChange = { [signal] _ in signal.yield() }
    }

    /// Returns once `condition` holds for the store's state; fails the test after `timeout`.
    func until(_ what: String, timeout: Duration = .seconds(90), sourceLocation: SourceLocation = #_sourceLocation,
               _ condition: (AppState) -> Bool) async throws {
        if condition(store.state) { return }
        let start = ContinuousClock.now
        let watchdog = Task { [signal] in
            try? await Task.sleep(for: timeout)
            signal.yield()
        }
        defer { watchdog.cancel() }
        for await _ in changes {
            if condition(store.state) { return }
            if ContinuousClock.now - start >= timeout { break }
        }
        Issue.record("timed out waiting for \(what)", sourceLocation: sourceLocation)
        throw WaitTimedOut(what: what)
    }
}
