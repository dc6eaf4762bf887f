import Foundation

/// Reads an error response into an `HTTPFailure`, whatever its shape. Never throws: a body that is not JSON keeps
/// the status and a snippet as the message.
enum ErrorBodyParser {
    static func failure(for response: HTTPResponse, request: String, now: Date) -> HTTPFailure {
        var failure = HTTPFailure(status: response.status, request: request)
        var rateLimit = RateLimitInfo(headers: response.headers, now: now)
        let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]

        if let error = object?["error"] as? [String: Any] {
            // v2 (§3.2)
            failure.code = error["code"] as? String
            failure.type = error["type"] as? String
            failure.message = error["message"] as? String
            failure.requestID = error["request_id"] as? String
            failure.retryable = error["retryable"] as? Bool
            failure.suggestion = error["suggestion"] as? String
            failure.docURL = error["doc_url"] as? String
            if let param = error["param"] as? String {
                failure.details.append(.init(field: param, message: failure.message))
            }
            for entry in error["errors"] as? [[String: Any]] ?? [] {
                failure.details.append(.init(field: entry["field"] as? String, code: entry["code"] as? String,
                                             message: entry["message"] as? String))
            }
            if let seconds = number(error["retry_after_seconds"]) {
                rateLimit = (rateLimit ?? RateLimitInfo(observedAt: now)).with(retryAfter: .seconds(seconds))
            }
        } else if let code = object?["error"] as? String {
            // The seed SDK's v1 webhook delete: {"error":"WEBHOOK_NOT_FOUND"}
            failure.code = code
        } else if let object {
            // v1 (§3.1)
            failure.code = object["code"] as? String
            for entry in object["details"] as? [[String: Any]] ?? [] {
                let detail = HTTPFailure.FieldError(field: entry["field"] as? String, message: entry["message"] as? String)
                failure.details.append(detail)
                // "limit=1000;type=DAILY;reset_in=3600" (API_KEY_QUOTA_EXCEEDED); a per-second window says type=SECOND.
                let pairs = detail.message.map(keyValues) ?? [:]
                if let resetIn = pairs["reset_in"].flatMap(Double.init) {
                    let current = rateLimit ?? RateLimitInfo(observedAt: now)
                    let perWindow = ["SECOND", "MINUTE"].contains(pairs["type"]?.uppercased() ?? "")
                    rateLimit = perWindow ? current.with(retryAfter: .seconds(resetIn)) : current.with(quotaResetsIn: .seconds(resetIn))
                }
            }
            failure.message = object["message"] as? String ?? failure.details.compactMap(\.message).first
        } else if !response.body.isEmpty {
            failure.message = String(String(decoding: response.body.prefix(2048), as: UTF8.self).prefix(200))
        }

        if failure.code == "API_KEY_INSUFFICIENT_SCOPE" { failure.requiredScopes = requiredScopes(in: failure) }
        failure.rateLimit = rateLimit
        return failure
    }

    /// v1 says `details[].message = "required=SCOPE"`; v2 names the scope in its message
    /// ("This API key lacks the PHONE_NUMBERS_READ scope.").
    static func requiredScopes(in failure: HTTPFailure) -> [String] {
        var scopes: [String] = []
        for detail in failure.details {
            if let scope = detail.message.flatMap({ keyValues($0)["required"] }) { scopes.append(contentsOf: scope.split(separator: ",").map(String.init)) }
        }
        if scopes.isEmpty, let message = failure.message {
            scopes = message.split(whereSeparator: { !($0.isUppercase || $0.isNumber || $0 == "_") })
                .map(String.init)
                .filter { $0.contains("_") && ["_READ", "_WRITE", "_SEND", "_DELETE"].contains(where: $0.hasSuffix) }
        }
        var seen = Set<String>()
        return scopes.filter { seen.insert($0).inserted }
    }

    /// "limit=1000;type=DAILY;reset_in=3600" → ["limit": "1000", …]
    static func keyValues(_ text: String) -> [String: String] {
        var pairs: [String: String] = [:]
        for part in text.split(separator: ";") {
            let sides = part.split(separator: "=", maxSplits: 1)
            if sides.count == 2 { pairs[sides[0].trimmed] = sides[1].trimmed }
        }
        return pairs
    }

    private static func number(_ value: Any?) -> Double? {
        if let int = value as? Int { return Double(int) }
        return value as? Double
    }
}

extension RateLimitInfo {
    func with(retryAfter: Duration) -> RateLimitInfo {
        var copy = self
        copy.retryAfter = copy.retryAfter ?? retryAfter
        return copy
    }

    func with(quotaResetsIn: Duration) -> RateLimitInfo {
        var copy = self
        copy.quotaResetsIn = quotaResetsIn
        return copy
    }
}
