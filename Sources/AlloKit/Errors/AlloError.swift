import Foundation

/// Every failure the SDK throws. Switch on the case; for API errors branch on `code`, which Withallo keeps stable.
public enum AlloError: Error, Sendable, CustomStringConvertible {
    /// The API answered with a non-2xx status.
    case http(HTTPFailure)
    /// The exchange did not finish within the timeout (reading the body included).
    case timeout(request: String, after: Duration)
    /// The calling task was cancelled.
    case cancelled
    /// The network failed below HTTP: refused, lost, unresolvable. `failure.cause` is the transport's own error.
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

    /// The rate-limit reading of an `.http` failure; on a 429, `retryAfter` or `quotaResetsIn` says how long to wait.
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
    /// One entry of v1 `details` or v2 `errors`: which field was wrong and why.
    public struct FieldError: Sendable, Equatable {
        /// The field or parameter at fault; v1 scope errors say `scope`, v1 quota errors the quota type (`DAILY`).
        public var field: String?
        /// The per-field code of v2 `errors[].code`; nil on v1.
        public var code: String?
        /// Human-readable text; on v1 it can hold `key=value` pairs (`required=CONTACTS_READ`,
        /// `limit=1000;type=DAILY;reset_in=3600`).
        public var message: String?

        /// Builds a field error, e.g. for tests.
        public init(field: String?, code: String? = nil, message: String?) {
            self.field = field
            self.code = code
            self.message = message
        }
    }

    /// The HTTP status. v1 answers a missing contact with 400 `CONTACT_NOT_FOUND`, not 404.
    public var status: Int
    /// `API_KEY_INVALID`, `RATE_LIMIT_EXCEEDED`, … nil when the body had none.
    public var code: String?
    /// v2 `type` (`permission_error`, …).
    public var type: String?
    /// The server's message (v2 `message`, else the first v1 `details[].message`; the start of the body when it is
    /// not JSON). For people, not for branching.
    public var message: String?
    /// v1 `details` or v2 `errors`, plus v2 `param` as a field of its own.
    public var details: [FieldError]
    /// The scopes the key lacks, for `API_KEY_INSUFFICIENT_SCOPE`.
    public var requiredScopes: [String]
    /// v2 `request_id` (`req_…`): quote it to Withallo support. nil on v1.
    public var requestID: String?
    /// v2 `retryable`; nil on v1.
    public var retryable: Bool?
    /// v2 `suggestion`: what to do next, in the server's words.
    public var suggestion: String?
    /// v2 `doc_url`: the error's page in the Withallo docs.
    public var docURL: String?
    /// Rate-limit headers plus the body's `retry_after_seconds` (v2) or `reset_in` (v1); nil when there were none.
    public var rateLimit: RateLimitInfo?
    /// `GET /v1/api/contacts`-style: what was asked.
    public var request: String

    /// Builds a failure by hand, e.g. for tests; the client makes them from error responses.
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
    /// The response's status, always 2xx: the call succeeded on the server (an SMS did go out), only its answer
    /// could not be read.
    public var status: Int
    /// `POST /v1/api/sms`-style: which call it was.
    public var request: String
    /// Why decoding failed, in the decoder's terms (missing key, wrong type, its coding path).
    public var reason: String
    /// The start of the body, at most `snippetLimit` characters, for logs and bug reports.
    public var snippet: String

    /// The most characters of the body kept in `snippet`.
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
