import AlloSandbox
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `when`: a `before` fault answers without running the request, an `after` fault lets it run and keep its effects.
/// Past the rule format checks, each test faults one `POST /v1/api/sms` to a fresh recipient, then checks what the
/// client saw and whether the SMS is in the world: in the recipient's items, at the top of the conversations, and as
/// an `sms.sent` webhook.
extension FaultTests {
    @Test("Without 'when', latency, status and rate_limit act before the request and the spoilers after; GET, PUT and POST show it")
    func defaultWhen() async throws {
        try await withSandbox { sandbox in
            let rules = """
                [{"kind":"latency","latency_ms":1},{"kind":"status"},{"kind":"rate_limit"},
                 {"kind":"malformed_json"},{"kind":"drop_connection"},{"kind":"trickle"}]
                """
            let put = try await sandbox.control("PUT", "/faults", json: rules)
            let expected = ["before", "before", "before", "after", "after", "after"]
            #expect(put.json["data"].array.compactMap { $0["when"].string } == expected)
            #expect(try await sandbox.control("GET", "/faults").json["data"].array.compactMap { $0["when"].string } == expected)

            let post = try await sandbox.control("POST", "/faults", json: #"[{"kind":"status","when":"after"},{"kind":"trickle","when":"before"}]"#)
            #expect(post.json["data"].array.compactMap { $0["when"].string } == expected + ["after", "before"])
        }
    }

    @Test("An unknown 'when' is refused with 400 and a message naming the choices")
    func invalidWhen() async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.control("PUT", "/faults", json: #"{"kind":"status","when":"later"}"#)
            #expect(response.status == 400)
            #expect(response.json["error"]["code"].string == "INVALID_REQUEST_BODY")
            #expect(response.json["error"]["message"].string == "Invalid fault rule: when must be before or after, not 'later'.")
            #expect(try await sandbox.control("GET", "/faults").json["data"].count == 0)
        }
    }

    // MARK: - status

    @Test("status before: the client gets the 5xx and the SMS is not sent")
    func statusBefore() async throws {
        try await withSMSFault(#""kind":"status","status":502,"when":"before""#) { sandbox, _ in
            let response = try await sandbox.post("/v1/api/sms", Self.smsBody)
            #expect(response.status == 502)
            expectServerError(response, path: "/v1/api/sms", code: "BAD_GATEWAY")
            #expect(response.json["details"][0]["message"].string == "Injected fault: the sandbox answered 502 without running the request.")
            try await expectSMS(sent: false, sandbox)
            try await expectJournal(sandbox, status: 502, faults: ["status"])
        }
    }

    @Test("status after: the SMS is sent, yet the client gets the 5xx, whose message says the request ran")
    func statusAfter() async throws {
        try await withSMSFault(#""kind":"status","status":502,"when":"after""#) { sandbox, _ in
            let response = try await sandbox.post("/v1/api/sms", Self.smsBody)
            #expect(response.status == 502)
            expectServerError(response, path: "/v1/api/sms", code: "BAD_GATEWAY")
            #expect(response.json["details"][0]["message"].string == "Injected fault: the sandbox ran the request, then answered 502.")
            try await expectSMS(sent: true, sandbox)
            try await expectJournal(sandbox, status: 502, faults: ["status"])
        }
    }

    // MARK: - rate_limit

    @Test("rate_limit before and after: the client gets 429 with Retry-After; the SMS is sent only after", arguments: [false, true])
    func rateLimit(after: Bool) async throws {
        try await withSMSFault(#""kind":"rate_limit","retry_after":4,"when":"\#(after ? "after" : "before")""#) { sandbox, _ in
            let response = try await sandbox.post("/v1/api/sms", Self.smsBody)
            #expect(response.status == 429)
            #expect(response[header: "Retry-After"] == "4")
            #expect(response.json["code"].string == "RATE_LIMIT_EXCEEDED")
            try await expectSMS(sent: after, sandbox)
            try await expectJournal(sandbox, status: 429, faults: ["rate_limit"])
        }
    }

    // MARK: - malformed_json

    @Test("malformed_json before: a 502 HTML page, not JSON, and the SMS is not sent")
    func malformedJSONBefore() async throws {
        try await withSMSFault(#""kind":"malformed_json","when":"before""#) { sandbox, _ in
            let response = try await sandbox.post("/v1/api/sms", Self.smsBody)
            #expect(response.status == 502)
            #expect(response[header: "Content-Type"]?.hasPrefix("text/html") == true)
            #expect(response.text.contains("502 Bad Gateway"))
            #expect(response.json.isMissing)
            try await expectSMS(sent: false, sandbox)
            try await expectJournal(sandbox, status: 502, faults: ["malformed_json"])
        }
    }

