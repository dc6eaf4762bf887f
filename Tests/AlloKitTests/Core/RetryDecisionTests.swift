import Testing
@testable import AlloKit

@Suite("Retry decisions")
struct RetryDecisionTests {
    let policy = RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(200), maxDelay: .seconds(2), maxServerWait: .seconds(30))

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var outcome: AttemptOutcome
        var safety: APIRequest.Safety
        var attempt = 1
        var retries: Bool
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "GET retries on 500", outcome: .status(500, code: nil, serverWait: nil, quotaResetsIn: nil), safety: .idempotent, retries: true),
        Case(name: "GET retries on 502", outcome: .status(502, code: nil, serverWait: nil, quotaResetsIn: nil), safety: .idempotent, retries: true),
        Case(name: "GET retries on 503", outcome: .status(503, code: nil, serverWait: nil, quotaResetsIn: nil), safety: .idempotent, retries: true),
        Case(name: "GET does not retry 501", outcome: .status(501, code: nil, serverWait: nil, quotaResetsIn: nil), safety: .idempotent, retries: false),
        Case(name: "GET does not retry 400", outcome: .status(400, code: "CONTACT_NOT_FOUND", serverWait: nil, quotaResetsIn: nil), safety: .idempotent, retries: false),
        Case(name: "GET does not retry 401", outcome: .status(401, code: "API_KEY_INVALID", serverWait: nil, quotaResetsIn: nil), safety: .idempotent, retries: false),
        Case(name: "GET does not retry 403", outcome: .status(403, code: "API_KEY_INSUFFICIENT_SCOPE", serverWait: nil, quotaResetsIn: nil), safety: .idempotent, retries: false),
        Case(name: "GET retries on 429 with a short wait", outcome: .status(429, code: "RATE_LIMIT_EXCEEDED", serverWait: .seconds(1), quotaResetsIn: nil), safety: .idempotent, retries: true),
        Case(name: "GET retries on 429 without a wait", outcome: .status(429, code: "RATE_LIMIT_EXCEEDED", serverWait: nil, quotaResetsIn: nil), safety: .idempotent, retries: true),
        Case(name: "429 longer than the cap throws", outcome: .status(429, code: "RATE_LIMIT_EXCEEDED", serverWait: .seconds(31), quotaResetsIn: nil), safety: .idempotent, retries: false),
        Case(name: "daily quota throws at once", outcome: .status(429, code: "API_KEY_QUOTA_EXCEEDED", serverWait: nil, quotaResetsIn: .seconds(3600)), safety: .idempotent, retries: false),
        Case(name: "SMS cap throws at once", outcome: .status(429, code: "SMS_LIMIT_REACHED", serverWait: .seconds(5), quotaResetsIn: nil), safety: .unsafe, retries: false),
        Case(name: "GET retries when the connection dropped", outcome: .transport(mayHaveBeenSent: true), safety: .idempotent, retries: true),
        Case(name: "GET retries after a timeout", outcome: .timeout, safety: .idempotent, retries: true),
        Case(name: "SMS retries on 429 (not processed)", outcome: .status(429, code: "RATE_LIMIT_EXCEEDED", serverWait: .seconds(1), quotaResetsIn: nil), safety: .unsafe, retries: true),
        Case(name: "SMS retries when the connection was refused", outcome: .transport(mayHaveBeenSent: false), safety: .unsafe, retries: true),
        Case(name: "SMS never retries after a timeout", outcome: .timeout, safety: .unsafe, retries: false),
        Case(name: "SMS never retries on 500", outcome: .status(500, code: nil, serverWait: nil, quotaResetsIn: nil), safety: .unsafe, retries: false),
        Case(name: "SMS never retries on 503", outcome: .status(503, code: nil, serverWait: nil, quotaResetsIn: nil), safety: .unsafe, retries: false),
        Case(name: "SMS never retries a dropped connection", outcome: .transport(mayHaveBeenSent: true), safety: .unsafe, retries: false),
        Case(name: "keyed v2 write retries on 503", outcome: .status(503, code: nil, serverWait: nil, quotaResetsIn: nil), safety: .idempotent, retries: true),
        Case(name: "no retry once attempts are used up", outcome: .status(503, code: nil, serverWait: nil, quotaResetsIn: nil), safety: .idempotent, attempt: 4, retries: false),
        Case(name: "no 429 retry once attempts are used up", outcome: .status(429, code: "RATE_LIMIT_EXCEEDED", serverWait: .seconds(1), quotaResetsIn: nil), safety: .unsafe, attempt: 4, retries: false),
    ]

    @Test("Which outcomes are retried", arguments: cases)
    func decision(_ example: Case) {
        let decision = policy.decide(example.outcome, safety: example.safety, attempt: example.attempt, jitter: 0.5)
        if example.retries {
            guard case .retry = decision else { Issue.record("expected a retry, got \(decision)"); return }
        } else {
            #expect(decision == .fail)
        }
    }

    @Test("A 429 waits what the server asked, plus at most one base delay of jitter")
    func honoursServerWait() {
        for jitter in [0.0, 0.5, 0.999] {
            let decision = policy.decide(.status(429, code: "RATE_LIMIT_EXCEEDED", serverWait: .seconds(3), quotaResetsIn: nil),
                                         safety: .idempotent, attempt: 1, jitter: jitter)
            guard case .retry(let wait) = decision else { Issue.record("no retry"); continue }
            #expect(wait >= .seconds(3))
            #expect(wait <= .seconds(3) + .milliseconds(200))
        }
    }

    @Test("Backoff doubles per attempt within jitter and stops at the maximum",
          arguments: [(1, 200), (2, 400), (3, 800), (4, 1600), (5, 2000), (9, 2000)])
    func backoffGrows(attempt: Int, fullMilliseconds: Int) {
        let full = Duration.milliseconds(fullMilliseconds)
        #expect(policy.backoff(attempt: attempt, jitter: 0) == full / 2)
        #expect(policy.backoff(attempt: attempt, jitter: 1) == full)
    }

    @Test("A 5xx with a Retry-After waits at least that long")
    func serverErrorWithRetryAfter() {
        let decision = policy.decide(.status(503, code: nil, serverWait: .seconds(5), quotaResetsIn: nil),
                                     safety: .idempotent, attempt: 1, jitter: 0)
        #expect(decision == .retry(after: .seconds(5)))
    }

    @Test("RetryPolicy.never makes one attempt")
    func neverRetries() {
        #expect(RetryPolicy.never.decide(.timeout, safety: .idempotent, attempt: 1, jitter: 0) == .fail)
    }
}
