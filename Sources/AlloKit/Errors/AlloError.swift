import Foundation

/// Every failure the SDK throws. Switch on the case; for API errors branch on `code`, which Withallo keeps stable.
public enum AlloError: Error, Sendable, CustomStringConvertible {
    /// The API answered with a non-2xx status.
    case http(HTTPFailure)
    /// The exchange did not finish within the timeout (reading the body included).
    case timeout(request: String, after: Duration)
    /// The calling task was cancelled.
    case cancelled
    /// The network failed below HTTP: refused, lost, unresolvable. `cause` is the transport's own error.
    case transport(request: String, failure: TransportFailure)
    /// The response could not be read as the expected JSON.
    case undecodable(UndecodableBody)
    /// Rejected before any request was made: a blank key, an invalid phone number, an SMS the API would refuse.
    case invalidArgument(String)

    /// The API's stable error code (`API_KEY_INSUFFICIENT_SCOPE`, `CONTACT_NOT_FOUND`, …) when there is one.
    public var code: String? {
        if case .http(let failure) = self { return failure.code }
        return nil
    }

    /// The HTTP status, for `.http` and `.undecodable`.
    public var status: Int? {
        switch self {
        case .http(let failure): return failure.status
        case .undecodable(let body): return body.status
        default: return nil
        }
    }

    public var rateLimit: RateLimitInfo? {
        if case .http(let failure) = self { return failure.rateLimit }
        return nil
    }

    public var description: String {
        switch self {
        case .http(let failure): return failure.description
        case .timeout(let request, let after):
            return "timeout: \(request) took longer than \(after.seconds.formatted(.number.precision(.fractionLength(0...3)))) s"
        case .cancelled: return "cancelled"
        case .transport(let request, let failure): return "network error: \(failure.message) (\(request))"
        case .undecodable(let body): return body.description
        case .invalidArgument(let message): return "invalid argument: \(message)"
        }
    }
}

/// A non-2xx answer, read from either error shape: v1 `{code, details}` (contract §3.1), v2 `{error: {…}}` (§3.2),
/// or the seed SDK's `{"error": "WEBHOOK_NOT_FOUND"}`.
public struct HTTPFailure: Sendable, Equatable, CustomStringConvertible {
    public struct FieldError: Sendable, Equatable {
        public var field: String?
        public var code: String?
        public var message: String?

        public init(field: String?, code: String? = nil, message: String?) {
            self.field = field
            self.code = code
            self.message = message
        }
    }

    public var status: Int
    /// `API_KEY_INVALID`, `RATE_LIMIT_EXCEEDED`, … nil when the body had none.
    public var code: String?
    /// v2 `type` (`permission_error`, …).
    public var type: String?
    public var message: String?
    /// v1 `details` or v2 `errors`, plus v2 `param` as a field of its own.
    public var details: [FieldError]
    /// The scopes the key lacks, for `API_KEY_INSUFFICIENT_SCOPE`.
    public var requiredScopes: [String]
    public var requestID: String?
    /// v2 `retryable`; nil on v1.
    public var retryable: Bool?
    public var suggestion: String?
    public var docURL: String?
    public var rateLimit: RateLimitInfo?
    /// `GET /v1/api/contacts`-style: what was asked.
    public var request: String

    public init(status: Int, code: String? = nil, type: String? = nil, message: String? = nil, details: [FieldError] = [],
                requiredScopes: [String] = [], requestID: String? = nil, retryable: Bool? = nil, suggestion: String? = nil,
                docURL: String? = nil, rateLimit: RateLimitInfo? = nil, request: String = "") {
        self.status = status
        self.code = code
        self.type = type
        self.message = message
        self.details = details
        self.requiredScopes = requiredScopes
        self.requestID = requestID
        self.retryable = retryable
        self.suggestion = suggestion
        self.docURL = docURL
        self.rateLimit = rateLimit
        self.request = request
    }

    public var description: String {
        var text = "\(code ?? "HTTP_ERROR") (HTTP \(status))"
        if let message, !message.isEmpty { text += ": \(message)" }
        if !requiredScopes.isEmpty { text += " [required scope: \(requiredScopes.joined(separator: ", "))]" }
        if let wait = rateLimit?.quotaResetsIn ?? rateLimit?.retryAfter {
            text += " [retry in \(Int(wait.seconds.rounded(.up))) s]"
        }
        if !request.isEmpty { text += " — \(request)" }
        if let requestID { text += " (request \(requestID))" }
        return text
    }
}

/// A body that was not the JSON the call expects. `snippet` is at most 512 characters of it.
public struct UndecodableBody: Sendable, CustomStringConvertible {
    public var status: Int
    public var request: String
    public var reason: String
    public var snippet: String

    public static let snippetLimit = 512

    init(status: Int, request: String, reason: String, body: Data) {
        self.status = status
        self.request = request
        self.reason = reason
        let text = String(decoding: body.prefix(Self.snippetLimit * 4), as: UTF8.self)
        snippet = String(text.prefix(Self.snippetLimit))
    }

    public var description: String {
        "undecodable response (HTTP \(status)) to \(request): \(reason); body starts: \(snippet.debugDescription)"
    }
}
