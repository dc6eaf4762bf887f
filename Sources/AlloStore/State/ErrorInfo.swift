public import AlloKit

/// An SDK error as the interface shows it: kind, the API's stable code, a message and what to do about it.
/// A value (AlloError itself is not `Equatable`), so states and effects holding one compare.
public struct ErrorInfo: Equatable, Sendable, Error, Codable {
    public enum Kind: Equatable, Sendable, Codable {
        /// The API answered with this status.
        case http(status: Int)
        /// No answer within the timeout; the request may or may not have been processed.
        case timeout
        /// The request was cancelled by the app.
        case cancelled
        /// The network failed below HTTP (refused, unreachable, dropped): the app is offline or the server is down.
        case network
        /// The API answered something that could not be read.
        case undecodable
        /// Refused before any request (a local check).
        case invalid
    }

    public var kind: Kind
    /// The API's stable code (`API_KEY_INSUFFICIENT_SCOPE`, `RATE_LIMIT_EXCEEDED`, …) when it gave one.
    public var code: String?
    public var message: String
    /// What the user can do, in a few words ("this key needs CONTACTS_READ", "retry in 30 s").
    public var hint: String?
    /// Scopes the key lacks, from a 403.
    public var requiredScopes: [String]
    /// How long the API asked to wait, from a 429.
    public var retryAfter: Duration?
    /// Whether the server may have acted on the request although it failed, as AlloKit decides it
    /// (`AlloError.serverEffect`: a 5xx, a timeout, a connection lost after sending, an unreadable 2xx). An SMS that
    /// failed so is "unknown" until the server is checked, never "not sent".
    public var mayHaveBeenDone: Bool

    public init(kind: Kind, code: String? = nil, message: String, hint: String? = nil, requiredScopes: [String] = [],
                retryAfter: Duration? = nil, mayHaveBeenDone: Bool = false) {
        self.kind = kind
        self.code = code
        self.message = message
        self.hint = hint
        self.requiredScopes = requiredScopes
        self.retryAfter = retryAfter
        self.mayHaveBeenDone = mayHaveBeenDone
    }

    public init(_ error: AlloError) {
        self.init(describing: error)
        mayHaveBeenDone = error.mayHaveBeenDone
    }

    private init(describing error: AlloError) {
        switch error {
        case .http(let failure):
            let retryAfter = failure.rateLimit?.retryAfter ?? failure.rateLimit?.quotaResetsIn
            self.init(kind: .http(status: failure.status), code: failure.code,
                      message: failure.message ?? "HTTP \(failure.status)",
                      hint: Self.hint(status: failure.status, code: failure.code, scopes: failure.requiredScopes,
                                      retryAfter: retryAfter),
                      requiredScopes: failure.requiredScopes, retryAfter: retryAfter)
        case .timeout(_, let after):
            self.init(kind: .timeout, message: "no answer within \(after)", hint: "check the connection")
        case .cancelled:
            self.init(kind: .cancelled, message: "cancelled")
        case .transport(_, let failure):
            self.init(kind: .network, message: failure.message, hint: "offline? allo retries on its own")
        case .undecodable(let body):
            self.init(kind: .undecodable, message: body.description, hint: "the API answered something unexpected")
        case .invalidArgument(let message):
            self.init(kind: .invalid, message: message)
        }
    }

    static func hint(status: Int, code: String?, scopes: [String], retryAfter: Duration?) -> String? {
        if !scopes.isEmpty { return "this key needs \(scopes.joined(separator: ", ")); add it in Settings > API" }
        switch status {
        case 401: return "the API key was refused; check it in Settings > API"
        case 429:
            if let retryAfter { return "rate limited: retry in \(Int(retryAfter.components.seconds.clamped(min: 1))) s" }
            return "rate limited: retry shortly"
        case 500...: return "server error; try again"
        default: return nil
        }
    }

    /// Whether the failure means the app cannot reach the API at all.
    public var isOffline: Bool { kind == .network }
}

extension Int64 {
    func clamped(min lower: Int64) -> Int64 { Swift.max(self, lower) }
}
