@testable import AlloCLI
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite("allo webhooks, allo webhooks endpoints")
struct WebhooksTests {
    static let hook = "https://example.com/hooks/allo"

    /// What the sandbox answers for `GET path` with the full key: the `data` inside the envelope.
    static func raw(_ sandbox: CLISandbox, _ path: String) async throws -> Any? {
        var request = URLRequest(url: URL(string: sandbox.server.baseURL.absoluteString + path)!)
        request.setValue("Api-Key \(sandbox.fullKey)", forHTTPHeaderField: "Authorization")
        let (data, _) = try await URLSession.shared.data(for: request)
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["data"]
    }

    static func bodyObject(_ body: String) -> [String: Any] {
        ((try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any]) ?? [:]
    }

    /// Creates a v2 endpoint through allo and returns its id.
    static func createEndpoint(_ sandbox: CLISandbox, topics: String = "call.completed,sms.received") async -> String {
        let run = await sandbox.run("webhooks", "endpoints", "create", "--url", hook, "--topic", topics,
                                    "--description", "Production event stream", "--json")
        return run.jsonObject["id"] as? String ?? ""
    }

    // MARK: v1

    @Test("webhooks create: sends allo_number, url, topics and enabled; prints the webhook for people and as JSON")
    func v1Create() async throws {
        try await withCLISandbox { sandbox in
            let human = await sandbox.run("webhooks", "create", "--allo-number", CLISandbox.usLine, "--url", Self.hook,
                                          "--topic", "CALL_RECEIVED", "--topic", "sms_received,SMS_SENT")
            #expect(human.exitStatus == 0, "\(human.err)")
            #expect(human.out.contains("allo number: \(CLISandbox.usLine)"))
            #expect(human.out.contains("topics:      CALL_RECEIVED, SMS_RECEIVED, SMS_SENT"))
            #expect(human.out.contains("enabled:     yes"))
            #expect(human.err.contains("created the v1 webhook of \(CLISandbox.usLine)"))

            let requests = try await sandbox.journal(pathPrefix: "/v1/api/webhooks")
            #expect(requests.count == 1)
            #expect(requests.first?.method == "POST")
            #expect(requests.first?.path == "/v1/api/webhooks")
            let body = Self.bodyObject(requests.first?.body ?? "")
            #expect(body["allo_number"] as? String == CLISandbox.usLine)
            #expect(body["url"] as? String == Self.hook)
            #expect(body["topics"] as? [String] == ["CALL_RECEIVED", "SMS_RECEIVED", "SMS_SENT"])
            #expect(body["enabled"] as? Bool == true)

            let json = await sandbox.run("webhooks", "create", "--allo-number", CLISandbox.usLine, "--url", Self.hook,
                                         "--topic", "PING", "--disabled", "--json")
            #expect(json.exitStatus == 0, "\(json.err)")
            #expect((json.jsonObject["id"] as? String)?.hasPrefix("web-") == true)
            #expect(json.jsonObject["allo_number"] as? String == CLISandbox.usLine)
            #expect(json.jsonObject["enabled"] as? Bool == false)
            #expect(json.jsonObject["topics"] as? [String] == ["PING"])
            #expect(json.jsonObject["data"] == nil)
            let second = try await sandbox.journal(pathPrefix: "/v1/api/webhooks").last
            #expect(Self.bodyObject(second?.body ?? "")["enabled"] as? Bool == false)
        }
    }

    @Test("webhooks create: without --allo-number the profile's allo_number is used")
    func v1CreateUsesProfileNumber() async throws {
        try await withCLISandbox { sandbox in
            let folder = sandbox.home.appendingPathComponent("config/allo")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let file = folder.appendingPathComponent("config.toml")
            try "[profiles.default]\nallo_number = \"\(CLISandbox.usLine)\"\n".write(to: file, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)

            let run = await sandbox.run("webhooks", "create", "--url", Self.hook, "--topic", "SMS_RECEIVED", "--json")
            #expect(run.exitStatus == 0, "\(run.err)")
            #expect(run.jsonObject["allo_number"] as? String == CLISandbox.usLine)
            let body = Self.bodyObject(try await sandbox.journal(pathPrefix: "/v1/api/webhooks").first?.body ?? "")
            #expect(body["allo_number"] as? String == CLISandbox.usLine)
        }
    }

