import Foundation
import Testing

@Suite("control API")
struct ControlAPITests {
    @Test("The control API refuses a missing, wrong or API-key credential with 401 in the v2 shape", arguments: [
        TestSandbox.Auth.none, .header("Bearer wrong-token"), .header("Bearer test-admin-tokeN"), .header("Bearer "),
        .header("test-admin-token"), .apiKey,
    ])
    func refusesWithoutAdminToken(auth: TestSandbox.Auth) async throws {
        try await withSandbox { sandbox in
            for (method, path) in [("GET", "/_sandbox"), ("GET", "/_sandbox/journal"), ("POST", "/_sandbox/reset"), ("DELETE", "/_sandbox/faults")] {
                let response = try await sandbox.request(method, path, auth: auth)
                #expect(response.status == 401)
                let error = response.json["error"]
                #expect(error["type"].string == "authentication_error")
                #expect(error["code"].string == "UNAUTHORIZED")
                #expect(error["retryable"].bool == false)
                #expect(error["request_id"].string?.hasPrefix("req_") == true)
                #expect(error["message"].string?.contains("test-admin-token") == false)
            }
        }
    }

    @Test("The admin token is also accepted in X-Sandbox-Admin-Token")
    func adminTokenHeader() async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.request("GET", "/_sandbox", auth: .none, headers: ["X-Sandbox-Admin-Token": "test-admin-token"])
            #expect(response.status == 200)
            let wrong = try await sandbox.request("GET", "/_sandbox", auth: .none, headers: ["X-Sandbox-Admin-Token": "nope"])
            #expect(wrong.status == 401)
        }
    }

    @Test("GET /_sandbox describes the seed, the world size, the keys and the limits")
    func info() async throws {
        try await withSandbox(contacts: 25, seed: 7) { sandbox in
            let info = try await sandbox.control("GET", "")
            #expect(info.status == 200)
            let data = info.json["data"]
            #expect(data["seed"].string == "7")
            #expect(data["contacts"].int == 25)
            #expect(data["items_per_contact"].int == 8)
            #expect(data["epoch"].string == "2026-11-18T11:06:40Z")
            #expect(data["keys"].array.compactMap { $0["name"].string } == ["full", "seed-v1", "read-only"])
            #expect(data["keys"][0]["key"].string == sandbox.fullKey)
            #expect(data["rate_limits"]["enforced"].bool == false)
            #expect(data["rate_limits"]["read_per_second"].int == 20)
            #expect(data["rate_limits"]["daily_quota"].isNull)
            #expect(data["webhook_retry_scale"].double == 0)
        }
    }

    @Test("The journal records method, path with query, body, status, key name and faults")
    func journalRecordsRequests() async throws {
        try await withSandbox { sandbox in
            let body = #"{"numbers":["+14155550188"],"name":"Journal Test"}"#
            #expect(try await sandbox.request("POST", "/v1/api/contacts?source=test", key: sandbox.seedV1Key, json: body).status == 200)
            #expect(try await sandbox.control("PUT", "/faults", json: #"{"kind":"latency","latency_ms":1,"count":1}"#).status == 200)
            #expect(try await sandbox.get("/v2/api/tags", key: sandbox.readOnlyKey).status == 200)
            #expect(try await sandbox.request("GET", "/v2/api/me", auth: .none).status == 401)

            let entries = try await sandbox.control("GET", "/journal").json["data"].array
            #expect(entries.count == 3)
            let create = entries[0]
            #expect(create["method"].string == "POST")
            #expect(create["path"].string == "/v1/api/contacts?source=test")
            #expect(create["body"].string == body)
            #expect(create["body_bytes"].int == body.utf8.count)
            #expect(create["status"].int == 200)
            #expect(create["key"].string == "seed-v1")
            #expect(create["faults"].count == 0)
            #expect(create["request_id"].string?.hasPrefix("req_") == true)
            #expect(create["time"].string?.hasPrefix("2026-11-18T11:16:40") == true)
            #expect(create["headers"]["content-type"].string == "application/json" || create["headers"]["Content-Type"].string == "application/json")

            let tags = entries[1]
            #expect(tags["key"].string == "read-only")
            #expect(tags["faults"].array.compactMap(\.string) == ["latency"])
            #expect(tags["body_bytes"].int == 0)

            let anonymous = entries[2]
            #expect(anonymous["status"].int == 401)
            #expect(anonymous["key"].isNull)
            #expect(entries.map { $0["sequence"].int ?? 0 } == entries.map { $0["sequence"].int ?? 0 }.sorted())
        }
    }

    @Test("The journal redacts Authorization: no key string appears anywhere in it")
    func journalRedactsKeys() async throws {
        try await withSandbox { sandbox in
            #expect(try await sandbox.request("GET", "/v2/api/me", auth: .apiKey).status == 200)
            #expect(try await sandbox.request("GET", "/v1/api/numbers", key: sandbox.seedV1Key, auth: .raw).status == 200)
            #expect(try await sandbox.request("GET", "/v2/api/me", auth: .header("Bearer \(sandbox.readOnlyKey)")).status == 401)
            #expect(try await sandbox.request("GET", "/v1/api/numbers", key: "ak_live_unknownkeyunknownkeyunknown00", auth: .apiKey).status == 401)
            #expect(try await sandbox.control("GET", "/faults").status == 200)

            let journal = try await sandbox.control("GET", "/journal")
            #expect(journal.json["data"].count == 4)
            for secret in [sandbox.fullKey, sandbox.seedV1Key, sandbox.readOnlyKey, "ak_live_unknownkeyunknownkeyunknown00", "test-admin-token"] {
                #expect(!journal.text.contains(secret))
            }
            let authorizations = journal.json["data"].array.map { entry in
                entry["headers"].keys.first { $0.lowercased() == "authorization" }.flatMap { entry["headers"][$0].string }
            }
            #expect(authorizations == ["Api-Key [redacted]", "[redacted]", "Bearer [redacted]", "Api-Key [redacted]"])
        }
    }

    @Test("The journal filters by sequence with after and by path with path_prefix")
    func journalFilters() async throws {
        try await withSandbox { sandbox in
            _ = try await sandbox.get("/v1/api/numbers")
            _ = try await sandbox.get("/v2/api/me")
            _ = try await sandbox.get("/v2/api/tags")
            _ = try await sandbox.get("/v1/api/contacts?size=1")
            let all = try await sandbox.control("GET", "/journal").json["data"].array
            #expect(all.count == 4)
            let second = try #require(all[1]["sequence"].int)

            let after = try await sandbox.control("GET", "/journal?after=\(second)").json["data"].array
            #expect(after.compactMap { $0["path"].string } == ["/v2/api/tags", "/v1/api/contacts?size=1"])
            #expect(try await sandbox.journal(pathPrefix: "/v2/").compactMap { $0["path"].string } == ["/v2/api/me", "/v2/api/tags"])
            #expect(try await sandbox.journal(pathPrefix: "/v1/api/contacts?size=").count == 1)
            #expect(try await sandbox.control("GET", "/journal?after=\(second)&path_prefix=%2Fv1%2F").json["data"].count == 1)
            #expect(try await sandbox.control("GET", "/journal?after=999999").json["data"].count == 0)
            let bad = try await sandbox.control("GET", "/journal?after=-1")
            #expect(bad.status == 400)
            #expect(bad.json["error"]["code"].string == "INVALID_PARAMETER")
        }
    }

    @Test("DELETE /journal empties it; later entries keep counting")
    func journalClear() async throws {
        try await withSandbox { sandbox in
            _ = try await sandbox.get("/v1/api/numbers")
            let last = try #require(try await sandbox.control("GET", "/journal").json["data"][0]["sequence"].int)
            #expect(try await sandbox.control("DELETE", "/journal").status == 204)
            #expect(try await sandbox.control("GET", "/journal").json["data"].count == 0)
            _ = try await sandbox.get("/v2/api/me")
            let entries = try await sandbox.control("GET", "/journal").json["data"]
            #expect(entries.count == 1)
            #expect((entries[0]["sequence"].int ?? 0) > last)
        }
    }

    @Test("POST /reset restores the seeded world and clears faults")
    func resetRestoresWorld() async throws {
        try await withSandbox { sandbox in
            let total = try await contactsTotal(sandbox)
            #expect(total == 60)
            let firstPage = try await sandbox.get("/v1/api/contacts").data
            let created = try await sandbox.post("/v1/api/contacts", #"{"numbers":["+14155550177"],"name":"Temporary"}"#)
            #expect(created.status == 200)
            let id = try #require(created.json["data"]["id"].string)
            #expect(try await sandbox.get("/v1/api/contact/\(id)").status == 200)
            #expect(try await contactsTotal(sandbox) == 61)
            #expect(try await sandbox.control("PUT", "/faults", json: #"{"kind":"status","status":500,"path_prefix":"/v2/"}"#).status == 200)

            let reset = try await sandbox.control("POST", "/reset")
            #expect(reset.status == 200)
            #expect(reset.json["data"]["contacts"].int == 60)

            let gone = try await sandbox.get("/v1/api/contact/\(id)")
            #expect(gone.status == 400)
            #expect(gone.json["code"].string == "CONTACT_NOT_FOUND")
            #expect(try await contactsTotal(sandbox) == 60)
            #expect(try await sandbox.get("/v1/api/contacts").data == firstPage)
            #expect(try await sandbox.control("GET", "/faults").json["data"].count == 0)
            #expect(try await sandbox.get("/v2/api/me").status == 200)
        }
    }

    @Test("PUT /rate-limits takes effect at once and GET /v2/api/me reports it")
    func rateLimitsTakeEffect() async throws {
        try await withSandbox { sandbox in
            let put = try await sandbox.control("PUT", "/rate-limits", json: #"{"read_per_second":2,"enforced":true}"#)
            #expect(put.status == 200)
            #expect(put.json["data"]["read_per_second"].int == 2)
            #expect(put.json["data"]["write_per_second"].int == 5)
            #expect(put.json["data"]["enforced"].bool == true)

            let first = try await sandbox.get("/v2/api/me")
            #expect(first.status == 200)
            #expect(first[header: "X-RateLimit-Limit"] == "2")
            #expect(first.json["data"]["rate_limits"]["read_per_second"].int == 2)
            #expect(try await sandbox.get("/v2/api/me").status == 200)
            let third = try await sandbox.get("/v2/api/me")
            #expect(third.status == 429)
            #expect(third[header: "Retry-After"] != nil)
            #expect(third.json["error"]["code"].string == "RATE_LIMIT_EXCEEDED")

            sandbox.clock.advance(by: 1)
            #expect(try await sandbox.get("/v2/api/me").status == 200)

            #expect(try await sandbox.control("PUT", "/rate-limits", json: #"{"enforced":false}"#).status == 200)
            for _ in 0..<5 { #expect(try await sandbox.get("/v2/api/me").status == 200) }
        }
    }

    @Test("PUT /rate-limits refuses non-positive limits and keeps the old ones", arguments: [
        #"{"read_per_second":0}"#, #"{"write_per_second":-1}"#, #"{"daily_quota":0}"#, #"{"read_per_second":"many"}"#,
    ])
    func rateLimitsValidation(body: String) async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.control("PUT", "/rate-limits", json: body)
            #expect(response.status == 400)
            #expect(response.json["error"]["code"].string == "INVALID_REQUEST_BODY")
            let limits = try await sandbox.control("GET", "").json["data"]["rate_limits"]
            #expect(limits["read_per_second"].int == 20)
            #expect(limits["write_per_second"].int == 5)
            #expect(limits["daily_quota"].isNull)
        }
    }

    @Test("An unknown control path or method is 404 ROUTE_NOT_FOUND in the v2 shape", arguments: [
        ("GET", "/_sandbox/nope"), ("PATCH", "/_sandbox/journal"), ("GET", "/_sandbox/reset"), ("DELETE", "/_sandbox/keys"),
        ("GET", "/_sandbox/journal/extra"),
    ])
    func unknownControlPath(method: String, path: String) async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.request(method, path, auth: .header("Bearer test-admin-token"))
            #expect(response.status == 404)
            #expect(response.json["error"]["type"].string == "not_found_error")
            #expect(response.json["error"]["code"].string == "ROUTE_NOT_FOUND")
        }
    }

    // MARK: - Helpers

    /// v1 lists give no count; at size 1 the page count is the total.
    private func contactsTotal(_ sandbox: TestSandbox) async throws -> Int? {
        try await sandbox.get("/v1/api/contacts?size=1").json["data"]["metadata"]["pagination"]["total_pages"].int
    }
}
