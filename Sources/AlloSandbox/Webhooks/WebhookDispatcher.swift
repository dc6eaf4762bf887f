import Crypto
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization

/// Delivers webhook messages: v1 `{topic, data}` unsigned, v2 signed as Standard Webhooks (§8.5), retried on failure
/// along the contract's schedule (§8.4) multiplied by `retryScale` (0 retries at once, for tests).
final class WebhookDispatcher: Sendable {
    struct Attempt: Sendable {
        var messageID: String
        var webhookID: String
        var url: String
        var topic: String
        var attempt: Int
        var time: Double
        var status: Int?
        var error: String?
        var delivered: Bool
    }

    /// immediate, +5 s, +5 min, +30 min, +2 h, +5 h, +10 h, +10 h: eight attempts over about 27.5 hours.
    static let schedule: [Double] = [0, 5, 300, 1800, 7200, 18_000, 36_000, 36_000]

    private let session: URLSession
    private let allowRemote: Bool
    private let clock: any SandboxClock
    private let state: Mutex<(attempts: [Attempt], retryScale: Double, tasks: [UUID: Task<Void, Never>])>

    init(allowRemote: Bool, retryScale: Double, clock: any SandboxClock) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 20
        configuration.timeoutIntervalForResource = 30
        configuration.httpMaximumConnectionsPerHost = 4
        session = URLSession(configuration: configuration)
        self.allowRemote = allowRemote
        self.clock = clock
        state = Mutex(([], retryScale, [:]))
    }

    var attempts: [Attempt] { state.withLock { $0.attempts } }

    var retryScale: Double {
        get { state.withLock { $0.retryScale } }
    }

    func setRetryScale(_ scale: Double) { state.withLock { $0.retryScale = scale } }

    func dispatch(_ deliveries: [WebhookDelivery]) {
        for delivery in deliveries {
            guard let url = URL(string: delivery.url), let host = url.host else { continue }
            guard allowRemote || WebhookURL.isLoopback(host) else {
                log(Attempt(messageID: delivery.messageID, webhookID: delivery.webhookID, url: delivery.url, topic: delivery.topic,
                            attempt: 0, time: clock.now(), status: nil,
                            error: "not delivered: \(host) is not loopback; start the sandbox with --allow-remote-webhooks",
                            delivered: false))
                continue
            }
            let id = UUID()
            let task = Task { [self] in
                await deliver(delivery, to: url)
                _ = state.withLock { $0.tasks.removeValue(forKey: id) }
            }
            state.withLock { $0.tasks[id] = task }
        }
    }

    /// Waits until every delivery dispatched so far has succeeded or run out of attempts.
    func drain() async {
        let pending = state.withLock { Array($0.tasks.values) }
        for task in pending { await task.value }
    }

    /// Stops pending retries (shutdown).
    func cancelAll() {
        let tasks = state.withLock { state in
            defer { state.tasks.removeAll() }
            return Array(state.tasks.values)
        }
        tasks.forEach { $0.cancel() }
        session.invalidateAndCancel()
    }

    func clearLog() { state.withLock { $0.attempts.removeAll() } }

    private func deliver(_ delivery: WebhookDelivery, to url: URL) async {
        for (index, delay) in Self.schedule.enumerated() {
            let wait = delay * retryScale
            if wait > 0 {
                do { try await Task.sleep(for: .milliseconds(Int64(wait * 1000))) } catch { return }
            }
            if Task.isCancelled { return }
            let attempt = await post(delivery, to: url, attempt: index + 1)
            log(attempt)
            if attempt.delivered { return }
        }
    }

    private func post(_ delivery: WebhookDelivery, to url: URL, attempt: Int) async -> Attempt {
        let now = clock.now()
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = Data(delivery.body)
        request.timeoutInterval = delivery.version == .v2 ? 20 : 30
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("allo-sandbox-webhooks/1", forHTTPHeaderField: "User-Agent")
        if delivery.version == .v2, let secret = delivery.secret {
            let timestamp = String(Int64(now.rounded(.down)))
            request.setValue(delivery.messageID, forHTTPHeaderField: "webhook-id")
            request.setValue(timestamp, forHTTPHeaderField: "webhook-timestamp")
            request.setValue(Self.signature(secret: secret, id: delivery.messageID, timestamp: timestamp, body: delivery.body),
                             forHTTPHeaderField: "webhook-signature")
        }
        var result = Attempt(messageID: delivery.messageID, webhookID: delivery.webhookID, url: delivery.url, topic: delivery.topic,
                             attempt: attempt, time: now, status: nil, error: nil, delivered: false)
        do {
            let (_, response) = try await session.data(for: request)
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            result.status = status
            result.delivered = (200..<300).contains(status)
            if !result.delivered { result.error = "HTTP \(status)" }
        } catch {
            result.error = (error as? URLError).map { "\($0.code)" } ?? "\(error)"
        }
        return result
    }

    /// `v1,<base64 HMAC-SHA256(secret, "{id}.{timestamp}.{body}")>`; the key is the base64 after `whsec_`.
    static func signature(secret: String, id: String, timestamp: String, body: [UInt8]) -> String {
        let key = Data(base64Encoded: String(secret.dropFirst("whsec_".count))) ?? Data(secret.utf8)
        var signed = Data("\(id).\(timestamp).".utf8)
        signed.append(contentsOf: body)
        let mac = HMAC<SHA256>.authenticationCode(for: signed, using: SymmetricKey(data: key))
        return "v1," + Data(mac).base64EncodedString()
    }

    private func log(_ attempt: Attempt) {
        state.withLock { state in
            state.attempts.append(attempt)
            if state.attempts.count > 2000 { state.attempts.removeFirst(state.attempts.count - 2000) }
        }
    }
}

extension WebhookDispatcher.Attempt {
    var json: JSON {
        .object([
            ("message_id", .string(messageID)), ("webhook_id", .string(webhookID)), ("url", .string(url)),
            ("topic", .string(topic)), ("attempt", .int(attempt)), ("time", .string(Timestamp.v2Fractional(time))),
            ("status", .optional(status)), ("error", .optional(error)), ("delivered", .bool(delivered)),
        ])
    }
}