    @Test("webhooks create: bad input is a usage error (exit 2) and nothing is requested")
    func v1CreateUsageErrors() async throws {
        try await withCLISandbox { sandbox in
            let line = CLISandbox.usLine
            let cases: [([String], String)] = [
                (["--allo-number", line, "--url", Self.hook], "at least one --topic"),
                (["--allo-number", line, "--url", "ftp://example.com/x", "--topic", "PING"], "not an http(s) URL"),
                (["--allo-number", line, "--url", "https://", "--topic", "PING"], "not an http(s) URL"),
                (["--allo-number", line, "--url", Self.hook, "--topic", "call.received"], "is a v2 topic"),
                (["--allo-number", line, "--url", Self.hook, "--topic", "sms received"], "is not a v1 topic"),
                (["--allo-number", "0612345678", "--url", Self.hook, "--topic", "PING"], "not an E.164 number"),
                (["--url", Self.hook, "--topic", "PING"], "no Allo number given"),
            ]
            for (arguments, message) in cases {
                let run = await runAllo(["webhooks", "create"] + arguments, variables: sandbox.variables())
                #expect(run.exitStatus == 2, "\(arguments): \(run.err)")
                #expect(run.err.contains(message), "\(arguments): \(run.err)")
                #expect(run.out.isEmpty)
            }
            let requests = try await sandbox.journal(pathPrefix: "/v1/api/webhooks")
            #expect(requests.isEmpty)
        }
    }

    @Test("webhooks create: an unknown UPPER_CASE topic is sent as given with a note, and the API's refusal is exit 1")
    func v1CreateUnknownTopicIsSentWithNote() async throws {
        try await withCLISandbox { sandbox in
            let run = await sandbox.run("webhooks", "create", "--allo-number", CLISandbox.usLine, "--url", Self.hook,
                                        "--topic", "call_missed")
            #expect(run.err.contains("allo does not know the topic CALL_MISSED"))
            #expect(run.exitStatus == 1)
            #expect(run.err.contains("error: INVALID_EVENT_TYPE (HTTP 400)"))
            let body = Self.bodyObject(try await sandbox.journal(pathPrefix: "/v1/api/webhooks").first?.body ?? "")
            #expect(body["topics"] as? [String] == ["CALL_MISSED"])
        }
    }

    @Test("webhooks list: a table for people, a bare array in the API's shape as JSON")
    func v1List() async throws {
        try await withCLISandbox { sandbox in
            let empty = await sandbox.run("webhooks", "list")
            #expect(empty.exitStatus == 0, "\(empty.err)")
            #expect(empty.err.contains("no v1 webhooks"))
            let emptyJSON = await sandbox.run("webhooks", "list", "--json")
            #expect(emptyJSON.out.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]"
                    || emptyJSON.out.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")

            let created = await sandbox.run("webhooks", "create", "--allo-number", CLISandbox.usLine, "--url", Self.hook,
                                            "--topic", "SMS_RECEIVED", "--json")
            let id = try #require(created.jsonObject["id"] as? String)

            let human = await sandbox.run("webhooks", "list")
            #expect(human.exitStatus == 0, "\(human.err)")
            let lines = human.out.split(separator: "\n")
            #expect(lines.first?.hasPrefix("ID") == true)
            #expect(lines.first?.contains("ALLO NUMBER") == true)
            #expect(lines.count == 2)
            #expect(human.out.contains(id))
            #expect(human.out.contains(Self.hook))
            #expect(human.out.contains("SMS_RECEIVED"))

            let json = await sandbox.run("webhooks", "list", "--json")
            #expect(json.exitStatus == 0)
            #expect(json.jsonArray.count == 1)
            let rawAnswer = try await Self.raw(sandbox, "/v1/api/webhooks")
            let raw = try #require(rawAnswer as? [[String: Any]])
            #expect(Set(json.jsonArray[0].keys) == Set(raw[0].keys))
            #expect(Set(json.jsonArray[0].keys).isSuperset(of: ["allo_number", "enabled", "url", "topics"]))
            #expect(json.jsonArray[0]["allo_number"] as? String == CLISandbox.usLine)
        }
    }

