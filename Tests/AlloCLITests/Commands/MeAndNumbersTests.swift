@testable import AlloCLI
import Testing

@Suite("allo me, allo numbers list")
struct MeAndNumbersTests {
    @Test("me: fields for people, the data object as JSON")
    func me() async throws {
        try await withCLISandbox { sandbox in
            let human = await sandbox.run("me")
            #expect(human.exitStatus == 0, "\(human.err)")
            #expect(human.out.contains("scopes:"))
            #expect(human.out.contains("CONVERSATIONS_READ"))
            #expect(human.out.contains("rate limits:"))

            let json = await sandbox.run("me", "--json")
            #expect(json.exitStatus == 0)
            #expect(json.jsonObject["api_key_id"] is String)
            #expect((json.jsonObject["scopes"] as? [String])?.contains("CONVERSATIONS_READ") == true)
            #expect(json.jsonObject["data"] == nil)
        }
    }

    @Test("numbers list: a table for people, a bare array of v1 numbers as JSON")
    func numbersList() async throws {
        try await withCLISandbox { sandbox in
            let human = await sandbox.run("numbers", "list")
            #expect(human.exitStatus == 0, "\(human.err)")
            let lines = human.out.split(separator: "\n")
            #expect(lines.first?.hasPrefix("NUMBER") == true)
            #expect(human.out.contains(CLISandbox.usLine))

            let json = await sandbox.run("numbers", "list", "--json")
            #expect(json.exitStatus == 0)
            #expect(json.jsonArray.contains { $0["number"] as? String == CLISandbox.usLine })
            #expect(json.jsonArray.first?["is_shared_number"] is Bool)
            let requests = try await sandbox.journal(pathPrefix: "/v1/api/numbers")
            #expect(requests.count == 2)
        }
    }
}
