import Synchronization

/// One injected fault. Rules apply to `/v1` and `/v2` requests only, never to the control API.
/// A `before` fault answers without running the request, so the world is unchanged (a `before` latency only delays it).
/// An `after` fault lets the request run and keep its effects, then spoils the answer — the case a client must not
/// retry blindly. `when` defaults per kind to what each did before it could be chosen (`Kind.defaultWhen`).
public struct FaultRule: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case latency
        case status
        case rateLimit = "rate_limit"
        case malformedJSON = "malformed_json"
        case dropConnection = "drop_connection"
        case trickle

        /// `latency`, `status` and `rate_limit` act before the request runs; the others spoil the reply of one that ran.
        public var defaultWhen: When {
            switch self {
            case .latency, .status, .rateLimit: .before
            case .malformedJSON, .dropConnection, .trickle: .after
            }
        }
    }

    /// Whether the fault acts instead of running the request (`before`) or once it ran (`after`).
    public enum When: String, Sendable, Codable, CaseIterable {
        case before
        case after
    }

    public var kind: Kind
    public var when: When
    /// Chance that the rule fires for a matching request.
    public var probability: Double
    /// Fires this many more times, then disappears; nil for no limit.
    public var count: Int?
    public var pathPrefix: String?
    public var method: String?
    /// `latency`: added delay.
    public var latencyMs: Int?
    /// `status`: 500, 502 or 503; nil picks one of them each time.
    public var status: Int?
    /// `rate_limit`: the `Retry-After` seconds.
    public var retryAfter: Int?
    /// `trickle`: bytes per write and the pause between writes.
    public var bytesPerChunk: Int?
    public var intervalMs: Int?

    public init(kind: Kind, when: When? = nil, probability: Double = 1, count: Int? = nil, pathPrefix: String? = nil,
                method: String? = nil, latencyMs: Int? = nil, status: Int? = nil, retryAfter: Int? = nil,
                bytesPerChunk: Int? = nil, intervalMs: Int? = nil) {
        self.kind = kind
        self.when = when ?? kind.defaultWhen
        self.probability = probability
        self.count = count
        self.pathPrefix = pathPrefix
        self.method = method
        self.latencyMs = latencyMs
        self.status = status
        self.retryAfter = retryAfter
        self.bytesPerChunk = bytesPerChunk
        self.intervalMs = intervalMs
    }

    enum CodingKeys: String, CodingKey {
        case kind, when, probability, count, method, status
        case pathPrefix = "path_prefix", latencyMs = "latency_ms", retryAfter = "retry_after"
        case bytesPerChunk = "bytes_per_chunk", intervalMs = "interval_ms"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(Kind.self, forKey: .kind)
        // Decoded by hand so an unknown value gets a message naming the choices, not a DecodingError.
        if let raw = try c.decodeIfPresent(String.self, forKey: .when) {
            guard let when = When(rawValue: raw) else { throw FaultError("when must be before or after, not '\(raw.prefix(40))'") }
            self.when = when
        } else {
            when = kind.defaultWhen
        }
        probability = try c.decodeIfPresent(Double.self, forKey: .probability) ?? 1
        count = try c.decodeIfPresent(Int.self, forKey: .count)
        pathPrefix = try c.decodeIfPresent(String.self, forKey: .pathPrefix)
        method = try c.decodeIfPresent(String.self, forKey: .method)?.uppercased()
        latencyMs = try c.decodeIfPresent(Int.self, forKey: .latencyMs)
        status = try c.decodeIfPresent(Int.self, forKey: .status)
        retryAfter = try c.decodeIfPresent(Int.self, forKey: .retryAfter)
        bytesPerChunk = try c.decodeIfPresent(Int.self, forKey: .bytesPerChunk)
        intervalMs = try c.decodeIfPresent(Int.self, forKey: .intervalMs)
    }

    /// Rejects values that would hang or crash the sandbox rather than test a client.
    public func validated() throws(FaultError) -> FaultRule {
        guard (0...1).contains(probability) else { throw FaultError("probability must be between 0 and 1") }
        if let count, count < 1 { throw FaultError("count must be at least 1") }
        if let latencyMs, !(0...120_000).contains(latencyMs) { throw FaultError("latency_ms must be 0 to 120000") }
        if let status, !(500...599).contains(status) { throw FaultError("status must be a 5xx code") }
        if let retryAfter, !(0...3600).contains(retryAfter) { throw FaultError("retry_after must be 0 to 3600") }
        if let bytesPerChunk, !(1...65_536).contains(bytesPerChunk) { throw FaultError("bytes_per_chunk must be 1 to 65536") }
        if let intervalMs, !(0...10_000).contains(intervalMs) { throw FaultError("interval_ms must be 0 to 10000") }
        if kind == .latency, latencyMs == nil { throw FaultError("a latency fault needs latency_ms") }
        return self
    }

    func matches(method: String, path: String) -> Bool {
        (self.method == nil || self.method == method) && (pathPrefix == nil || path.hasPrefix(pathPrefix!))
    }
}

public struct FaultError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// The active fault rules, changed at start (flags) and at run time (`/_sandbox/faults`).
final class Faults: Sendable {
    private let state: Mutex<(rules: [FaultRule], rng: SeededRandom)>

    init(_ rules: [FaultRule], seed: UInt64) {
        state = Mutex((rules, SeededRandom(seed: seed, index: -3, stream: 5)))
    }

    var rules: [FaultRule] { state.withLock { $0.rules } }

    func replace(_ rules: [FaultRule]) { state.withLock { $0.rules = rules } }

    func append(_ rule: FaultRule) { state.withLock { $0.rules.append(rule) } }

    /// The rules that fire for this request, each used up by one when it has a count.
    func draw(method: String, path: String) -> [FaultRule] {
        state.withLock { state in
            var fired: [FaultRule] = []
            for index in state.rules.indices.reversed() {
                var rule = state.rules[index]
                guard rule.matches(method: method, path: path), state.rng.chance(rule.probability) else { continue }
                if rule.kind == .status, rule.status == nil { rule.status = state.rng.pick([500, 502, 503]) }
                fired.insert(rule, at: 0)
                if let count = state.rules[index].count {
                    if count <= 1 { state.rules.remove(at: index) } else { state.rules[index].count = count - 1 }
                }
            }
            return fired
        }
    }
}
