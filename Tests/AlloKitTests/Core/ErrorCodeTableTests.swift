import Foundation
import Testing
import AlloKit

/// Every error code the contract documents (§3.1, §3.2) comes through as `AlloError.http` with its code and status,
/// in the shape of its version.
@Suite("Documented error codes")
struct ErrorCodeTableTests {
    static let v1: [(Int, String)] = [
        (401, "API_KEY_INVALID"), (403, "API_KEY_INSUFFICIENT_SCOPE"), (429, "API_KEY_QUOTA_EXCEEDED"),
        (400, "CONTACT_NOT_FOUND"), (400, "FROM_NUMBER_NOT_FOUND"), (400, "INVALID_TO_NUMBER"),
        (400, "TO_NUMBER_COUNTRY_MISMATCH"), (400, "INVALID_LENGTH"), (400, "PROVIDER_NOT_SUPPORTED"),
        (400, "INVALID_SENDER_ID"), (400, "SENDER_ID_NOT_ACTIVE"),
    ]

    static let v2: [(Int, String, String)] = [
        (401, "authentication_error", "API_KEY_INVALID"), (401, "authentication_error", "API_KEY_REVOKED"),
        (401, "authentication_error", "UNAUTHORIZED"), (403, "permission_error", "API_KEY_TRIAL_NOT_ALLOWED"),
        (403, "permission_error", "A2P_NOT_ENABLED"), (400, "validation_error", "INVALID_REQUEST_BODY"),
        (400, "validation_error", "MISSING_PARAMETER"), (400, "validation_error", "INVALID_PAGE_SIZE"),
        (400, "validation_error", "INVALID_SEARCH_QUERY"), (400, "validation_error", "MISSING_ALLO_NUMBER"),
        (400, "validation_error", "INVALID_DATE_RANGE"), (400, "validation_error", "INVALID_ITEM_ID"),
        (400, "validation_error", "BATCH_TOO_LARGE"), (400, "validation_error", "TAGS_REQUIRED"),
        (400, "validation_error", "INVALID_ACTION"), (400, "validation_error", "UNSUPPORTED_EXTEND_VALUE"),
        (400, "validation_error", "INVALID_EVENT_TYPE"), (400, "validation_error", "NUMBER_NOT_SMS_ENABLED"),
        (405, "validation_error", "METHOD_NOT_ALLOWED"), (415, "validation_error", "UNSUPPORTED_MEDIA_TYPE"),
        (404, "not_found_error", "CONVERSATION_ITEM_NOT_FOUND"), (404, "not_found_error", "USER_NOT_FOUND"),
        (404, "not_found_error", "TAG_NOT_FOUND"), (404, "not_found_error", "ENDPOINT_NOT_FOUND"),
        (409, "conflict_error", "TAG_ALREADY_EXISTS"), (409, "conflict_error", "IDEMPOTENCY_KEY_REUSE"),
        (402, "billing_error", "PARTNER_BILLING_FAILED"), (429, "rate_limit_error", "RATE_LIMIT_EXCEEDED"),
        (429, "rate_limit_error", "SMS_LIMIT_REACHED"), (429, "rate_limit_error", "DAILY_SMS_LIMIT_REACHED"),
        (500, "server_error", "INTERNAL_SERVER_ERROR"),
    ]

    func error(status: Int, body: String) async throws -> AlloError? {
        let transport = RecordingTransport(status: status, json: body)
        let allo = try AlloClient(apiKey: "ak_live_test", transport: transport, retry: .never)
        return await alloError { _ = try await allo.numbers.list() }
    }

    @Test("v1 codes", arguments: v1)
    func v1Codes(status: Int, code: String) async throws {
        let error = try await error(status: status, body: #"{"code":"\#(code)","details":[{"message":"m","field":"f"}]}"#)
        #expect(error?.code == code)
        #expect(error?.status == status)
        #expect(error?.description.contains("\(code) (HTTP \(status))") == true)
    }

    @Test("v2 codes", arguments: v2)
    func v2Codes(status: Int, type: String, code: String) async throws {
        let error = try await error(status: status, body: #"{"error":{"type":"\#(type)","code":"\#(code)","message":"m","retryable":false,"request_id":"req_abcdefabcdef"}}"#)
        guard case .http(let failure)? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(failure.code == code)
        #expect(failure.status == status)
        #expect(failure.type == type)
        #expect(failure.requestID == "req_abcdefabcdef")
        #expect(failure.description.contains("\(code) (HTTP \(status))"))
    }
}
