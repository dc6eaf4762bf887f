import Foundation
import Testing
@testable import AlloKit

/// The one rule for "may the server have acted?", pinned as a table. The store, the CLI and the retry policy read it.
@Suite("Whether a failed request may have taken effect")
struct ServerEffectTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var error: AlloError
        var effect: ServerEffect
        var testDescription: String { name }
    }

    static func http(_ status: Int, _ code: String? = nil) -> AlloError {
        .http(HTTPFailure(status: status, code: code, request: "POST /v1/api/sms"))
    }

    static func transport(_ kind: TransportFailure.Kind) -> AlloError {
        .transport(request: "POST /v1/api/sms", failure: TransportFailure(kind, message: "\(kind)"))
    }

    static let undecodable = AlloError.undecodable(UndecodableBody(status: 200, request: "POST /v1/api/sms",
                                                                   reason: "not JSON", body: Data("<html>".utf8)))

    static let cases: [Case] = [
        Case(name: "400 validation", error: http(400, "INVALID_TO_NUMBER"), effect: .notDone),
        Case(name: "401 refused key", error: http(401, "API_KEY_INVALID"), effect: .notDone),
        Case(name: "403 missing scope", error: http(403, "API_KEY_INSUFFICIENT_SCOPE"), effect: .notDone),
        Case(name: "404 not found", error: http(404, "ROUTE_NOT_FOUND"), effect: .notDone),
        Case(name: "408 request timeout", error: http(408), effect: .mayHaveBeenDone),
        Case(name: "409 conflict", error: http(409), effect: .notDone),
        Case(name: "429 rate limit", error: http(429, "RATE_LIMIT_EXCEEDED"), effect: .notDone),
        Case(name: "429 SMS cap", error: http(429, "SMS_LIMIT_REACHED"), effect: .notDone),
        Case(name: "500", error: http(500), effect: .mayHaveBeenDone),
        Case(name: "501", error: http(501), effect: .mayHaveBeenDone),
        Case(name: "502 from a gateway", error: http(502, "BAD_GATEWAY"), effect: .mayHaveBeenDone),
        Case(name: "503", error: http(503), effect: .mayHaveBeenDone),
        Case(name: "504", error: http(504), effect: .mayHaveBeenDone),
        Case(name: "a 3xx nobody followed", error: http(302), effect: .mayHaveBeenDone),
        Case(name: "connection refused", error: transport(.connectionRefused), effect: .notDone),
        Case(name: "host not found", error: transport(.hostNotFound), effect: .notDone),
        Case(name: "connection lost after sending", error: transport(.connectionLost), effect: .mayHaveBeenDone),
        Case(name: "the transport's own timeout", error: transport(.timedOut), effect: .mayHaveBeenDone),
        Case(name: "another transport failure", error: transport(.other), effect: .mayHaveBeenDone),
        Case(name: "the client's deadline", error: .timeout(request: "POST /v1/api/sms", after: .seconds(30)),
             effect: .mayHaveBeenDone),
        Case(name: "an unreadable 2xx", error: undecodable, effect: .mayHaveBeenDone),
        Case(name: "cancelled in flight", error: .cancelled, effect: .mayHaveBeenDone),
        Case(name: "a local check", error: .invalidArgument("message too long"), effect: .notDone),
    ]

    @Test("The rule", arguments: cases)
    func rule(_ example: Case) {
        #expect(example.error.serverEffect == example.effect)
        #expect(example.error.mayHaveBeenDone == (example.effect == .mayHaveBeenDone))
    }

    @Test("The retry policy never repeats an unsafe request that may have been done, and repeats one that was not",
          arguments: cases)
    func retryFollowsTheRule(_ example: Case) {
        let outcome: AttemptOutcome
        switch example.error {
        case .http(let failure): outcome = .status(failure.status, code: failure.code, serverWait: nil, quotaResetsIn: nil)
        case .transport(_, let failure): outcome = .transport(mayHaveBeenSent: failure.requestMayHaveBeenSent)
        case .timeout: outcome = .timeout
        default: return
        }
        #expect(outcome.serverEffect == example.effect)
        let decision = RetryPolicy.default.decide(outcome, safety: .unsafe, attempt: 1, jitter: 0)
        if example.effect == .mayHaveBeenDone { #expect(decision == .fail) }
        if case .retry = decision { #expect(example.effect == .notDone) }
    }
}
