import AlloSandbox
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

@Suite("faults")
struct FaultTests {
    /// A recipient no seeded conversation uses, so its items count only what a test sent.
    static let freshRecipient = "+14155559876"
    static let smsBody = #"{"from":"+14155550100","to":"+14155559876","message":"Fault test"}"#

    @Test("A latency fault makes a request outlive a shorter client timeout; without it the same request answers")
    func latency() async throws {
        try await withSandbox { sandbox in
            let rule = #"{"kind":"latency","latency_ms":300,"count":1}"#
            let put = try await sandbox.control("PUT", "/faults", json: rule)
            #expect(put.status == 200)
            let timeout = await #expect(throws: URLError.self) {
                try await sandbox.request("GET", "/v1/api/numbers", timeout: 0.1)
            }
            #expect(timeout?.code == .timedOut)
            // The rule was drawn, and so used up, by the request that timed out.
            #expect(try await sandbox.control("GET", "/faults").json["data"].count == 0)

            // A generous timeout: this half checks that the request answers, not how fast.
            #expect(try await sandbox.request("GET", "/v1/api/numbers", timeout: 30).status == 200)
        }
    }

    @Test("A status fault with a count answers the next N requests in the version's shape, retryable, then stops",
          arguments: [
              (500, "INTERNAL_SERVER_ERROR", "/v1/api/numbers"),
              (502, "BAD_GATEWAY", "/v2/api/me"),
              (503, "SERVICE_UNAVAILABLE", "/v1/api/contacts"),
              (503, "SERVICE_UNAVAILABLE", "/v2/api/tags"),
          ])
    func statusWithCount(status: Int, code: String, path: String) async throws {
        try await withSandbox { sandbox in
            let put = try await sandbox.control("PUT", "/faults", json: #"{"kind":"status","status":\#(status),"count":2}"#)
            #expect(put.status == 200)
            #expect(put.json["data"][0]["count"].int == 2)
            for _ in 0..<2 {
                let response = try await sandbox.get(path)
                #expect(response.status == status)
                expectServerError(response, path: path, code: code)
            }
            #expect(try await sandbox.get(path).status == 200)
            #expect(try await sandbox.control("GET", "/faults").json["data"].count == 0)
        }
    }

    @Test("An SMS refused by a status fault is not sent; once the fault is gone it is")
    func statusFaultDoesNotSendSMS() async throws {
        try await withSandbox { sandbox in
            let rule = #"{"kind":"status","status":503,"method":"POST","path_prefix":"/v1/api/sms"}"#
            #expect(try await sandbox.control("PUT", "/faults", json: rule).status == 200)
            let refused = try await sandbox.post("/v1/api/sms", Self.smsBody)
            #expect(refused.status == 503)
            #expect(refused.json["code"].string == "SERVICE_UNAVAILABLE")
            #expect(try await itemCount(sandbox, contact: Self.freshRecipient) == 0)
            #expect(try await topConversation(sandbox) != Self.freshRecipient)
            let entry = try #require(try await sandbox.journal(pathPrefix: "/v1/api/sms").last)
            #expect(entry["status"].int == 503)
            #expect(entry["faults"].array.compactMap(\.string) == ["status"])

            #expect(try await sandbox.control("DELETE", "/faults").status == 204)
            #expect(try await sandbox.post("/v1/api/sms", Self.smsBody).status == 200)
            #expect(try await itemCount(sandbox, contact: Self.freshRecipient) == 1)
            #expect(try await topConversation(sandbox) == Self.freshRecipient)
        }
    }

    @Test("A status fault without a status picks among 500, 502 and 503")
    func randomStatusMix() async throws {
        try await withSandbox { sandbox in
            #expect(try await sandbox.control("PUT", "/faults", json: #"{"kind":"status","probability":1}"#).status == 200)
            var seen: Set<Int> = []
            for _ in 0..<15 {
                let response = try await sandbox.get("/v2/api/me")
                seen.insert(response.status)
                let code = [500: "INTERNAL_SERVER_ERROR", 502: "BAD_GATEWAY", 503: "SERVICE_UNAVAILABLE"][response.status]
                expectServerError(response, path: "/v2/api/me", code: code ?? "a 500, 502 or 503")
            }
            #expect(seen.isSubset(of: [500, 502, 503]))
            #expect(seen.count > 1)
        }
    }

    @Test("A rate_limit burst answers 429 with Retry-After and the v2 body, then lets requests through")
    func rateLimitBurstV2() async throws {
        try await withSandbox { sandbox in
            #expect(try await sandbox.control("PUT", "/faults", json: #"{"kind":"rate_limit","retry_after":7,"count":3}"#).status == 200)
            for _ in 0..<3 {
                let response = try await sandbox.get("/v2/api/me")
                #expect(response.status == 429)
                #expect(response[header: "Retry-After"] == "7")
                let error = response.json["error"]
                #expect(error["type"].string == "rate_limit_error")
                #expect(error["code"].string == "RATE_LIMIT_EXCEEDED")
                #expect(error["retryable"].bool == true)
                #expect(error["retry_after_seconds"].int == 7)
                #expect(error["request_id"].string?.hasPrefix("req_") == true)
            }
            #expect(try await sandbox.get("/v2/api/me").status == 200)
        }
    }

    @Test("A rate_limit fault on v1 answers 429 with Retry-After and the flat body")
    func rateLimitV1() async throws {
        try await withSandbox { sandbox in
            #expect(try await sandbox.control("PUT", "/faults", json: #"{"kind":"rate_limit","retry_after":3,"count":1}"#).status == 200)
            let response = try await sandbox.get("/v1/api/numbers")
            #expect(response.status == 429)
            #expect(response[header: "Retry-After"] == "3")
            #expect(response.json.keys == ["code", "details"])
            #expect(response.json["code"].string == "RATE_LIMIT_EXCEEDED")
            #expect(response.json["details"][0]["field"].string == "SECOND")
            #expect(response.json["details"][0]["message"].string?.hasSuffix("reset_in=3") == true)
            #expect(try await sandbox.get("/v1/api/numbers").status == 200)
        }
    }

    @Test("malformed_json answers 200 with a body that is not JSON")
    func malformedJSON() async throws {
        try await withSandbox { sandbox in
            #expect(try await sandbox.control("PUT", "/faults", json: #"{"kind":"malformed_json","count":1}"#).status == 200)
            let spoiled = try await sandbox.get("/v2/api/me")
            #expect(spoiled.status == 200)
            #expect(!spoiled.data.isEmpty)
            #expect(spoiled.json.isMissing)
            #expect(throws: (any Error).self) { try JSONSerialization.jsonObject(with: spoiled.data) }
            let next = try await sandbox.get("/v2/api/me")
            #expect(!next.json["data"]["api_key_id"].isMissing)
        }
    }

    @Test("An SMS whose reply malformed_json spoils was sent all the same: the handler ran")
    func malformedJSONStillSendsSMS() async throws {
        try await withSandbox { sandbox in
            let rule = #"{"kind":"malformed_json","path_prefix":"/v1/api/sms"}"#
            #expect(try await sandbox.control("PUT", "/faults", json: rule).status == 200)
            let spoiled = try await sandbox.post("/v1/api/sms", Self.smsBody)
            #expect(spoiled.status == 200)
            #expect(spoiled.json.isMissing)
            #expect(try await itemCount(sandbox, contact: Self.freshRecipient) == 1)
            #expect(try await topConversation(sandbox) == Self.freshRecipient)
        }
    }

    @Test("drop_connection makes URLSession throw, and the journal still shows the request")
    func dropConnection() async throws {
        try await withSandbox { sandbox in
            #expect(try await sandbox.control("PUT", "/faults", json: #"{"kind":"drop_connection","count":1}"#).status == 200)
            await #expect(throws: (any Error).self) {
                try await sandbox.get("/v1/api/contacts?size=5")
            }
            let entry = try #require(try await sandbox.journal(pathPrefix: "/v1/api/contacts").last)
            #expect(entry["method"].string == "GET")
            #expect(entry["path"].string == "/v1/api/contacts?size=5")
            #expect(entry["status"].int == 200)
            #expect(entry["faults"].array.compactMap(\.string) == ["drop_connection"])
            #expect(try await sandbox.get("/v1/api/contacts?size=5").status == 200)
        }
    }

    @Test("trickle delivers the whole valid body, one chunk per interval")
    func trickle() async throws {
        try await withSandbox { sandbox in
            let path = "/v1/api/contacts?size=4"
            let baseline = try await sandbox.get(path)
            #expect(baseline.status == 200)
            let rule = #"{"kind":"trickle","bytes_per_chunk":64,"interval_ms":20}"#
            #expect(try await sandbox.control("PUT", "/faults", json: rule).status == 200)

            let clock = ContinuousClock()
            let started = clock.now
            let trickled = try await sandbox.get(path)
            let elapsed = clock.now - started

            #expect(trickled.status == 200)
            #expect(trickled.data == baseline.data)
            #expect(trickled.json["data"]["results"].count == 4)
            let chunks = (trickled.data.count + 63) / 64
            #expect(chunks >= 10)
            #expect(elapsed >= .milliseconds((chunks - 1) * 20))
        }
    }

    @Test("path_prefix and method restrict a rule to the requests they name")
    func pathPrefixAndMethod() async throws {
        try await withSandbox { sandbox in
            let rule = #"{"kind":"status","status":503,"path_prefix":"/v2/api/conversations","method":"post"}"#
            let put = try await sandbox.control("PUT", "/faults", json: rule)
            #expect(put.json["data"][0]["method"].string == "POST")
            let search = "/v2/api/conversations/items/search"
            #expect(try await sandbox.post(search, "{}").status == 503)
            #expect(try await sandbox.post(search, "{}").status == 503)
            #expect(try await sandbox.get("/v2/api/conversations?allo_number=%2B14155550100").status == 200)
            #expect(try await sandbox.get("/v2/api/me").status == 200)
            let otherPost = try await sandbox.post("/v1/api/contacts", "{}")
            #expect(otherPost.status == 400)
            #expect(otherPost.json["code"].string == "INVALID_REQUEST_BODY")
        }
    }

    @Test("A rule with probability 0 never fires")
    func probabilityZero() async throws {
        try await withSandbox { sandbox in
            let rules = #"[{"kind":"status","probability":0},{"kind":"drop_connection","probability":0},{"kind":"malformed_json","probability":0}]"#
            #expect(try await sandbox.control("PUT", "/faults", json: rules).status == 200)
            for _ in 0..<25 {
                let response = try await sandbox.get("/v2/api/me")
                #expect(response.status == 200)
                #expect(!response.json["data"].isMissing)
            }
            let entries = try await sandbox.journal(pathPrefix: "/v2/api/me")
            #expect(entries.count == 25)
            #expect(entries.allSatisfy { $0["faults"].count == 0 })
            #expect(try await sandbox.control("GET", "/faults").json["data"].count == 3)
        }
    }

    @Test("Faults never apply to the control API, not even a rule aimed at /_sandbox")
    func controlAPIIsImmune() async throws {
        try await withSandbox { sandbox in
            let rules = """
                [{"kind":"status","status":500},{"kind":"rate_limit"},{"kind":"malformed_json"},{"kind":"drop_connection"},
                 {"kind":"status","status":503,"path_prefix":"/_sandbox"},{"kind":"latency","latency_ms":10000,"path_prefix":"/_sandbox"}]
                """
            #expect(try await sandbox.control("PUT", "/faults", json: rules).status == 200)
            let info = try await sandbox.control("GET", "")
            #expect(info.status == 200)
            #expect(info.json["data"]["seed"].string == "42")
            let faults = try await sandbox.control("GET", "/faults")
            #expect(faults.status == 200)
            #expect(faults.json["data"].count == 6)
            #expect(try await sandbox.control("GET", "/journal").status == 200)
            // The rules are live for the API itself.
            #expect(try await sandbox.get("/v1/api/numbers").status == 500)
        }
    }

    @Test("Faults given at start through the configuration work like those set through the control API")
    func faultsAtStart() async throws {
        try await withSandbox(configure: {
            $0.faults = [FaultRule(kind: .status, count: 1, status: 502), FaultRule(kind: .rateLimit, count: 1, pathPrefix: "/v2/", retryAfter: 2)]
        }) { sandbox in
            let listed = try await sandbox.control("GET", "/faults").json["data"]
            #expect(listed.count == 2)
            #expect(listed[0]["status"].int == 502)
            let first = try await sandbox.get("/v1/api/numbers")
            #expect(first.status == 502)
            #expect(first.json["code"].string == "BAD_GATEWAY")
            #expect(try await sandbox.get("/v1/api/numbers").status == 200)
            let limited = try await sandbox.get("/v2/api/me")
            #expect(limited.status == 429)
            #expect(limited[header: "Retry-After"] == "2")
            #expect(try await sandbox.get("/v2/api/me").status == 200)
        }
    }

    @Test("PUT replaces the rules, POST appends, DELETE clears; a rule, an array or {faults: […]} are accepted")
    func ruleLifecycle() async throws {
        try await withSandbox { sandbox in
            #expect(try await sandbox.control("PUT", "/faults", json: #"{"kind":"status"}"#).json["data"].count == 1)
            #expect(try await sandbox.control("POST", "/faults", json: #"[{"kind":"trickle"},{"kind":"malformed_json"}]"#).json["data"].count == 3)
            let replaced = try await sandbox.control("PUT", "/faults", json: #"{"faults":[{"kind":"drop_connection","count":4}]}"#)
            #expect(replaced.json["data"].count == 1)
            #expect(replaced.json["data"][0]["kind"].string == "drop_connection")
            #expect(try await sandbox.control("DELETE", "/faults").status == 204)
            #expect(try await sandbox.control("GET", "/faults").json["data"].count == 0)
        }
    }

    @Test("An invalid rule is refused with 400 and leaves the active rules as they were", arguments: [
        #"{"kind":"status","probability":2}"#,
        #"{"kind":"status","probability":-0.5}"#,
        #"{"kind":"status","status":404}"#,
        #"{"kind":"explode"}"#,
        #"{"probability":1}"#,
        #"{"kind":"latency"}"#,
        #"{"kind":"status","count":0}"#,
        #"{"kind":"trickle","bytes_per_chunk":0}"#,
        #"{"kind":"status","status":"503"}"#,
        #"{"kind":"status","when":"later"}"#,
        #"{"kind":"drop_connection","when":true}"#,
        #"[{"kind":"status"},{"kind":"status","status":200}]"#,
        #"{"faults":{"kind":"status"}}"#,
        #""status""#,
        #"{"kind":"status""#,
    ])
    func invalidRules(body: String) async throws {
        try await withSandbox { sandbox in
            #expect(try await sandbox.control("PUT", "/faults", json: #"{"kind":"latency","latency_ms":1}"#).status == 200)
            for method in ["PUT", "POST"] {
                let response = try await sandbox.control(method, "/faults", json: body)
                #expect(response.status == 400)
                #expect(response.json["error"]["type"].string == "validation_error")
                #expect(response.json["error"]["code"].string == "INVALID_REQUEST_BODY")
                #expect(response.json["error"]["request_id"].string?.hasPrefix("req_") == true)
            }
            let active = try await sandbox.control("GET", "/faults").json["data"]
            #expect(active.count == 1)
            #expect(active[0]["kind"].string == "latency")
        }
    }

    // MARK: - Helpers

    /// v1: flat `{code, details}`; v2: nested, `server_error`, retryable.
    func expectServerError(_ response: HTTPResult, path: String, code: String) {
        if path.hasPrefix("/v1/") {
            #expect(response.json.keys == ["code", "details"])
            #expect(response.json["code"].string == code)
        } else {
            let error = response.json["error"]
            #expect(error["type"].string == "server_error")
            #expect(error["code"].string == code)
            #expect(error["retryable"].bool == true)
            #expect(error["request_id"].string?.hasPrefix("req_") == true)
        }
    }

    func itemCount(_ sandbox: TestSandbox, contact: String) async throws -> Int? {
        let response = try await sandbox.post("/v2/api/conversations/items/search", #"{"contact_number":"\#(contact)"}"#)
        #expect(response.status == 200)
        return response.json["pagination"]["total_count"].int
    }

    /// The contact number of the most recent conversation on the Sales US line.
    func topConversation(_ sandbox: TestSandbox) async throws -> String? {
        try await sandbox.get("/v2/api/conversations?allo_number=%2B14155550100&size=1").json["data"][0]["contact_number"].string
    }
}
