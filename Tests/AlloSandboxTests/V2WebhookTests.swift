import Foundation
import Testing

@Suite("v2 webhooks")
struct V2WebhookTests {
    private static let listedKeys: Set<String> = ["id", "url", "topics", "description", "enabled", "created_at"]
    private static let eventTypes: Set<String> = [
        "call.received", "call.triggered", "call.answered", "call.completed", "tag.added", "tag.removed",
        "sms.received", "sms.sent", "contact.created", "contact.updated", "summary.updated",
    ]
    private static let createBody =
        #"{"url":"https://example.com/webhooks/allo","topics":["call.completed","sms.received"],"description":"Production event stream"}"#

    // MARK: - Create, list, get

    @Test("Create answers 201 with an ep_ id, the given fields, enabled true, created_at and a whsec_ secret")
    func create() async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.post("/v2/api/webhooks", Self.createBody)
            #expect(response.status == 201)
            let endpoint = response.json["data"]
            #expect(endpoint.keys == Self.listedKeys.union(["signing_secret"]))
            #expect(endpoint["id"].string?.hasPrefix("ep_") == true)
            #expect(endpoint["url"].string == "https://example.com/webhooks/allo")
            #expect(endpoint["topics"].array.compactMap(\.string) == ["call.completed", "sms.received"])
            #expect(endpoint["description"].string == "Production event stream")
            #expect(endpoint["enabled"].bool == true)
            #expect(endpoint["created_at"].string == "2026-11-18T11:16:40Z")
            let secret = try #require(endpoint["signing_secret"].string)
            #expect(secret.hasPrefix("whsec_"))
            let key = try #require(Data(base64Encoded: String(secret.dropFirst("whsec_".count))))
            #expect(key.count == 24)
        }
    }

    @Test("Each endpoint gets its own id and secret; description defaults to null")
    func distinctEndpoints() async throws {
        try await withSandbox { sandbox in
            let body = #"{"url":"https://example.com/a","topics":["sms.sent"]}"#
            let a = try await sandbox.post("/v2/api/webhooks", body).json["data"]
            let b = try await sandbox.post("/v2/api/webhooks", body).json["data"]
            #expect(a["description"].isNull)
            #expect(a["id"] != b["id"])
            #expect(a["signing_secret"] != b["signing_secret"])
        }
    }

    @Test("The list shows every endpoint without its secret and without pagination")
    func list() async throws {
        try await withSandbox { sandbox in
            let empty = try await sandbox.get("/v2/api/webhooks")
            #expect(empty.status == 200)
            #expect(empty.json.keys == ["data"])
            #expect(empty.json["data"].count == 0)

            let created = try await sandbox.post("/v2/api/webhooks", Self.createBody).json["data"]
            let second = try await sandbox.post("/v2/api/webhooks", #"{"url":"https://example.com/b","topics":["tag.added"]}"#).json["data"]
            let listed = try await sandbox.get("/v2/api/webhooks")
            #expect(listed.json.keys == ["data"])
            let endpoints = listed.json["data"].array
            #expect(endpoints.compactMap { $0["id"].string } == [created["id"].string, second["id"].string].compactMap { $0 })
            for endpoint in endpoints { #expect(endpoint.keys == Self.listedKeys) }
            #expect(endpoints.first?["topics"] == created["topics"])
            #expect(endpoints.first?["created_at"] == created["created_at"])
            #expect(!listed.text.contains("whsec_"))
        }
    }

    @Test("Get by id shows the endpoint with its signing secret")
    func getByID() async throws {
        try await withSandbox { sandbox in
            let created = try await sandbox.post("/v2/api/webhooks", Self.createBody).json["data"]
            let id = try #require(created["id"].string)
            let response = try await sandbox.get("/v2/api/webhooks/\(id)")
            #expect(response.status == 200)
            #expect(response.json["data"] == created)
        }
    }

    // MARK: - Update and delete

    @Test("Update changes only the given fields, replaces topics, and does not show the secret")
    func partialUpdate() async throws {
        try await withSandbox { sandbox in
            let created = try await sandbox.post("/v2/api/webhooks", Self.createBody).json["data"]
            let id = try #require(created["id"].string)
            let path = "/v2/api/webhooks/\(id)"

            let topics = try await sandbox.request("PUT", path, json: #"{"topics":["tag.added","tag.removed"]}"#)
            #expect(topics.status == 200)
            #expect(topics.json["data"].keys == Self.listedKeys)
            #expect(topics.json["data"]["topics"].array.compactMap(\.string) == ["tag.added", "tag.removed"])
            #expect(topics.json["data"]["description"] == created["description"])
            #expect(topics.json["data"]["url"] == created["url"])
            #expect(topics.json["data"]["enabled"].bool == true)

            let description = try await sandbox.request("PUT", path, json: #"{"description":"Staging"}"#)
            #expect(description.json["data"]["description"].string == "Staging")
            #expect(description.json["data"]["topics"].array.compactMap(\.string) == ["tag.added", "tag.removed"])

            let disabled = try await sandbox.request("PUT", path, json: #"{"enabled":false}"#)
            #expect(disabled.status == 200)
            #expect(disabled.json["data"]["enabled"].bool == false)
            #expect(disabled.json["data"]["description"].string == "Staging")
            #expect(!disabled.text.contains("whsec_"))

            let url = try await sandbox.request("PUT", path, json: #"{"url":"https://hooks.example.org/allo"}"#)
            #expect(url.json["data"]["url"].string == "https://hooks.example.org/allo")

            let fetched = try await sandbox.get(path).json["data"]
            #expect(fetched["signing_secret"] == created["signing_secret"])
            #expect(fetched["created_at"] == created["created_at"])
            #expect(fetched["enabled"].bool == false)
            #expect(fetched["url"].string == "https://hooks.example.org/allo")
            #expect(fetched["topics"].array.compactMap(\.string) == ["tag.added", "tag.removed"])
        }
    }

    @Test("A bad update is rejected and changes nothing")
    func badUpdate() async throws {
        try await withSandbox { sandbox in
            let created = try await sandbox.post("/v2/api/webhooks", Self.createBody).json["data"]
            let id = try #require(created["id"].string)
            let cases: [(String, String)] = [
                (#"{"topics":["call.finished"],"description":"changed"}"#, "INVALID_EVENT_TYPE"),
                (#"{"topics":[]}"#, "INVALID_EVENT_TYPE"),
                (#"{"url":"http://example.com/hook"}"#, "INVALID_REQUEST_BODY"),
                (#"{"enabled":"no"}"#, "INVALID_REQUEST_BODY"),
            ]
            for (body, code) in cases {
                let response = try await sandbox.request("PUT", "/v2/api/webhooks/\(id)", json: body)
                #expect(response.status == 400, "\(body)")
                #expect(response.json["error"]["code"].string == code, "\(body)")
            }
            #expect(try await sandbox.get("/v2/api/webhooks/\(id)").json["data"] == created)
        }
    }

    @Test("Delete answers 204 with no body; the endpoint is then 404 ENDPOINT_NOT_FOUND everywhere")
    func delete() async throws {
        try await withSandbox { sandbox in
            let created = try await sandbox.post("/v2/api/webhooks", Self.createBody).json["data"]
            let id = try #require(created["id"].string)
            let deleted = try await sandbox.request("DELETE", "/v2/api/webhooks/\(id)")
            #expect(deleted.status == 204)
            #expect(deleted.data.isEmpty)
            #expect(try await sandbox.get("/v2/api/webhooks").json["data"].count == 0)

            for (method, json) in [("GET", nil), ("PUT", #"{"enabled":true}"#), ("DELETE", nil)] as [(String, String?)] {
                let response = try await sandbox.request(method, "/v2/api/webhooks/\(id)", json: json)
                #expect(response.status == 404, "\(method)")
                #expect(response.json["error"]["type"].string == "not_found_error")
                #expect(response.json["error"]["code"].string == "ENDPOINT_NOT_FOUND", "\(method)")
                #expect(response.json["error"]["retryable"].bool == false)
            }
        }
    }

    // MARK: - Validation

    @Test("Unknown or empty topics are 400 INVALID_EVENT_TYPE", arguments: [
        #"{"url":"https://example.com/h","topics":["call.finished"]}"#,
        #"{"url":"https://example.com/h","topics":["call.completed","CALL_RECEIVED"]}"#,
        #"{"url":"https://example.com/h","topics":[]}"#,
        #"{"url":"https://example.com/h"}"#,
    ])
    func invalidTopics(body: String) async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.post("/v2/api/webhooks", body)
            #expect(response.status == 400)
            #expect(response.json["error"]["type"].string == "validation_error")
            #expect(response.json["error"]["code"].string == "INVALID_EVENT_TYPE")
            #expect(response.json["error"]["param"].string == "topics")
            #expect(try await sandbox.get("/v2/api/webhooks").json["data"].count == 0)
        }
    }

    @Test("The url must be https, or http on a loopback host", arguments: [
        "http://example.com/hook", "ftp://example.com/hook", "not a url", "https://", "/relative/path",
    ])
    func rejectedURL(url: String) async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.post("/v2/api/webhooks", #"{"url":"\#(url)","topics":["sms.received"]}"#)
            #expect(response.status == 400)
            #expect(response.json["error"]["code"].string == "INVALID_REQUEST_BODY")
            #expect(response.json["error"]["param"].string == "url")
            #expect(try await sandbox.get("/v2/api/webhooks").json["data"].count == 0)
        }
    }

    @Test("A missing url is 400 INVALID_REQUEST_BODY naming url")
    func missingURL() async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.post("/v2/api/webhooks", #"{"topics":["sms.received"]}"#)
            #expect(response.status == 400)
            #expect(response.json["error"]["code"].string == "INVALID_REQUEST_BODY")
            #expect(response.json["error"]["param"].string == "url")
        }
    }

    @Test("Plain http is accepted for loopback hosts", arguments: [
        "http://127.0.0.1:9/hook", "http://localhost:8080/hook", "http://[::1]:9/hook",
    ])
    func loopbackURL(url: String) async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.post("/v2/api/webhooks", #"{"url":"\#(url)","topics":["sms.received"]}"#)
            #expect(response.status == 201)
            #expect(response.json["data"]["url"].string == url)
        }
    }

    // MARK: - Event types

    @Test("Event types list the eleven documented topics with descriptions")
    func eventTypes() async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.get("/v2/api/webhooks/event_types")
            #expect(response.status == 200)
            #expect(response.json.keys == ["data"])
            let types = response.json["data"].array
            #expect(types.count == 11)
            #expect(Set(types.compactMap { $0["name"].string }) == Self.eventTypes)
            for type in types {
                #expect(type.keys == ["name", "description"])
                #expect(type["description"].string?.isEmpty == false)
            }
        }
    }

    @Test("event_types is a route of its own, never taken for an endpoint id")
    func eventTypesIsNotAnID() async throws {
        try await withSandbox { sandbox in
            _ = try await sandbox.post("/v2/api/webhooks", Self.createBody)
            let get = try await sandbox.get("/v2/api/webhooks/event_types")
            #expect(get.status == 200)
            #expect(get.json["data"].array.allSatisfy { $0["name"].string != nil && $0["id"].isMissing })
            for method in ["PUT", "DELETE"] {
                let response = try await sandbox.request(method, "/v2/api/webhooks/event_types", json: method == "PUT" ? "{}" : nil)
                #expect(response.status == 405, "\(method)")
                #expect(response.json["error"]["code"].string == "METHOD_NOT_ALLOWED")
                #expect(response[header: "Allow"] == "GET")
            }
            #expect(try await sandbox.get("/v2/api/webhooks").json["data"].count == 1)
        }
    }

    // MARK: - Idempotency

    @Test("The same Idempotency-Key on the same endpoint creates one endpoint and replays the first reply")
    func idempotentCreate() async throws {
        try await withSandbox { sandbox in
            let headers = ["Idempotency-Key": "create-hook-1"]
            let first = try await sandbox.request("POST", "/v2/api/webhooks", json: Self.createBody, headers: headers)
            #expect(first.status == 201)
            #expect(first[header: "Idempotency-Replayed"] == nil)
            let second = try await sandbox.request("POST", "/v2/api/webhooks", json: Self.createBody, headers: headers)
            #expect(second.status == 201)
            #expect(second[header: "Idempotency-Replayed"] == "true")
            #expect(second.data == first.data)
            #expect(second[header: "X-Request-Id"] != nil)
            #expect(try await sandbox.get("/v2/api/webhooks").json["data"].count == 1)

            let other = try await sandbox.request("POST", "/v2/api/webhooks", json: Self.createBody, headers: ["Idempotency-Key": "create-hook-2"])
            #expect(other.status == 201)
            #expect(other[header: "Idempotency-Replayed"] == nil)
            #expect(other.json["data"]["id"] != first.json["data"]["id"])
            #expect(try await sandbox.get("/v2/api/webhooks").json["data"].count == 2)
        }
    }

    @Test("Reusing a key on another endpoint is 409 IDEMPOTENCY_KEY_REUSE and does nothing")
    func keyReusedElsewhere() async throws {
        try await withSandbox { sandbox in
            let headers = ["Idempotency-Key": "shared-key"]
            #expect(try await sandbox.request("POST", "/v2/api/webhooks", json: Self.createBody, headers: headers).status == 201)
            let conversations = try await sandbox.get("/v2/api/conversations?allo_number=%2B33184807512&size=100").json["data"].array
            let number = try #require(conversations.first?["contact_number"].string)
            let path = "/v2/api/conversations/\(number.replacingOccurrences(of: "+", with: "%2B"))/action"

            let reuse = try await sandbox.request("PUT", path, json: #"{"action":"ARCHIVE"}"#, headers: headers)
            #expect(reuse.status == 409)
            #expect(reuse.json["error"]["type"].string == "conflict_error")
            #expect(reuse.json["error"]["code"].string == "IDEMPOTENCY_KEY_REUSE")
            #expect(reuse[header: "Idempotency-Replayed"] == nil)
            let after = try await sandbox.get("/v2/api/conversations?allo_number=%2B33184807512&size=100").json["data"].array
            #expect(after.contains { $0["contact_number"].string == number })

            // The same method on another resource is another endpoint too.
            let hook = try #require(try await sandbox.get("/v2/api/webhooks").json["data"][0]["id"].string)
            let put = try await sandbox.request("PUT", "/v2/api/webhooks/\(hook)", json: #"{"enabled":false}"#, headers: headers)
            #expect(put.status == 409)
            #expect(put.json["error"]["code"].string == "IDEMPOTENCY_KEY_REUSE")
        }
    }

    @Test("A 4xx reply does not consume the key")
    func failureDoesNotConsumeKey() async throws {
        try await withSandbox { sandbox in
            let headers = ["Idempotency-Key": "retry-after-fix"]
            let bad = try await sandbox.request("POST", "/v2/api/webhooks", json: #"{"url":"https://example.com/h","topics":["nope"]}"#,
                                                headers: headers)
            #expect(bad.status == 400)
            let fixed = try await sandbox.request("POST", "/v2/api/webhooks", json: Self.createBody, headers: headers)
            #expect(fixed.status == 201)
            #expect(fixed[header: "Idempotency-Replayed"] == nil)
            let replay = try await sandbox.request("POST", "/v2/api/webhooks", json: Self.createBody, headers: headers)
            #expect(replay[header: "Idempotency-Replayed"] == "true")
            #expect(replay.data == fixed.data)
            #expect(try await sandbox.get("/v2/api/webhooks").json["data"].count == 1)

            // A 4xx on another endpoint does not consume a fresh key either.
            let missing = try await sandbox.request("DELETE", "/v2/api/webhooks/ep_doesnotexist", headers: ["Idempotency-Key": "fresh"])
            #expect(missing.status == 404)
            let create = try await sandbox.request("POST", "/v2/api/webhooks", json: Self.createBody, headers: ["Idempotency-Key": "fresh"])
            #expect(create.status == 201)
        }
    }

    @Test("A stored reply is replayed for an hour, then the key is free again")
    func keyExpiresAfterAnHour() async throws {
        try await withSandbox { sandbox in
            let headers = ["Idempotency-Key": "hourly"]
            let first = try await sandbox.request("POST", "/v2/api/webhooks", json: Self.createBody, headers: headers)
            sandbox.clock.advance(by: 3599)
            let replay = try await sandbox.request("POST", "/v2/api/webhooks", json: Self.createBody, headers: headers)
            #expect(replay[header: "Idempotency-Replayed"] == "true")
            #expect(replay.data == first.data)
            sandbox.clock.advance(by: 2)
            let fresh = try await sandbox.request("POST", "/v2/api/webhooks", json: Self.createBody, headers: headers)
            #expect(fresh.status == 201)
            #expect(fresh[header: "Idempotency-Replayed"] == nil)
            #expect(fresh.json["data"]["id"] != first.json["data"]["id"])
            #expect(try await sandbox.get("/v2/api/webhooks").json["data"].count == 2)
        }
    }

    @Test("A key sent on a GET is ignored and stays free for a write")
    func keyOnReadIsIgnored() async throws {
        try await withSandbox { sandbox in
            let headers = ["Idempotency-Key": "read-first"]
            #expect(try await sandbox.request("GET", "/v2/api/webhooks", headers: headers).status == 200)
            let create = try await sandbox.request("POST", "/v2/api/webhooks", json: Self.createBody, headers: headers)
            #expect(create.status == 201)
            #expect(create[header: "Idempotency-Replayed"] == nil)
        }
    }

    @Test("A replayed DELETE answers 204 again instead of 404")
    func idempotentDelete() async throws {
        try await withSandbox { sandbox in
            let id = try #require(try await sandbox.post("/v2/api/webhooks", Self.createBody).json["data"]["id"].string)
            let headers = ["Idempotency-Key": "delete-once"]
            let first = try await sandbox.request("DELETE", "/v2/api/webhooks/\(id)", headers: headers)
            #expect(first.status == 204)
            let second = try await sandbox.request("DELETE", "/v2/api/webhooks/\(id)", headers: headers)
            #expect(second.status == 204)
            #expect(second[header: "Idempotency-Replayed"] == "true")
            let plain = try await sandbox.request("DELETE", "/v2/api/webhooks/\(id)")
            #expect(plain.status == 404)
        }
    }

    @Test("Keys are per API key: another key with the same Idempotency-Key is not a replay")
    func keysArePerAPIKey() async throws {
        try await withSandbox { sandbox in
            let created = try await sandbox.control("POST", "/keys", json: #"{"name":"hooks","scopes":["WEBHOOKS_READ_WRITE"]}"#)
            let other = try #require(created.json["data"]["key"].string)
            let headers = ["Idempotency-Key": "same-string"]
            let mine = try await sandbox.request("POST", "/v2/api/webhooks", json: Self.createBody, headers: headers)
            let theirs = try await sandbox.request("POST", "/v2/api/webhooks", key: other, json: Self.createBody, headers: headers)
            #expect(mine.status == 201)
            #expect(theirs.status == 201)
            #expect(theirs[header: "Idempotency-Replayed"] == nil)
            #expect(theirs.json["data"]["id"] != mine.json["data"]["id"])
        }
    }

    @Test("The same key with another body is 409 IDEMPOTENCY_KEY_REUSE and creates nothing")
    func keyReusedWithAnotherBody() async throws {
        try await withSandbox { sandbox in
            let headers = ["Idempotency-Key": "body-bound"]
            #expect(try await sandbox.request("POST", "/v2/api/webhooks", json: Self.createBody, headers: headers).status == 201)
            let changed = try await sandbox.request("POST", "/v2/api/webhooks",
                                                    json: #"{"url":"https://example.com/other","topics":["sms.sent"]}"#, headers: headers)
            #expect(changed.status == 409)
            #expect(changed.json["error"]["code"].string == "IDEMPOTENCY_KEY_REUSE")
            #expect(try await sandbox.get("/v2/api/webhooks").json["data"].count == 1)
        }
    }

    @Test("An Idempotency-Key longer than 255 bytes is refused, not cut short", arguments: [256, 300])
    func overlongKey(length: Int) async throws {
        try await withSandbox { sandbox in
            let key = String(repeating: "k", count: length)
            let response = try await sandbox.request("POST", "/v2/api/webhooks", json: Self.createBody, headers: ["Idempotency-Key": key])
            #expect(response.status == 400)
            #expect(response.json["error"]["param"].string == "Idempotency-Key")
            #expect(try await sandbox.get("/v2/api/webhooks").json["data"].count == 0)
        }
    }
}
