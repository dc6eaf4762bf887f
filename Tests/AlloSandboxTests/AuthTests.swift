import AlloSandbox
import Testing

@Suite("Authentication and scopes (§2, §3)")
struct AuthTests {
    @Test("Both the Api-Key scheme and the raw key are accepted")
    func bothAuthForms() async throws {
        try await withSandbox { sandbox in
            for auth in [TestSandbox.Auth.apiKey, .raw] {
                let v1 = try await sandbox.request("GET", "/v1/api/numbers", auth: auth)
                #expect(v1.status == 200)
                let v2 = try await sandbox.request("GET", "/v2/api/me", auth: auth)
                #expect(v2.status == 200)
                #expect(v2.json["data"]["api_key_id"].string?.hasPrefix("api-") == true)
            }
        }
    }

    @Test("A missing or malformed header is 401 in each version's shape", arguments: [
        TestSandbox.Auth.none, .header("Bearer ak_live_whatever"), .header("Api-Key"), .header("Basic dXNlcjpwYXNz"),
    ])
    func rejectedHeaders(auth: TestSandbox.Auth) async throws {
        try await withSandbox { sandbox in
            let v1 = try await sandbox.request("GET", "/v1/api/numbers", auth: auth)
            #expect(v1.status == 401)
            #expect(v1.json["code"].string == "API_KEY_INVALID")
            #expect(v1.json["details"].isNull)
            let v2 = try await sandbox.request("GET", "/v2/api/me", auth: auth)
            #expect(v2.status == 401)
            #expect(v2.json["error"]["type"].string == "authentication_error")
            #expect(["UNAUTHORIZED", "API_KEY_INVALID"].contains(v2.json["error"]["code"].string ?? ""))
            #expect(v2.json["error"]["request_id"].string?.hasPrefix("req_") == true)
            #expect(v2[header: "X-RateLimit-Limit"] != nil)
        }
    }

    @Test("An unknown key is API_KEY_INVALID; a revoked one is API_KEY_REVOKED on v2")
    func unknownAndRevokedKeys() async throws {
        try await withSandbox { sandbox in
            let unknown = try await sandbox.request("GET", "/v2/api/me", key: "ak_live_doesnotexist")
            #expect(unknown.status == 401)
            #expect(unknown.json["error"]["code"].string == "API_KEY_INVALID")

            let created = try await sandbox.control("POST", "/keys", json: #"{"name":"temp","scopes":["CONTACTS_READ"]}"#)
            #expect(created.status == 201)
            let secret = try #require(created.json["data"]["key"].string)
            let id = try #require(created.json["data"]["id"].string)
            #expect(try await sandbox.get("/v1/api/contacts", key: secret).status == 200)
            #expect(try await sandbox.control("DELETE", "/keys/\(id)").status == 204)
            let revoked = try await sandbox.get("/v2/api/me", key: secret)
            #expect(revoked.status == 401)
            #expect(revoked.json["error"]["code"].string == "API_KEY_REVOKED")
            let revokedV1 = try await sandbox.get("/v1/api/contacts", key: secret)
            #expect(revokedV1.json["code"].string == "API_KEY_INVALID")
        }
    }

    @Test("A missing scope is 403 naming the scope the endpoint needs", arguments: [
        ("GET", "/v2/api/numbers", "PHONE_NUMBERS_READ"),
        ("GET", "/v2/api/users", "USERS_READ"),
        ("GET", "/v2/api/tags", "TAGS_READ"),
        ("POST", "/v2/api/conversations/items/cll-0000000000000/tags", "TAGS_WRITE"),
    ])
    func v2ScopeErrors(method: String, path: String, scope: String) async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.request(method, path, key: sandbox.seedV1Key, json: method == "POST" ? #"{"tags":["vip"]}"# : nil)
            #expect(response.status == 403)
            #expect(response.json["error"]["type"].string == "permission_error")
            #expect(response.json["error"]["code"].string == "API_KEY_INSUFFICIENT_SCOPE")
            #expect(response.json["error"]["message"].string?.contains(scope) == true)
        }
    }

    @Test("v1 scope errors carry required=<SCOPE> in details, the scope actually required", arguments: [
        ("POST", "/v1/api/contacts", "CONTACTS_READ_WRITE"),
        ("POST", "/v1/api/sms", "SMS_SEND"),
        ("GET", "/v1/api/webhooks", "WEBHOOKS_READ_WRITE"),
    ])
    func v1ScopeErrors(method: String, path: String, scope: String) async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.request(method, path, key: sandbox.readOnlyKey, json: method == "POST" ? "{}" : nil)
            #expect(response.status == 403)
            #expect(response.json["code"].string == "API_KEY_INSUFFICIENT_SCOPE")
            #expect(response.json["details"][0]["message"].string == "required=\(scope)")
            #expect(response.json["details"][0]["field"].string == "scope")
        }
    }

    @Test("A read-write scope grants the matching read scope")
    func readWriteGrantsRead() async throws {
        try await withSandbox { sandbox in
            let created = try await sandbox.control("POST", "/keys", json: #"{"name":"rw","scopes":["CONTACTS_READ_WRITE"]}"#)
            let secret = try #require(created.json["data"]["key"].string)
            #expect(try await sandbox.get("/v1/api/contacts", key: secret).status == 200)
            #expect(try await sandbox.get("/v1/api/contact/cnt_nobody", key: secret).json["code"].string == "CONTACT_NOT_FOUND")
        }
    }

    @Test("/v2/api/me reports the key's scopes, only the endpoints it may call, and its rate limits")
    func meDescribesTheKey() async throws {
        try await withSandbox(rateLimits: RateLimitsFixture.standard) { sandbox in
            let me = try await sandbox.get("/v2/api/me", key: sandbox.seedV1Key).json["data"]
            #expect(Set(me["scopes"].array.compactMap(\.string))
                    == ["WEBHOOKS_READ_WRITE", "CONVERSATIONS_READ", "CONTACTS_READ", "CONTACTS_READ_WRITE", "SMS_SEND"])
            let paths = me["endpoints"].array.map { "\($0["method"].string ?? "") \($0["path"].string ?? "")" }
            #expect(paths.contains("GET /v2/api/me"))
            #expect(paths.contains("GET /v2/api/conversations"))
            #expect(paths.contains("PUT /v2/api/conversations/{contact_number}/action"))
            #expect(!paths.contains("GET /v2/api/numbers"))
            #expect(!paths.contains("GET /v2/api/users"))
            #expect(me["team"]["id"].string?.hasPrefix("team-") == true)
            #expect(me["rate_limits"]["read_per_second"].int == 20)
            #expect(me["rate_limits"]["write_per_second"].int == 5)

            let full = try await sandbox.get("/v2/api/me").json["data"]
            #expect(full["endpoints"].count == 18)
            #expect(full["scopes"].count == 22)
        }
    }

    @Test("The default keys look like real ones and follow the seed")
    func defaultKeys() async throws {
        let a = APIKey.defaults(seed: 42), b = APIKey.defaults(seed: 42), c = APIKey.defaults(seed: 43)
        #expect(a.map(\.name) == ["full", "seed-v1", "read-only"])
        #expect(a.allSatisfy { $0.secret.hasPrefix("ak_live_") && $0.secret.count == 40 })
        #expect(a == b)
        #expect(a.map(\.secret) != c.map(\.secret))
        try await withSandbox(seed: 42) { sandbox in
            #expect(sandbox.server.keys == a)
        }
    }
}

enum RateLimitsFixture {
    static let standard = RateLimits(readsPerSecond: 20, writesPerSecond: 5, enforced: true)
}