    @Test("webhooks delete: a note on stderr, nothing on stdout (also with --json); an unknown id is exit 1 with HTTP 404")
    func v1Delete() async throws {
        try await withCLISandbox { sandbox in
            let first = await sandbox.run("webhooks", "create", "--allo-number", CLISandbox.usLine, "--url", Self.hook,
                                          "--topic", "PING", "--json")
            let id = try #require(first.jsonObject["id"] as? String)
            let human = await sandbox.run("webhooks", "delete", id)
            #expect(human.exitStatus == 0, "\(human.err)")
            #expect(human.out.isEmpty)
            #expect(human.err == "deleted webhook \(id)\n")
            let request = try await sandbox.journal(pathPrefix: "/v1/api/webhooks/").first
            #expect(request?.method == "DELETE")
            #expect(request?.path == "/v1/api/webhooks/\(id)")
            #expect((await sandbox.run("webhooks", "list", "--json")).jsonArray.isEmpty)

            let again = await sandbox.run("webhooks", "create", "--allo-number", CLISandbox.usLine, "--url", Self.hook,
                                          "--topic", "PING", "--json")
            let secondID = try #require(again.jsonObject["id"] as? String)
            let json = await sandbox.run("webhooks", "delete", secondID, "--json")
            #expect(json.exitStatus == 0, "\(json.err)")
            #expect(json.out.isEmpty)

            let missing = await sandbox.run("webhooks", "delete", "web-doesnotexist")
            #expect(missing.exitStatus == 1)
            #expect(missing.err.hasPrefix("error: WEBHOOK_NOT_FOUND (HTTP 404)"), "\(missing.err)")
            #expect(missing.out.isEmpty)
        }
    }

    @Test("webhooks: a key without WEBHOOKS_READ_WRITE is exit 4 with a hint naming the scope")
    func v1MissingScope() async throws {
        try await withCLISandbox { sandbox in
            let list = await sandbox.run("webhooks", "list", key: "read-only")
            #expect(list.exitStatus == 4)
            #expect(list.err.contains("(HTTP 403)"))
            #expect(list.err.contains("hint: the key lacks the scope WEBHOOKS_READ_WRITE"), "\(list.err)")

            let create = await sandbox.run("webhooks", "create", "--allo-number", CLISandbox.usLine, "--url", Self.hook,
                                           "--topic", "PING", key: "read-only")
            #expect(create.exitStatus == 4)
            #expect(create.err.contains("WEBHOOKS_READ_WRITE"))
        }
    }

    // MARK: v2

    @Test("endpoints create: sends url, topics and description; shows the signing secret for people and in JSON")
    func v2Create() async throws {
        try await withCLISandbox { sandbox in
            let human = await sandbox.run("webhooks", "endpoints", "create", "--url", Self.hook,
                                          "--topic", "call.completed", "--topic", "SMS.RECEIVED",
                                          "--description", "Production event stream")
            #expect(human.exitStatus == 0, "\(human.err)")
            #expect(human.out.contains("signing secret: whsec_"))
            #expect(human.out.contains("topics:         call.completed, sms.received"))
            #expect(human.out.contains("description:    Production event stream"))
            #expect(human.err.contains("keep its signing secret"))

            let requestAnswer = try await sandbox.journal(pathPrefix: "/v2/api/webhooks")
            let request = try #require(requestAnswer.first)
            #expect(request.method == "POST")
            #expect(request.path == "/v2/api/webhooks")
            let body = Self.bodyObject(request.body)
            #expect(body["url"] as? String == Self.hook)
            #expect(body["topics"] as? [String] == ["call.completed", "sms.received"])
            #expect(body["description"] as? String == "Production event stream")
            #expect(body.count == 3)

            let json = await sandbox.run("webhooks", "endpoints", "create", "--url", Self.hook, "--topic", "sms.sent", "--json")
            #expect(json.exitStatus == 0, "\(json.err)")
            let id = try #require(json.jsonObject["id"] as? String)
            #expect(id.hasPrefix("ep_"))
            #expect((json.jsonObject["signing_secret"] as? String)?.hasPrefix("whsec_") == true)
            #expect(json.jsonObject["enabled"] as? Bool == true)
            #expect(json.jsonObject["created_at"] is String)
            let body2 = Self.bodyObject(try await sandbox.journal(pathPrefix: "/v2/api/webhooks").last?.body ?? "")
            #expect(body2["description"] == nil)
        }
    }

