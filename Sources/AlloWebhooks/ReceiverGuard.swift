public import Foundation
import Synchronization

/// Hardening for v1 webhook receivers, which are not signed (contract §8.2): an unguessable path token compared in
/// constant time, an allow-list of your Allo numbers, a body size limit and a per-IP rate limit. Framework-agnostic:
/// hand it the path, the client address and the body, act on the decision.
public final class V1ReceiverGuard: Sendable {
    /// What the guard enforces; fixed once the guard is made.
    public struct Configuration: Sendable {
        /// The secret last path segment: `https://example.com/allo/<token>`. Make one with `V1ReceiverGuard.makeToken()`.
        public var pathToken: String
        /// Events about other numbers are refused. Empty allows all.
        public var allowedNumbers: Set<String>
        /// Larger bodies are refused with 413; 256 KiB by default.
        public var maxBodyBytes: Int
        /// Requests per minute per client address, with bursts up to the same number.
        public var requestsPerMinutePerIP: Int

        /// Defaults: bodies up to 256 KiB, 120 requests per minute per address.
        public init(pathToken: String, allowedNumbers: Set<String>, maxBodyBytes: Int = 256 * 1024, requestsPerMinutePerIP: Int = 120) {
            self.pathToken = pathToken
            self.allowedNumbers = allowedNumbers
            self.maxBodyBytes = maxBodyBytes
            self.requestsPerMinutePerIP = requestsPerMinutePerIP
        }
    }

    /// What to answer the delivery.
    public enum Decision: Sendable {
        /// Answer 200 (v1 wants it within 30 seconds, contract §8.2) and handle the event.
        case accept(WebhookEvent)
        /// Answer `status`; `reason` is for your logs, not for the caller.
        case reject(status: Int, reason: String)

        /// The HTTP status to answer: 200 for `.accept`, the rejection's otherwise.
        public var status: Int {
            switch self {
            case .accept: return 200
            case .reject(let status, _): return status
            }
        }
    }

    private let configuration: Configuration
    private let buckets = Mutex<[String: (tokens: Double, at: Date)]>([:])

    /// Makes a guard. One instance may serve concurrent requests: the rate buckets sit behind a `Mutex`.
    public init(_ configuration: Configuration) {
        self.configuration = configuration
    }

    /// 32 random bytes, base64url: 256 bits nobody guesses.
    public static func makeToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Checks, in order: the path token (404, so the URL's existence is not revealed), the body size (413), the
    /// caller's rate (429), the body (400), the Allo number (403).
    public func check(path: String, remoteAddress: String, body: Data, now: Date = Date()) -> Decision {
        let token = path.split(separator: "?", maxSplits: 1).first.map { $0.split(separator: "/").last.map(String.init) ?? "" } ?? ""
        guard Self.constantTimeEqual(token, configuration.pathToken) else { return .reject(status: 404, reason: "wrong path token") }
        guard body.count <= configuration.maxBodyBytes else {
            return .reject(status: 413, reason: "body of \(body.count) bytes is over \(configuration.maxBodyBytes)")
        }
        guard take(remoteAddress, now: now) else { return .reject(status: 429, reason: "\(remoteAddress) is over its rate") }
        let event: WebhookEvent
        do { event = try WebhookEvent.decode(body) } catch { return .reject(status: 400, reason: error.description) }
        let numbers = Self.alloNumbers(in: event)
        if !configuration.allowedNumbers.isEmpty, !numbers.isEmpty, configuration.allowedNumbers.isDisjoint(with: numbers) {
            return .reject(status: 403, reason: "event for \(numbers.sorted().joined(separator: ", ")), not an allowed number")
        }
        return .accept(event)
    }

    /// The numbers an event is about; contact events and pings have none and pass the allow-list.
    static func alloNumbers(in event: WebhookEvent) -> Set<String> {
        switch event.payload {
        case .callReceived(let call): return Set([call.fromNumber, call.to].compactMap { $0 })
        case .sms(let sms): return Set([sms.fromNumber, sms.toNumber, sms.alloNumber].compactMap { $0 })
        case .incomingCall(let call): return Set([call.toNumber].compactMap { $0 })
        case .call(let item): return Set([item.alloNumber].compactMap { $0 })
        case .ping, .contact, .other: return []
        }
    }

    private func take(_ address: String, now: Date) -> Bool {
        let capacity = Double(max(1, configuration.requestsPerMinutePerIP))
        return buckets.withLock { buckets in
            var bucket = buckets[address] ?? (capacity, now)
            bucket.tokens = min(capacity, bucket.tokens + max(0, now.timeIntervalSince(bucket.at)) * capacity / 60)
            bucket.at = now
            defer { buckets[address] = bucket }
            guard bucket.tokens >= 1 else { return false }
            bucket.tokens -= 1
            return true
        }
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for index in 0..<max(x.count, y.count) {
            difference |= (index < x.count ? x[index] : 0) ^ (index < y.count ? y[index] : 0)
        }
        return difference == 0 && !y.isEmpty
    }
}