    @Test("malformed_json after: a 200 whose body is not JSON, and the SMS is sent")
    func malformedJSONAfter() async throws {
        try await withSMSFault(#""kind":"malformed_json","when":"after""#) { sandbox, _ in
            let response = try await sandbox.post("/v1/api/sms", Self.smsBody)
            #expect(response.status == 200)
            #expect(!response.data.isEmpty)
            #expect(response.json.isMissing)
            try await expectSMS(sent: true, sandbox)
            try await expectJournal(sandbox, status: 200, faults: ["malformed_json"])
        }
    }

    // MARK: - drop_connection

    @Test("drop_connection before: the connection is lost mid-way through a 503 and the SMS is not sent")
    func dropConnectionBefore() async throws {
        try await withSMSFault(#""kind":"drop_connection","when":"before""#) { sandbox, _ in
            let error = await #expect(throws: URLError.self) { try await sandbox.post("/v1/api/sms", Self.smsBody) }
            expectConnectionLost(error)
            try await expectSMS(sent: false, sandbox)
            try await expectJournal(sandbox, status: 503, faults: ["drop_connection"])
        }
    }

    @Test("drop_connection after: the connection is lost mid-way through the reply, and the SMS is sent")
    func dropConnectionAfter() async throws {
        try await withSMSFault(#""kind":"drop_connection","when":"after""#) { sandbox, _ in
            let error = await #expect(throws: URLError.self) { try await sandbox.post("/v1/api/sms", Self.smsBody) }
            expectConnectionLost(error)
            try await expectSMS(sent: true, sandbox)
            try await expectJournal(sandbox, status: 200, faults: ["drop_connection"])
        }
    }

    // MARK: - trickle

    @Test("trickle before: a 503 error body arrives a few bytes at a time, and the SMS is not sent")
    func trickleBefore() async throws {
        try await withSMSFault(#""kind":"trickle","bytes_per_chunk":8,"interval_ms":10,"when":"before""#) { sandbox, _ in
            let clock = ContinuousClock()
            let started = clock.now
            let response = try await sandbox.post("/v1/api/sms", Self.smsBody)
            let elapsed = clock.now - started
            #expect(response.status == 503)
            expectServerError(response, path: "/v1/api/sms", code: "SERVICE_UNAVAILABLE")
            #expect(response.json["details"][0]["message"].string == "Injected fault: the sandbox answered 503 without running the request.")
            let chunks = (response.data.count + 7) / 8
            #expect(chunks >= 10)
            #expect(elapsed >= .milliseconds((chunks - 1) * 10))
            try await expectSMS(sent: false, sandbox)
            try await expectJournal(sandbox, status: 503, faults: ["trickle"])
        }
    }

    @Test("trickle after: the real reply arrives whole, a few bytes at a time, and the SMS is sent")
    func trickleAfter() async throws {
        try await withSMSFault(#""kind":"trickle","bytes_per_chunk":8,"interval_ms":10,"when":"after""#) { sandbox, _ in
            let response = try await sandbox.post("/v1/api/sms", Self.smsBody)
            #expect(response.status == 200)
            #expect(response.json["data"]["to_number"].string == Self.freshRecipient)
            try await expectSMS(sent: true, sandbox)
            try await expectJournal(sandbox, status: 200, faults: ["trickle"])
        }
    }

    // MARK: - latency

    @Test("latency before and after: the request outlives its latency, then the real reply comes and the SMS is sent",
          arguments: ["before", "after"])
    func latencyThenRealReply(when: String) async throws {
        try await withSMSFault(#""kind":"latency","latency_ms":50,"when":"\#(when)""#) { sandbox, _ in
            let clock = ContinuousClock()
            let started = clock.now
            let response = try await sandbox.post("/v1/api/sms", Self.smsBody)
            #expect(clock.now - started >= .milliseconds(50))
            #expect(response.status == 200)
            #expect(response.json["data"]["to_number"].string == Self.freshRecipient)
            try await expectSMS(sent: true, sandbox)
            try await expectJournal(sandbox, status: 200, faults: ["latency"])
        }
    }

    // A minute's latency: far longer than any check below takes, and stop() cuts a sleeping request off after 1 s.