    @Test("endpoints create/update: bad input is a usage error (exit 2) and nothing is requested")
    func v2UsageErrors() async throws {
        try await withCLISandbox { sandbox in
            let cases: [([String], String)] = [
                (["create", "--url", Self.hook], "at least one --topic"),
                (["create", "--url", "example.com/hooks", "--topic", "sms.sent"], "not an http(s) URL"),
                (["create", "--url", Self.hook, "--topic", "SMS_RECEIVED"], "did you mean sms.received?"),
                (["create", "--url", Self.hook, "--topic", "sms"], "is not a v2 topic"),
                (["update", "ep_x"], "nothing to change"),
                (["update", "ep_x", "--enable", "--disable"], "cannot go together"),
                (["update", "ep_x", "--url", "mailto:me@example.com"], "not an http(s) URL"),
                (["update", "ep_x", "--topic", "CALL_COMPLETED"], "did you mean call.completed?"),
                (["get"], "Missing expected argument"),
            ]
            for (arguments, message) in cases {
                let run = await runAllo(["webhooks", "endpoints"] + arguments, variables: sandbox.variables())
                #expect(run.exitStatus == 2, "\(arguments): \(run.err)")
                #expect(run.err.contains(message), "\(arguments): \(run.err)")
            }
            let requests = try await sandbox.journal(pathPrefix: "/v2/api/webhooks")
            #expect(requests.isEmpty)
        }
    }

    @Test("endpoints create: an unknown dotted topic is sent as given with a note; the API's INVALID_EVENT_TYPE is exit 1")
    func v2CreateUnknownTopic() async throws {
        try await withCLISandbox { sandbox in
            let run = await sandbox.run("webhooks", "endpoints", "create", "--url", Self.hook, "--topic", "note.created")
            #expect(run.err.contains("allo does not know the topic note.created"))
            #expect(run.exitStatus == 1)
            #expect(run.err.contains("error: INVALID_EVENT_TYPE (HTTP 400)"), "\(run.err)")
            let body = Self.bodyObject(try await sandbox.journal(pathPrefix: "/v2/api/webhooks").first?.body ?? "")
            #expect(body["topics"] as? [String] == ["note.created"])
        }
    }

    @Test("endpoints list: a table for people, a bare array without secrets in the API's shape as JSON")
    func v2List() async throws {
        try await withCLISandbox { sandbox in
            let empty = await sandbox.run("webhooks", "endpoints", "list")
            #expect(empty.exitStatus == 0, "\(empty.err)")
            #expect(empty.err.contains("no webhook endpoints"))

            let id = await Self.createEndpoint(sandbox)
            _ = await sandbox.run("webhooks", "endpoints", "create", "--url", "https://example.org/b", "--topic", "tag.added")
            let human = await sandbox.run("webhooks", "endpoints", "list")
            #expect(human.exitStatus == 0, "\(human.err)")
            let lines = human.out.split(separator: "\n")
            #expect(lines.first?.hasPrefix("ID") == true)
            #expect(lines.count == 3)
            #expect(human.out.contains(id))
            #expect(human.out.contains("call.completed,sms.received"))
            #expect(human.out.contains("Production event stream"))
            #expect(!human.out.contains("whsec_"))

            let json = await sandbox.run("webhooks", "endpoints", "list", "--json")
            #expect(json.exitStatus == 0)
            #expect(json.jsonArray.count == 2)
            #expect(json.jsonArray.allSatisfy { $0["signing_secret"] == nil })
            let rawAnswer = try await Self.raw(sandbox, "/v2/api/webhooks")
            let raw = try #require(rawAnswer as? [[String: Any]])
            #expect(raw.count == 2)
            for (mine, theirs) in zip(json.jsonArray, raw) {
                #expect(Set(mine.keys) == Set(theirs.keys))
                #expect(mine["created_at"] as? String == theirs["created_at"] as? String)
            }
            // The second endpoint has no description: null, as the API sends it, not left out.
            #expect(json.jsonArray[1].keys.contains("description"))
            #expect(json.jsonArray[1]["description"] is NSNull)
        }
    }

