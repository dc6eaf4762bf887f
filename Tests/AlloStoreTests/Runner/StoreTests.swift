import Foundation
import Synchronization
import Testing
import AlloKit
import AlloStore

/// The store's loop with a scripted `perform`: reduce, run effects, feed answers back, tick, stop.
@MainActor
@Suite("Store")
struct StoreTests {
    nonisolated static let t0 = Date(timeIntervalSince1970: 1_795_000_000)
    nonisolated static let reading = RateLimitInfo(limit: 20, remaining: 19, observedAt: t0)

    /// Records the effects performed and answers each with `answer`.
    final class Script: Sendable {
        let performed = Mutex<[Effect]>([])
        let answer: @Sendable (Effect) async -> [Action]

        init(_ answer: @escaping @Sendable (Effect) async -> [Action] = { _ in [] }) { self.answer = answer }

        func perform(_ effect: Effect) async -> [Action] {
            performed.withLock { $0.append(effect) }
            return await answer(effect)
        }
    }

    @Test("onChange is called when an action changed the state, and only then")
    func changesOnly() {
        let store = Store(perform: { _ in [] })
        var changes = 0
        store.onChange = { _ in changes += 1 }
        store.send(.rateLimitObserved(Self.reading))
        #expect(changes == 1)
        store.send(.rateLimitObserved(Self.reading))
        store.send(.toastDismissed)
        #expect(changes == 1)
        #expect(store.state.status.rateLimit == Self.reading)
    }

    @Test("start sends started(now); its effects run and their answers come back through the reducer")
    func effectsAnswer() async throws {
        let script = Script { _ in [.rateLimitObserved(Self.reading)] }
        let store = Store(clock: StepClock(), now: { Self.t0 }, perform: script.perform)
        let watcher = StoreWatcher(store)
        store.start()
        #expect(store.state.status.now == Self.t0)
        try await watcher.until("the answers") { $0.status.rateLimit == Self.reading }
        #expect(Set(script.performed.withLock { $0 }.map { "\($0)" }).isSuperset(of: ["loadSession", "loadDrafts"]))
        await store.stop()
    }

    @Test("The timer sends tick(now) each second of the injected clock")
    func ticks() async throws {
        let clock = StepClock()
        let seconds = Mutex(0.0)
        let store = Store(clock: clock, now: { Self.t0.addingTimeInterval(seconds.withLock { $0 }) }, perform: { _ in [] })
        let watcher = StoreWatcher(store)
        store.start()
        for second in 1...3 {
            await clock.sleeperArrived()
            seconds.withLock { $0 = Double(second) }
            clock.advance(by: .seconds(1))
            try await watcher.until("tick \(second)") { $0.status.now == Self.t0.addingTimeInterval(Double(second)) }
        }
        await store.stop()
    }

    @Test("stop saves the drafts before returning, cancels what is in flight and ignores anything sent later")
    func stop() async throws {
        let key = ConversationKey(alloNumber: "+14155550100", contactNumber: "+14155551234")
        var state = AppState()
        state.compose.drafts = [key: "call me back"]
        let release = AsyncStream.makeStream(of: Void.self)
        let script = Script { effect in
            if effect == .loadSession { for await _ in release.stream { break } }
            return effect == .loadSession ? [.rateLimitObserved(Self.reading)] : []
        }
        let store = Store(state: state, clock: StepClock(), now: { Self.t0 }, perform: script.perform)
        store.send(.started(Self.t0))
        #expect(store.effectsInFlight == 3)
        await store.stop()
        #expect(script.performed.withLock { $0 }.contains(.saveDrafts(Revision(1, [DraftRecord(key: key, text: "call me back")]))))
        #expect(store.effectsInFlight == 0)
        release.continuation.yield()
        store.send(.rateLimitObserved(Self.reading))
        #expect(store.state.status.rateLimit == nil)
    }
}
