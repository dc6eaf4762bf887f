import Foundation

/// What a resource method asks of the core: one API call, before auth, encoding and retries.
/// Resources build these; only `RequestSender` touches the network.
struct APIRequest: Sendable {
    enum Version: String, Sendable { case v1, v2 }

    /// How a request may be repeated (see `RetryDecision`).
    enum Safety: Sendable, Equatable {
        /// Reads, and writes whose repetition changes nothing (PUT, DELETE, v2 writes carrying an idempotency key).
        case idempotent
        /// May act twice if repeated (sending an SMS, creating a contact): retried only when it provably never arrived.
        case unsafe
    }

    var method: String
    var version: Version
    /// Path segments after `/vN/api`, not yet encoded.
    var path: [String]
    /// Query pairs in order; nil values are left out.
    var query: [(String, String?)] = []
    var body: Data?
    var safety: Safety
    /// v2 writes send an `Idempotency-Key` (contract §1).
    var sendsIdempotencyKey = false

    init(_ method: String, _ version: Version, _ path: [String], query: [(String, String?)] = [], body: Data? = nil,
         safety: Safety? = nil, idempotencyKey: Bool = false) {
        self.method = method
        self.version = version
        self.path = path
        self.query = query
        self.body = body
        self.sendsIdempotencyKey = idempotencyKey
        self.safety = safety ?? (method == "POST" && !idempotencyKey ? .unsafe : .idempotent)
    }

    /// `GET /v1/api/contact/{id}`-style text for messages and logs; never holds the key.
    var summary: String { "\(method) /\(version.rawValue)/api/\(path.joined(separator: "/"))" }

    /// The path and query as they go on the wire.
    var encodedPathAndQuery: String {
        var out = "/\(version.rawValue)/api"
        for segment in path { out += "/" + PercentEncoding.encode(segment) }
        let pairs = query.compactMap { name, value in value.map { PercentEncoding.encode(name) + "=" + PercentEncoding.encode($0) } }
        if !pairs.isEmpty { out += "?" + pairs.joined(separator: "&") }
        return out
    }
}

/// Overrides for one call: `try await allo.numbers.list(options: .init(timeout: .seconds(5)))`.
public struct RequestOptions: Sendable {
    /// The whole exchange (connect, send, wait, read the body) for each attempt.
    public var timeout: Duration?
    /// Replaces the client's `RetryPolicy` for this call; nil keeps the client's.
    public var retry: RetryPolicy?
    /// For v2 writes; by default each call makes a fresh one, kept across its retries.
    public var idempotencyKey: String?
    /// Extra headers for this call, over the client's; an `Authorization` here is overwritten.
    public var headers: [String: String]

    /// Builds overrides; a nil or empty field leaves the client's setting in place.
    public init(timeout: Duration? = nil, retry: RetryPolicy? = nil, idempotencyKey: String? = nil, headers: [String: String] = [:]) {
        self.timeout = timeout
        self.retry = retry
        self.idempotencyKey = idempotencyKey
        self.headers = headers
    }

    /// No overrides: the default of every `options:` parameter.
    public static let none = RequestOptions()
}