    @Test("endpoints get: fields with the signing secret for people, the object as JSON; an unknown id is exit 1, HTTP 404")
    func v2Get() async throws {
        try await withCLISandbox { sandbox in
            let id = await Self.createEndpoint(sandbox)
            let human = await sandbox.run("webhooks", "endpoints", "get", id)
            #expect(human.exitStatus == 0, "\(human.err)")
            #expect(human.out.contains("id:             \(id)"))
            #expect(human.out.contains("signing secret: whsec_"))
            #expect(human.out.contains("enabled:        yes"))

            let json = await sandbox.run("webhooks", "endpoints", "get", id, "--json")
            #expect(json.exitStatus == 0)
            let rawAnswer = try await Self.raw(sandbox, "/v2/api/webhooks/\(id)")
            let raw = try #require(rawAnswer as? [String: Any])
            #expect(Set(json.jsonObject.keys) == Set(raw.keys))
            #expect(json.jsonObject["signing_secret"] as? String == raw["signing_secret"] as? String)
            #expect(json.jsonObject["topics"] as? [String] == ["call.completed", "sms.received"])

            let missing = await sandbox.run("webhooks", "endpoints", "get", "ep_doesnotexist")
            #expect(missing.exitStatus == 1)
            #expect(missing.err.hasPrefix("error: ENDPOINT_NOT_FOUND (HTTP 404)"), "\(missing.err)")
            #expect(missing.out.isEmpty)
        }
    }

