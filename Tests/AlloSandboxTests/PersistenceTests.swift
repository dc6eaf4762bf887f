import AlloSandbox
import Foundation
import Testing

@Suite("State file (--state)")
struct PersistenceTests {
    private static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("allo-state-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("Every kind of change survives a restart, and untouched seeded data comes back identical")
    func changesSurviveRestart() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("world.json").path

        struct Before {
            var contactID = "", updatedID = "", callID = "", endpointID = "", secret = "", firstPage = "", numbers = ""
        }
        let before = try await withSandbox(configure: { $0.stateFile = file }) { sandbox in
            var state = Before()
            state.firstPage = try await sandbox.get("/v1/api/contacts?page=1&size=5").json["data"]["results"].description
            state.numbers = try await sandbox.get("/v2/api/numbers").text
            let created = try await sandbox.post("/v1/api/contacts", #"{"numbers":["+33698765432"],"name":"Anaïs","emails":["anais@example.com"]}"#)
            state.contactID = try #require(created.json["data"]["id"].string)
            let seeded = try await sandbox.get("/v1/api/contacts?size=1").json["data"]["results"][0]
            state.updatedID = try #require(seeded["id"].string)
            #expect(try await sandbox.request("PUT", "/v1/api/contacts/\(state.updatedID)", json: #"{"job_title":"Architecte d’intérieur"}"#).status == 200)
            #expect(try await sandbox.post("/v1/api/sms", #"{"from":"+33184807512","to":"+33698765432","message":"Bienvenue chez nous"}"#).status == 200)
            #expect(try await sandbox.request("PUT", "/v2/api/conversations/%2B33698765432/action", json: #"{"action":"ARCHIVE"}"#).status == 200)
            let call = try await sandbox.post("/v2/api/conversations/items/search", #"{"type":"CALL","result":"ANSWERED","size":1}"#).json["data"][0]
            state.callID = try #require(call["id"].string)
            let tag = call["tags"].array.contains(.string("vip")) ? "billing" : "vip"
            #expect(try await sandbox.post("/v2/api/conversations/items/\(state.callID)/tags", #"{"tags":["\#(tag)"]}"#).status == 200)
            let endpoint = try await sandbox.post("/v2/api/webhooks", #"{"url":"https://example.com/hook","topics":["sms.sent"]}"#)
            state.endpointID = try #require(endpoint.json["data"]["id"].string)
            state.secret = try #require(endpoint.json["data"]["signing_secret"].string)
            #expect(try await sandbox.post("/v1/api/webhooks", #"{"allo_number":"+14155550100","url":"https://example.com/v1","topics":["PING"]}"#).status == 200)
            return state
        }

        let listing = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(listing == ["world.json"], "no temporary file is left behind")
        let saved = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file)))
        #expect(saved is [String: Any])

        // The restart asks for another seed; the file's world wins.
        try await withSandbox(seed: 7, configure: { $0.stateFile = file }) { sandbox in
            #expect(sandbox.server.settings.seed == 42)
            #expect(try await sandbox.get("/v2/api/numbers").text == before.numbers)
            let contact = try await sandbox.get("/v1/api/contact/\(before.contactID)").json["data"]
            #expect(contact["name"].string == "Anaïs")
            #expect(contact["emails"][0].string == "anais@example.com")
            let updated = try await sandbox.get("/v1/api/contact/\(before.updatedID)").json["data"]
            #expect(updated["job_title"].string == "Architecte d’intérieur")
            let conversation = try await sandbox.get("/v1/api/contact/\(before.contactID)/conversation").json["data"]["results"]
            #expect(conversation[0]["message"]["content"].string == "Bienvenue chez nous")
            let archived = try await sandbox.get("/v2/api/conversations?allo_number=%2B33184807512&archived=true&size=100").json["data"].array
            #expect(archived.contains { $0["contact_number"].string == "+33698765432" })
            let call = try await sandbox.get("/v2/api/conversations/items/\(before.callID)").json["data"]
            #expect(call["tags"].array.contains(.string("vip")) || call["tags"].array.contains(.string("billing")))
            let endpoint = try await sandbox.get("/v2/api/webhooks/\(before.endpointID)").json["data"]
            #expect(endpoint["signing_secret"].string == before.secret)
            #expect(try await sandbox.get("/v1/api/webhooks").json["data"].count == 1)
            // Seeded contacts between the changed ones are regenerated exactly.
            let page = try await sandbox.get("/v1/api/contacts?page=1&size=5").json["data"]["results"].description
            #expect(page == before.firstPage)
        }
    }

    @Test("A state file that is not the sandbox's refuses to start instead of being overwritten")
    func corruptFileRefusesToStart() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("world.json")
        try Data("{\"format\": 1, \"settings\": ".utf8).write(to: file)
        await #expect(throws: SandboxServer.StartError.self) {
            _ = try await TestSandbox.start(configure: { $0.stateFile = file.path })
        }
        #expect(try Data(contentsOf: file) == Data("{\"format\": 1, \"settings\": ".utf8))
    }

    @Test("Reset rewrites the state file to the seeded world")
    func resetRewritesTheFile() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("world.json").path
        try await withSandbox(configure: { $0.stateFile = file }) { sandbox in
            let created = try await sandbox.post("/v1/api/contacts", #"{"numbers":["+33698760000"]}"#)
            #expect(created.status == 200)
            #expect(try await sandbox.control("POST", "/reset").status == 200)
        }
        try await withSandbox(configure: { $0.stateFile = file }) { sandbox in
            let total = try await sandbox.get("/v1/api/contacts?size=100").json["data"]["results"].count
            #expect(total == 60)
        }
    }
}
