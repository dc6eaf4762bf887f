/// Which conventions a path follows (§0): v1 flat errors and 0-based pages, v2 nested errors and 1-based pages.
enum APIVersion: String, Sendable {
    case v1, v2, control

    init(path: String) {
        if path.hasPrefix("/v1/") { self = .v1 } else if path.hasPrefix("/_sandbox") { self = .control } else { self = .v2 }
    }
}

/// An error reply, rendered in the shape of the path's version: v1 `{code, details}` (§3.1), v2 `{error: {…}}` (§3.2).
struct APIError: Error, Sendable {
    var status: Int
    var code: String
    var message: String
    /// v1 `details[0].field`, v2 `param`.
    var param: String?
    /// Replaces the v1 `details` array when the contract fixes its content (scope and quota errors).
    var v1Details: [(message: String, field: String)]?
    /// v1 `details: null` (API_KEY_INVALID).
    var v1NullDetails = false
    var suggestion: String?
    var retryAfter: Int?
    var headers: [(String, String)] = []
    /// The v1 code when it differs from the v2 one (v1 has a single 401 code, API_KEY_INVALID).
    var v1Code: String?
    /// A body that follows neither convention, e.g. the seed SDK's `{"error":"WEBHOOK_NOT_FOUND"}`.
    var rawBody: JSON?

    init(_ status: Int, _ code: String, _ message: String, param: String? = nil, suggestion: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.param = param
        self.suggestion = suggestion
    }

    var type: String {
        switch status {
        case 401: return "authentication_error"
        case 402: return "billing_error"
        case 403: return "permission_error"
        case 404: return "not_found_error"
        case 409: return "conflict_error"
        case 429: return "rate_limit_error"
        case 500...: return "server_error"
        default: return "validation_error"
        }
    }

    var retryable: Bool { status == 429 || status >= 500 || code == "DIALING_QUEUE_APPEND_CONFLICT" }

    func body(version: APIVersion, requestID: String) -> JSON {
        if let rawBody { return rawBody }
        switch version {
        case .v1:
            let details: JSON
            if v1NullDetails {
                details = .null
            } else if let v1Details {
                details = .array(v1Details.map { .object([("message", .string($0.message)), ("field", .string($0.field))]) })
            } else {
                details = .array([.object([("message", .string(message)), ("field", param.map(JSON.string) ?? .null)])])
            }
            return .object([("code", .string(v1Code ?? code)), ("details", details)])
        case .v2, .control:
            var error: [(String, JSON)] = [
                ("type", .string(type)), ("code", .string(code)), ("message", .string(message)),
                ("retryable", .bool(retryable)), ("request_id", .string(requestID)),
                ("doc_url", .string("https://help.withallo.com/en/v2/api-reference/guides/error-handling#\(code)")),
            ]
            if let param { error.append(("param", .string(param))) }
            if let suggestion { error.append(("suggestion", .string(suggestion))) }
            if let retryAfter { error.append(("retry_after_seconds", .int(retryAfter))) }
            return .object([("error", .object(error))])
        }
    }
}

extension APIError {
    static func invalidBody(_ message: String, field: String? = nil) -> APIError {
        APIError(400, "INVALID_REQUEST_BODY", message, param: field)
    }

    static func missing(_ name: String) -> APIError {
        APIError(400, "MISSING_PARAMETER", "The '\(name)' parameter is required.", param: name)
    }

    static func invalidParameter(_ name: String, _ message: String) -> APIError {
        APIError(400, "INVALID_PARAMETER", message, param: name)
    }

    /// `value` when it is one of `allowed`, else 400 INVALID_PARAMETER listing them.
    static func checkOneOf(_ value: String, _ allowed: [String], param: String) throws(APIError) -> String {
        guard allowed.contains(value) else {
            throw .invalidParameter(param, "'\(param)' must be one of \(allowed.joined(separator: ", ")); got '\(value.prefix(40))'.")
        }
        return value
    }

    static func insufficientScope(_ scope: Scope) -> APIError {
        var error = APIError(403, "API_KEY_INSUFFICIENT_SCOPE", "This API key lacks the \(scope.rawValue) scope.", param: "scope",
                             suggestion: "Create a key with the \(scope.rawValue) scope in Settings > API.")
        error.v1Details = [("required=\(scope.rawValue)", "scope")]
        return error
    }

    /// `+` in a query decodes as a space (§1): say so when a phone number arrives with one.
    static func invalidPhone(_ name: String, _ value: String, code: String = "INVALID_PHONE_FORMAT") -> APIError {
        let hint = value.hasPrefix(" ") ? " A leading '+' must be sent as %2B; a bare '+' in a query string means a space." : ""
        return APIError(400, code, "'\(value)' is not an E.164 phone number (for example +14155550100).\(hint)", param: name)
    }
}
