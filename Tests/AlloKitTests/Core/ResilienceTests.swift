import Foundation
import Testing
import AlloKit
import AlloSandbox

/// Sandbox faults against the client: each gives the right error or a successful retry, and an SMS never goes twice.
// Serialized: several of these leave a slow request behind on purpose; one at a time keeps the pool free.
@Suite("Faults, retries, timeouts and cancellation", .serialized)
struct ResilienceTests {
    static let quick = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(100))

    @Test("A 503 on a GET is retried after a backoff and succeeds")
    func serverErrorRetried() async throws {
        try await withLiveSandbox { sandbox in
            try await sandbox.fault(#"{"kind":"status","status":503,"count":1,"path_prefix":"/v1/api/numbers"}"#)
            let sleeper = SandboxSleeper(sandbox.clock)
            let numbers = try await sandbox.client(retry: Self.quick, sleeper: sleeper).numbers.list()
            #expect(!numbers.isEmpty)
            #expect(try await sandbox.journal(pathPrefix: "/v1/api/numbers").map(\.status) == [503, 200])
            #expect(sleeper.sleeps.count == 1)
            #expect(sleeper.sleeps[0] >= .milliseconds(50) && sleeper.sleeps[0] <= .milliseconds(100))
        }
    }

    @Test("Persistent 5xx gives up after maxAttempts with the last HTTP error")
    func serverErrorExhausted() async throws {
        try await withLiveSandbox { sandbox in
            try await sandbox.fault(#"{"kind":"status","status":502,"path_prefix":"/v1/api/calls"}"#)
            let error = await alloError { _ = try await sandbox.client(retry: Self.quick).calls.search(alloNumber: "+14155550100") }
            #expect(error?.status == 502)
            #expect(try await sandbox.journal(pathPrefix: "/v1/api/calls").count == 3)
        }
    }

    @Test("A 429 from the real per-second limit is waited out as Retry-After says, then succeeds")
    func rateLimitHonoured() async throws {
        try await withLiveSandbox(rateLimits: RateLimits(readsPerSecond: 2, writesPerSecond: 1)) { sandbox in
            let sleeper = SandboxSleeper(sandbox.clock)
            let allo = try sandbox.client(retry: RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(100)), sleeper: sleeper)
            for _ in 0..<3 { _ = try await allo.numbers.list() }
            let statuses = try await sandbox.journal(pathPrefix: "/v1/api/numbers").map(\.status)
            #expect(statuses == [200, 200, 429, 200])
            #expect(sleeper.sleeps.count == 1)
            #expect(sleeper.sleeps[0] >= .seconds(1))
            #expect(allo.lastRateLimit?.limit == 2)
        }
    }

    @Test("A Retry-After beyond the cap throws at once with the wait in the error")
    func rateLimitTooLong() async throws {
        try await withLiveSandbox { sandbox in
            try await sandbox.fault(#"{"kind":"rate_limit","retry_after":120,"count":1}"#)
            let error = await alloError { _ = try await sandbox.client().numbers.list() }
            #expect(error?.status == 429)
            #expect(error?.rateLimit?.retryAfter == .seconds(120))
            #expect(error?.description.contains("retry in 120 s") == true)
            #expect(try await sandbox.journal(pathPrefix: "/v1/api/numbers").count == 1)
        }
    }

    @Test("The v1 daily quota throws API_KEY_QUOTA_EXCEEDED at once with its reset time")
    func dailyQuota() async throws {
        try await withLiveSandbox(rateLimits: RateLimits(enforced: false, dailyQuota: 2)) { sandbox in
            let allo = try sandbox.client()
            _ = try await allo.numbers.list()
            _ = try await allo.numbers.list()
            let error = await alloError { _ = try await allo.numbers.list() }
            #expect(error?.code == "API_KEY_QUOTA_EXCEEDED")
            #expect((error?.rateLimit?.quotaResetsIn ?? .zero) > .zero)
            #expect(try await sandbox.journal(pathPrefix: "/v1/api/numbers").count == 3)
        }
    }

    @Test("Latency past the timeout gives .timeout, long before the server would have answered")
    func latencyTimeout() async throws {
        try await withLiveSandbox { sandbox in
            try await sandbox.fault(#"{"kind":"latency","latency_ms":4000,"path_prefix":"/v1/api/numbers"}"#)
            let error = await alloError { _ = try await sandbox.client(timeout: .milliseconds(300), retry: .never).numbers.list() }
            guard case .timeout(let request, let after)? = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(request == "GET /v1/api/numbers")
            #expect(after == .milliseconds(300))
        }
    }

    @Test("A trickled body slower than the timeout times out; the deadline covers reading the body")
    func trickleTimeout() async throws {
        try await withLiveSandbox { sandbox in
            try await sandbox.fault(#"{"kind":"trickle","bytes_per_chunk":64,"interval_ms":100,"path_prefix":"/v1/api/contacts"}"#)
            let error = await alloError { _ = try await sandbox.client(timeout: .milliseconds(500), retry: .never).contacts.search(size: 5) }
            guard case .timeout? = error else { Issue.record("got \(String(describing: error))"); return }
        }
    }

    @Test("A trickled body within the timeout decodes")
    func trickleWithinTimeout() async throws {
        try await withLiveSandbox { sandbox in
            try await sandbox.fault(#"{"kind":"trickle","bytes_per_chunk":64,"interval_ms":5,"path_prefix":"/v1/api/numbers"}"#)
            let numbers = try await sandbox.client(timeout: .seconds(20)).numbers.list()
            #expect(numbers.count == 5)
        }
    }

    @Test("Malformed JSON is .undecodable with the status and a snippet")
    func malformedJSON() async throws {
        try await withLiveSandbox { sandbox in
            try await sandbox.fault(#"{"kind":"malformed_json","count":1,"path_prefix":"/v1/api/numbers"}"#)
            let error = await alloError { _ = try await sandbox.client(retry: .never).numbers.list() }
            guard case .undecodable(let body)? = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(body.status == 200)
            #expect(!body.snippet.isEmpty)
            #expect(body.request == "GET /v1/api/numbers")
        }
    }

    @Test("A dropped connection is a transport error; a GET is retried and succeeds")
    func droppedConnection() async throws {
        try await withLiveSandbox { sandbox in
            try await sandbox.fault(#"{"kind":"drop_connection","count":1,"path_prefix":"/v1/api/numbers"}"#)
            let failed = await alloError { _ = try await sandbox.client(retry: .never).numbers.list() }
            guard case .transport(_, let failure)? = failed else { Issue.record("got \(String(describing: failed))"); return }
            #expect(failure.requestMayHaveBeenSent)
            try await sandbox.fault(#"{"kind":"drop_connection","count":1,"path_prefix":"/v1/api/numbers"}"#)
            #expect(try await sandbox.client(retry: Self.quick).numbers.list().count == 5)
        }
    }

    @Test("Connection refused is a transport error that says the request never left")
    func connectionRefused() async throws {
        let url = try await withLiveSandbox { sandbox in sandbox.baseURL }
        let allo = try AlloClient(apiKey: "ak_live_x", baseURL: url, retry: .never)
        let error = await alloError { _ = try await allo.numbers.list() }
        guard case .transport(_, let failure)? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(failure.kind == .connectionRefused)
        #expect(!failure.requestMayHaveBeenSent)
    }

    @Test("An SMS is never sent twice: not after a 5xx, a timeout, a dropped connection or malformed reply",
          arguments: [
            #"{"kind":"drop_connection","count":1,"path_prefix":"/v1/api/sms"}"#,
            #"{"kind":"malformed_json","count":1,"path_prefix":"/v1/api/sms"}"#,
            #"{"kind":"latency","latency_ms":3000,"count":1,"path_prefix":"/v1/api/sms"}"#,
            #"{"kind":"trickle","bytes_per_chunk":16,"interval_ms":200,"count":1,"path_prefix":"/v1/api/sms"}"#,
            #"{"kind":"status","status":500,"count":1,"path_prefix":"/v1/api/sms"}"#,
            #"{"kind":"status","status":503,"count":1,"path_prefix":"/v1/api/sms"}"#,
          ])
    func smsNeverTwice(fault: String) async throws {
        try await withLiveSandbox { sandbox in
            try await sandbox.fault(fault)
            let transport = CountingTransport()
            let allo = try sandbox.client(timeout: .milliseconds(1500), retry: RetryPolicy(maxAttempts: 5, baseDelay: .milliseconds(10)),
                                          transport: transport)
            let error = await alloError { _ = try await allo.sms.send(from: "+14155550100", to: "+14155551234", message: "Once only") }
            #expect(error != nil)
            // What the client sent is exact; the journal has at most that (a slow reply is recorded when it ends).
            #expect(transport.requests.count == 1)
            #expect(try await sandbox.journal(pathPrefix: "/v1/api/sms").count <= 1)
        }
    }

    @Test("An SMS answered 429 before being processed is retried and sent exactly once")
    func smsRetriedAfter429() async throws {
        try await withLiveSandbox { sandbox in
            try await sandbox.fault(#"{"kind":"rate_limit","retry_after":1,"count":1,"path_prefix":"/v1/api/sms"}"#)
            let sleeper = SandboxSleeper(sandbox.clock)
            let sent = try await sandbox.client(sleeper: sleeper).sms.send(from: "+14155550100", to: "+14155551234", message: "After the wait")
            #expect(sent.content == "After the wait")
            #expect(try await sandbox.journal(pathPrefix: "/v1/api/sms").map(\.status) == [429, 200])
            #expect(sleeper.sleeps.first.map { $0 >= .seconds(1) } == true)
        }
    }

    @Test("Cancelling the calling task aborts a slow request with .cancelled, not its late answer")
    func cancellation() async throws {
        try await withLiveSandbox { sandbox in
            try await sandbox.fault(#"{"kind":"latency","latency_ms":4000,"path_prefix":"/v1/api/numbers"}"#)
            let transport = CountingTransport()
            let allo = try sandbox.client(transport: transport)
            let task = Task { () -> AlloError? in
                do { _ = try await allo.numbers.list() } catch { return error as? AlloError }
                return nil
            }
            await transport.waitForSend(pathPrefix: "/v1/api/numbers")
            task.cancel()
            let error = await task.value
            guard case .cancelled? = error else { Issue.record("got \(String(describing: error))"); return }
        }
    }

    @Test("Cancelling a walk stops it and cancels the pages fetched ahead")
    func cancelWalk() async throws {
        try await withLiveSandbox(contacts: 200) { sandbox in
            try await sandbox.fault(#"{"kind":"latency","latency_ms":4000,"path_prefix":"/v1/api/contacts?page=1&"}"#)
            let transport = CountingTransport()
            let allo = try sandbox.client(transport: transport)
            let task = Task { () -> (Int, AlloError?) in
                var seen = 0
                do {
                    for try await _ in allo.contacts.all(size: 10, pagesInFlight: 3) { seen += 1 }
                } catch { return (seen, error as? AlloError) }
                return (seen, nil)
            }
            await transport.waitForSend(pathPrefix: "/v1/api/contacts?page=1&")
            task.cancel()
            let (seen, error) = await task.value
            #expect(seen <= 10)
            guard case .cancelled? = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(transport.requests.count <= 4)
        }
    }
}