    @Test("latency before: while the client has given up, the request is still waiting and the SMS is not sent")
    func latencyBeforeHoldsTheRequest() async throws {
        try await withSMSFault(#""kind":"latency","latency_ms":60000,"count":1,"when":"before""#) { sandbox, _ in
            let timeout = await #expect(throws: URLError.self) {
                try await sandbox.request("POST", "/v1/api/sms", json: Self.smsBody, timeout: 0.2)
            }
            #expect(timeout?.code == .timedOut)
            // The rule was drawn, and so used up: the request is in the sandbox, waiting.
            #expect(try await sandbox.control("GET", "/faults").json["data"].count == 0)
            try await expectSMS(sent: false, sandbox)
        }
    }

    @Test("latency after: the SMS goes out while its reply is held back past the client's timeout")
    func latencyAfterHoldsTheReply() async throws {
        try await withSMSFault(#""kind":"latency","latency_ms":60000,"when":"after""#) { sandbox, receiver in
            let timeout = await #expect(throws: URLError.self) {
                try await sandbox.request("POST", "/v1/api/sms", json: Self.smsBody, timeout: 0.2)
            }
            #expect(timeout?.code == .timedOut)
            // The request runs whether the client waits or not; its webhook says when.
            #expect(await receiver.next().first?.json["topic"].string == "sms.sent")
            try await expectSMS(sent: true, sandbox)
            // The journal is written once the reply is ready: the reply is still held back.
            #expect(try await sandbox.journal(pathPrefix: "/v1/api/sms").isEmpty)
        }
    }

    @Test("A latency rule and a status-after rule fire together: the SMS is sent and the client gets the 5xx",
          arguments: ["before", "after"])
    func latencyWithStatusAfter(latencyWhen: String) async throws {
        let rules = "[" + smsRule(#""kind":"latency","latency_ms":20,"when":"\#(latencyWhen)""#) + ","
            + smsRule(#""kind":"status","status":500,"when":"after""#) + "]"
        try await withSMSFault(rules: rules) { sandbox, _ in
            let response = try await sandbox.post("/v1/api/sms", Self.smsBody)
            #expect(response.status == 500)
            expectServerError(response, path: "/v1/api/sms", code: "INTERNAL_SERVER_ERROR")
            try await expectSMS(sent: true, sandbox)
            try await expectJournal(sandbox, status: 500, faults: ["latency", "status"])
        }
    }

    @Test("A rule given at start with when: after runs the request before answering its status")
    func whenAtStart() async throws {
        try await withSandbox(configure: {
            $0.faults = [FaultRule(kind: .status, when: .after, count: 1, pathPrefix: "/v1/api/sms", status: 503)]
        }) { sandbox in
            let listed = try await sandbox.control("GET", "/faults").json["data"]
            #expect(listed[0]["when"].string == "after")
            #expect(try await sandbox.post("/v1/api/sms", Self.smsBody).status == 503)
            #expect(try await itemCount(sandbox, contact: Self.freshRecipient) == 1)
        }
    }

    // MARK: - Helpers

    /// A fault rule on `POST /v1/api/sms` alone, so the checks that follow are not faulted.
    private func smsRule(_ fields: String) -> String {
        #"{"method":"POST","path_prefix":"/v1/api/sms",\#(fields)}"#
    }

    /// Runs `body` against a sandbox whose only fault rule is `fields` on `POST /v1/api/sms`.
    private func withSMSFault(_ fields: String, _ body: (TestSandbox, WebhookReceiver) async throws -> Void) async throws {
        try await withSMSFault(rules: smsRule(fields), body)
    }

    /// Runs `body` against a sandbox with these fault rules and a webhook receiver subscribed to `sms.sent`.
    private func withSMSFault(rules: String, _ body: (TestSandbox, WebhookReceiver) async throws -> Void) async throws {
        let receiver = try await WebhookReceiver.start()
        do {
            try await withSandbox { sandbox in
                let webhook = try await sandbox.post("/v2/api/webhooks", #"{"url":"\#(receiver.url)","topics":["sms.sent"]}"#)
                #expect(webhook.status == 201)
                #expect(try await sandbox.control("PUT", "/faults", json: rules).status == 200)
                try await body(sandbox, receiver)
            }
        } catch {
            await receiver.stop()
            throw error
        }
        await receiver.stop()
    }

    /// Whether the test SMS is in the world: the recipient's items, the top conversation, and an `sms.sent` delivery
    /// once pending webhook deliveries are done.
    private func expectSMS(sent: Bool, _ sandbox: TestSandbox) async throws {
        #expect(try await itemCount(sandbox, contact: Self.freshRecipient) == (sent ? 1 : 0))
        #expect((try await topConversation(sandbox) == Self.freshRecipient) == sent)
        let attempts = try await sandbox.control("POST", "/webhooks/drain").json["data"].array
        #expect(attempts.filter { $0["topic"].string == "sms.sent" && $0["delivered"].bool == true }.count == (sent ? 1 : 0))
    }

    /// The connection closed part-way through the body: Darwin says `networkConnectionLost`; Linux's curl-based
    /// URLSession says `unknown`, "transfer closed with N bytes remaining to read".
    private func expectConnectionLost(_ error: URLError?) {
        #expect(error?.code == .networkConnectionLost || error?.localizedDescription.contains("transfer closed") == true)
    }

    /// The journal's one `POST /v1/api/sms` entry: the status the client saw and the faults that fired.
    private func expectJournal(_ sandbox: TestSandbox, status: Int, faults: [String]) async throws {
        let entries = try await sandbox.journal(pathPrefix: "/v1/api/sms")
        #expect(entries.count == 1)
        #expect(entries.last?["status"].int == status)
        #expect(entries.last?["faults"].array.compactMap(\.string) == faults)
    }
}