    @Test("endpoints update: sends only the given fields with PUT; prints the endpoint as it is now")
    func v2Update() async throws {
        try await withCLISandbox { sandbox in
            let id = await Self.createEndpoint(sandbox)
            let disable = await sandbox.run("webhooks", "endpoints", "update", id, "--disable")
            #expect(disable.exitStatus == 0, "\(disable.err)")
            #expect(disable.out.contains("enabled:        no") || disable.out.contains("enabled:     no"))
            #expect(disable.out.contains("call.completed, sms.received"))
            #expect(disable.err.contains("updated endpoint \(id)"))
            let firstAnswer = try await sandbox.journal(pathPrefix: "/v2/api/webhooks/\(id)")
            let first = try #require(firstAnswer.last)
            #expect(first.method == "PUT")
            #expect(first.path == "/v2/api/webhooks/\(id)")
            #expect(Self.bodyObject(first.body) as NSDictionary == ["enabled": false] as NSDictionary)

            let json = await sandbox.run("webhooks", "endpoints", "update", id, "--topic", "tag.added", "--topic", "tag.removed",
                                         "--url", "https://example.com/v2", "--description", "tags", "--enable", "--json")
            #expect(json.exitStatus == 0, "\(json.err)")
            #expect(json.jsonObject["topics"] as? [String] == ["tag.added", "tag.removed"])
            #expect(json.jsonObject["url"] as? String == "https://example.com/v2")
            #expect(json.jsonObject["description"] as? String == "tags")
            #expect(json.jsonObject["enabled"] as? Bool == true)
            #expect(json.jsonObject["signing_secret"] == nil)
            let secondAnswer = try await sandbox.journal(pathPrefix: "/v2/api/webhooks/\(id)")
            let second = try #require(secondAnswer.last)
            #expect(Self.bodyObject(second.body) as NSDictionary
                    == ["topics": ["tag.added", "tag.removed"], "url": "https://example.com/v2", "description": "tags",
                        "enabled": true] as NSDictionary)

            let missing = await sandbox.run("webhooks", "endpoints", "update", "ep_doesnotexist", "--enable")
            #expect(missing.exitStatus == 1)
            #expect(missing.err.hasPrefix("error: ENDPOINT_NOT_FOUND (HTTP 404)"))
        }
    }

    @Test("endpoints delete: a note on stderr, nothing on stdout (also with --json); the endpoint is gone")
    func v2Delete() async throws {
        try await withCLISandbox { sandbox in
            let id = await Self.createEndpoint(sandbox)
            let human = await sandbox.run("webhooks", "endpoints", "delete", id)
            #expect(human.exitStatus == 0, "\(human.err)")
            #expect(human.out.isEmpty)
            #expect(human.err == "deleted endpoint \(id)\n")
            let requestAnswer = try await sandbox.journal(pathPrefix: "/v2/api/webhooks/\(id)")
            let request = try #require(requestAnswer.last)
            #expect(request.method == "DELETE")
            #expect((await sandbox.run("webhooks", "endpoints", "get", id)).exitStatus == 1)

            let other = await Self.createEndpoint(sandbox)
            let json = await sandbox.run("webhooks", "endpoints", "delete", other, "--json")
            #expect(json.exitStatus == 0, "\(json.err)")
            #expect(json.out.isEmpty)

            let missing = await sandbox.run("webhooks", "endpoints", "delete", other)
            #expect(missing.exitStatus == 1)
            #expect(missing.err.hasPrefix("error: ENDPOINT_NOT_FOUND (HTTP 404)"))
        }
    }

    @Test("endpoints events: the API's topics as a table and as a bare array")
    func v2Events() async throws {
        try await withCLISandbox { sandbox in
            let human = await sandbox.run("webhooks", "endpoints", "events")
            #expect(human.exitStatus == 0, "\(human.err)")
            #expect(human.out.hasPrefix("TOPIC"))
            #expect(human.out.contains("call.completed"))

            let json = await sandbox.run("webhooks", "endpoints", "event-types", "--json")
            #expect(json.exitStatus == 0)
            let rawAnswer = try await Self.raw(sandbox, "/v2/api/webhooks/event_types")
            let raw = try #require(rawAnswer as? [[String: Any]])
            #expect(json.jsonArray.count == raw.count)
            #expect(json.jsonArray.map { $0["name"] as? String } == raw.map { $0["name"] as? String })
            #expect(json.jsonArray.first?["description"] is String)
        }
    }

    @Test("endpoints: a key without WEBHOOKS_READ_WRITE is exit 4 with a hint naming the scope")
    func v2MissingScope() async throws {
        try await withCLISandbox { sandbox in
            for arguments in [["list"], ["create", "--url", Self.hook, "--topic", "sms.sent"], ["delete", "ep_x"]] {
                let run = await runAllo(["webhooks", "endpoints"] + arguments, variables: sandbox.variables(key: "read-only"))
                #expect(run.exitStatus == 4, "\(arguments): \(run.err)")
                #expect(run.err.contains("hint: the key lacks the scope WEBHOOKS_READ_WRITE"), "\(arguments): \(run.err)")
            }
        }
    }

    @Test("every webhooks command has help with examples")
    func help() async throws {
        try await withCLISandbox { sandbox in
            for path in [["list"], ["create"], ["delete"], ["endpoints", "list"], ["endpoints", "create"],
                         ["endpoints", "get"], ["endpoints", "update"], ["endpoints", "delete"], ["endpoints", "events"]] {
                let run = await runAllo(["webhooks"] + path + ["--help"], variables: sandbox.variables())
                #expect(run.exitStatus == 0, "\(path)")
                #expect(run.out.contains("Examples:"), "\(path)")
            }
        }
    }
}
