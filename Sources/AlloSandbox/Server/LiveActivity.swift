/// `--activity SECONDS`: a customer texts or calls about every that many seconds (±30 %), so inboxes move on their own.
struct LiveActivity {
    let core: SandboxCore
    let interval: Double

    func run() async {
        var rng = SeededRandom(seed: core.settings.seed, index: -5, stream: 13)
        while !Task.isCancelled {
            let wait = max(0.05, interval * Double.random(in: 0.7...1.3, using: &rng))
            do { try await Task.sleep(for: .milliseconds(Int64(wait * 1000))) } catch { return }
            if let (_, deliveries) = try? core.store.simulateInbound(InboundRequest(), now: core.clock.now()) {
                core.dispatcher.dispatch(deliveries)
            }
        }
    }
}
