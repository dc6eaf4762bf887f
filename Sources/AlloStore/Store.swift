public import Foundation

/// Owns the state on the main actor: reduces actions, runs the effects they return, and feeds their answers back.
///
/// Effects run concurrently, each in its own task, off the main actor; their actions come back through `send`. After
/// `stop()`, late answers are dropped. The renderer is told through `onChange`, only when the state really changed.
@MainActor
public final class Store {
    public private(set) var state: AppState
    /// Called after an action changed the state (never for an action that left it as it was).
    public var onChange: ((AppState) -> Void)?

    private let perform: @Sendable (Effect) async -> [Action]
    private let clock: any Clock<Duration>
    private let now: @Sendable () -> Date
    private var ticker: Task<Void, Never>?
    private var running: [Int: Task<Void, Never>] = [:]
    private var nextTaskID = 0
    private var stopped = false

    /// - Parameters:
    ///   - perform: runs an effect and returns its answers (`EffectRunner.run`, or a fake in tests).
    ///   - clock: what the tick timer sleeps on.
    ///   - now: the wall clock carried by `started` and `tick`.
    public init(state: AppState = AppState(), clock: any Clock<Duration> = ContinuousClock(),
                now: @escaping @Sendable () -> Date = { Date() }, perform: @escaping @Sendable (Effect) async -> [Action]) {
        self.state = state
        self.clock = clock
        self.now = now
        self.perform = perform
    }

    public convenience init(state: AppState = AppState(), runner: EffectRunner, clock: any Clock<Duration> = ContinuousClock()) {
        self.init(state: state, clock: clock, now: runner.now, perform: runner.run)
    }

    /// Effects started and not answered yet.
    public var effectsInFlight: Int { running.count }

    /// Reduces `action` and starts the effects it asks for. Ignored after `stop()`.
    public func send(_ action: Action) {
        guard !stopped else { return }
        for effect in apply(action) { launch(effect) }
    }

    /// Sends `started(now)` and starts the tick timer (about once a second).
    public func start() {
        send(.started(now()))
        ticker?.cancel()
        ticker = Task { [weak self, clock, now] in
            while !Task.isCancelled {
                do { try await clock.sleep(for: .seconds(1)) } catch { return }
                guard let self else { return }
                self.send(.tick(now()))
            }
        }
    }

    /// Sends `quitRequested`, waits for the drafts to be saved, then stops the timer and every effect in flight.
    /// Nothing is reduced afterwards.
    public func stop() async {
        ticker?.cancel()
        ticker = nil
        let effects = stopped ? [] : apply(.quitRequested)
        stopped = true
        for task in running.values { task.cancel() }
        running.removeAll()
        for effect in effects {
            if case .saveDrafts = effect { _ = await perform(effect) }
        }
    }

    private func apply(_ action: Action) -> [Effect] {
        let before = state
        let effects = reduce(into: &state, action: action)
        if state != before { onChange?(state) }
        return effects
    }

    private func launch(_ effect: Effect) {
        let id = nextTaskID
        nextTaskID += 1
        running[id] = Task { [perform] in
            let actions = await perform(effect)
            // A task cancelled by `stop()` finds itself no longer running: its answers are dropped.
            guard self.running.removeValue(forKey: id) != nil else { return }
            for action in actions { self.send(action) }
        }
    }
}
