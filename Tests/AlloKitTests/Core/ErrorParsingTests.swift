import Foundation
import Testing
@testable import AlloKit

@Suite("Error bodies")
struct ErrorParsingTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    func failure(_ status: Int, _ body: String, headers: [String: String] = [:]) -> HTTPFailure {
        ErrorBodyParser.failure(for: HTTPResponse(status: status, headers: headers, body: Data(body.utf8)),
                                request: "GET /v1/api/contacts", now: now)
    }

    @Test("v1 scope error: code, details and the required scope")
    func v1Scope() {
        let f = failure(403, #"{"code":"API_KEY_INSUFFICIENT_SCOPE","details":[{"message":"required=CONTACTS_READ","field":"scope"}]}"#)
        #expect(f.code == "API_KEY_INSUFFICIENT_SCOPE")
        #expect(f.requiredScopes == ["CONTACTS_READ"])
        #expect(f.details == [.init(field: "scope", message: "required=CONTACTS_READ")])
        #expect(f.description.contains("API_KEY_INSUFFICIENT_SCOPE"))
        #expect(f.description.contains("HTTP 403"))
        #expect(f.description.contains("CONTACTS_READ"))
    }

    @Test("v1 401 with null details")
    func v1Invalid() {
        let f = failure(401, #"{"code":"API_KEY_INVALID","details":null}"#)
        #expect(f.code == "API_KEY_INVALID")
        #expect(f.details.isEmpty)
    }

    @Test("v1 daily quota: reset_in becomes the quota reset")
    func v1Quota() {
        let f = failure(429, #"{"code":"API_KEY_QUOTA_EXCEEDED","details":[{"message":"limit=1000;type=DAILY;reset_in=3600","field":"DAILY"}]}"#)
        #expect(f.code == "API_KEY_QUOTA_EXCEEDED")
        #expect(f.rateLimit?.quotaResetsIn == .seconds(3600))
        #expect(f.description.contains("retry in 3600 s"))
    }

    @Test("v2 nested error with every field")
    func v2Nested() {
        let f = failure(404, #"""
        {"error":{"type":"not_found_error","code":"CONVERSATION_ITEM_NOT_FOUND","message":"No call or message found with ID 'cll_abc123'.",
        "retryable":false,"request_id":"req_a1b2c3d4e5f6","doc_url":"https://help.withallo.com/x","param":"id",
        "suggestion":"Search for the item.","errors":[{"field":"size","code":"TOO_BIG","message":"at most 100"}]}}
        """#)
        #expect(f.code == "CONVERSATION_ITEM_NOT_FOUND")
        #expect(f.type == "not_found_error")
        #expect(f.requestID == "req_a1b2c3d4e5f6")
        #expect(f.retryable == false)
        #expect(f.suggestion == "Search for the item.")
        #expect(f.docURL == "https://help.withallo.com/x")
        #expect(f.details.map(\.field) == ["id", "size"])
        #expect(f.details.last?.code == "TOO_BIG")
        #expect(f.description.contains("req_a1b2c3d4e5f6"))
    }

    @Test("v2 scope error names the scope in its message")
    func v2Scope() {
        let f = failure(403, #"{"error":{"type":"permission_error","code":"API_KEY_INSUFFICIENT_SCOPE","message":"This API key lacks the PHONE_NUMBERS_READ scope.","retryable":false,"request_id":"req_x"}}"#)
        #expect(f.requiredScopes == ["PHONE_NUMBERS_READ"])
    }

    @Test("v2 429: retry_after_seconds and the rate-limit headers")
    func v2RateLimit() {
        let f = failure(429, #"{"error":{"type":"rate_limit_error","code":"RATE_LIMIT_EXCEEDED","message":"slow down","retryable":true,"retry_after_seconds":2}}"#,
                        headers: ["X-RateLimit-Limit": "20", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1795000001"])
        #expect(f.rateLimit?.retryAfter == .seconds(2))
        #expect(f.rateLimit?.limit == 20)
        #expect(f.rateLimit?.remaining == 0)
        #expect(f.rateLimit?.reset == Date(timeIntervalSince1970: 1_795_000_001))
    }

    @Test("Retry-After in seconds wins over the body's retry_after_seconds")
    func retryAfterHeader() {
        let f = failure(429, #"{"error":{"code":"RATE_LIMIT_EXCEEDED","retry_after_seconds":9}}"#, headers: ["Retry-After": "1"])
        #expect(f.rateLimit?.retryAfter == .seconds(1))
    }

    @Test("Retry-After as an HTTP date")
    func retryAfterDate() {
        // 1_795_000_000 is Wed, 18 Nov 2026 11:06:40 GMT.
        let f = failure(503, "", headers: ["Retry-After": "Wed, 18 Nov 2026 11:06:45 GMT"])
        #expect(f.rateLimit?.retryAfter == .seconds(5))
    }

    @Test("The seed SDK's {\"error\": \"WEBHOOK_NOT_FOUND\"}")
    func seedStringError() {
        #expect(failure(404, #"{"error":"WEBHOOK_NOT_FOUND"}"#).code == "WEBHOOK_NOT_FOUND")
    }

    @Test("A body that is not JSON keeps the status and a short message")
    func notJSON() {
        let f = failure(502, "<html>Bad gateway</html>")
        #expect(f.code == nil)
        #expect(f.status == 502)
        #expect(f.message == "<html>Bad gateway</html>")
        #expect(f.description.hasPrefix("HTTP_ERROR (HTTP 502)"))
    }
}

extension ErrorParsingTests {
    @Test("A v1-shaped per-second 429 (type=SECOND) is a short wait, not a quota")
    func v1PerSecond() {
        let f = failure(429, #"{"code":"RATE_LIMIT_EXCEEDED","details":[{"message":"limit=2;type=SECOND;reset_in=1","field":"SECOND"}]}"#)
        #expect(f.rateLimit?.retryAfter == .seconds(1))
        #expect(f.rateLimit?.quotaResetsIn == nil)
    }
}
