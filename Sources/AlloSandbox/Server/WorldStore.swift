import Foundation
import Synchronization

/// Owns the world behind one lock. Every API call runs its handler inside `perform`, so a request sees and
/// changes a consistent world, idempotency replays are atomic, and the state file follows every change.
final class WorldStore: Sendable {
    private struct IdempotentResponse {
        var method: String
        var path: String
        var body: [UInt8]
        var reply: Reply
        var storedAt: Double
    }

    private struct Box {
        var world: World
        var idempotency: [String: IdempotentResponse] = [:]
        var savedRevision = 0
        var activityRNG: SeededRandom
    }

    private let box: Mutex<Box>
    private let stateFile: StateFile?

    init(world: World, stateFile: StateFile?) {
        box = Mutex(Box(world: world, activityRNG: SeededRandom(seed: world.settings.seed, index: -4, stream: 9)))
        self.stateFile = stateFile
    }

    /// Runs a handler. A v2 write with an `Idempotency-Key` replays its first 2xx reply for an hour; the same key on
    /// another endpoint (§1), or with another body (as Stripe does), is a 409.
    func perform(_ route: Route, _ request: APIRequest, idempotencyKey: String?) -> (Result<Reply, APIError>, [WebhookDelivery]) {
        box.withLock { box in
            let slot = idempotencyKey.map { request.key.id + "\u{0}" + $0 }
            let body = request.body?.serialized() ?? []
            if let slot, let stored = box.idempotency[slot], request.now - stored.storedAt < 3600 {
                guard stored.method == request.method, stored.path == request.path else {
                    return (.failure(APIError(409, "IDEMPOTENCY_KEY_REUSE",
                                              "This Idempotency-Key was used for \(stored.method) \(stored.path).", param: "Idempotency-Key")), [])
                }
                guard stored.body == body else {
                    return (.failure(APIError(409, "IDEMPOTENCY_KEY_REUSE",
                                              "This Idempotency-Key was used with a different body.", param: "Idempotency-Key")), [])
                }
                var reply = stored.reply
                reply.headers.append(("Idempotency-Replayed", "true"))
                return (.success(reply), [])
            }
            let result: Result<Reply, APIError>
            do throws(APIError) {
                result = .success(try route.handler(request, &box.world))
            } catch {
                result = .failure(error)
            }
            if let slot, case .success(let reply) = result {
                box.idempotency[slot] = IdempotentResponse(method: request.method, path: request.path, body: body, reply: reply,
                                                           storedAt: request.now)
                if box.idempotency.count > 10_000 { box.idempotency = box.idempotency.filter { request.now - $0.value.storedAt < 3600 } }
            }
            let deliveries = box.world.outbox
            box.world.outbox.removeAll()
            saveIfChanged(&box)
            return (result, deliveries)
        }
    }

    /// Reads or changes the world outside an API call (control API, live activity).
    func withWorld<T>(_ body: (inout World) throws -> T) rethrows -> (T, [WebhookDelivery]) {
        try box.withLock { box in
            let value = try body(&box.world)
            let deliveries = box.world.outbox
            box.world.outbox.removeAll()
            saveIfChanged(&box)
            return (value, deliveries)
        }
    }

    /// One simulated inbound call or SMS (live activity and `/_sandbox/activity`).
    func simulateInbound(_ request: InboundRequest, now: Double) throws(APIError) -> (JSON, [WebhookDelivery]) {
        try box.withLock { box throws(APIError) in
            let json = try box.world.simulateInbound(request, now: now, rng: &box.activityRNG)
            let deliveries = box.world.outbox
            box.world.outbox.removeAll()
            saveIfChanged(&box)
            return (json, deliveries)
        }
    }

    /// Back to the seeded world; the state file is rewritten to match.
    func reset(to world: World) {
        box.withLock { box in
            box = Box(world: world, activityRNG: SeededRandom(seed: world.settings.seed, index: -4, stream: 9))
            box.savedRevision = -1
            saveIfChanged(&box)
        }
    }

    func flush() {
        box.withLock { saveIfChanged(&$0) }
    }

    private func saveIfChanged(_ box: inout Box) {
        guard let stateFile, box.world.revision != box.savedRevision else { return }
        do {
            try stateFile.save(box.world.snapshot())
            box.savedRevision = box.world.revision
        } catch {
            // The world stays consistent in memory; the next change tries again.
            stateFile.report(error)
        }
    }
}
