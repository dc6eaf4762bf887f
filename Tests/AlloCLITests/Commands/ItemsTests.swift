@testable import AlloCLI
import Foundation
import SandboxTestSupport
import Testing

@Suite("allo items")
struct ItemsTests {
    static func body(_ entry: JournalEntry?) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data((entry?.body ?? "").utf8)) as? [String: Any])
    }

    @Test("search: a table of items for people, the count and next page on stderr")
    func searchHuman() async throws {
        try await withCLISandbox { sandbox in
            let run = await sandbox.run("items", "search", "--allo-number", CLISandbox.usLine, "--size", "4")
            #expect(run.exitStatus == 0, "\(run.err)")
            let lines = run.out.split(separator: "\n")
            #expect(lines.first?.hasPrefix("ID") == true)
            #expect(lines.count == 5)
            #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("cll") || $0.hasPrefix("msg") })
            #expect(run.err.contains("4 items of "))
            #expect(run.err.contains("more: --page 2"))
        }
    }

    @Test("search --json: a bare array of items with the contract's keys; filters go in the body as the API spells them")
    func searchJSONAndFilters() async throws {
        try await withCLISandbox { sandbox in
            let run = await sandbox.run("items", "search", "--allo-number", CLISandbox.usLine, "--type", "call",
                                        "--direction", "in", "--sort", "date-asc", "--from", "2026-01-01",
                                        "--to", "2026-12-31", "--page", "2", "--size", "5", "--json")
            #expect(run.exitStatus == 0, "\(run.err)")
            #expect(!run.jsonArray.isEmpty)
            for item in run.jsonArray {
                #expect(Set(item.keys).isSubset(of: ConversationsTests.itemKeys), "\(item.keys)")
                #expect(item["type"] as? String == "CALL")
                #expect(item["direction"] as? String == "INBOUND")
                #expect(item["allo_number"] as? String == CLISandbox.usLine)
            }
            let dates = run.jsonArray.compactMap { $0["date"] as? String }
            #expect(dates == dates.sorted())
            let requests = try await sandbox.journal(pathPrefix: "/v2/api/conversations/items/search")
            #expect(requests.count == 1)
            #expect(requests.first?.method == "POST")
            let body = try Self.body(requests.first)
            #expect(body["allo_number"] as? String == CLISandbox.usLine)
            #expect(body["type"] as? String == "CALL")
            #expect(body["direction"] as? String == "INBOUND")
            #expect(body["sort"] as? String == "DATE_ASC")
            #expect(body["page"] as? Int == 2)
            #expect(body["size"] as? Int == 5)
            let date = try #require(body["date"] as? [String: String])
            #expect(date == ["from": "2026-01-01", "to": "2026-12-31"])
        }
    }

    @Test("search TEXT --contact-number: sent as search and contact_number; --from alone runs until today")
    func searchTextAndOpenRange() async throws {
        try await withCLISandbox { sandbox in
            let run = await sandbox.run("items", "search", "refund", "--contact-number", "+14155551234", "--from", "30d",
                                        "--json")
            #expect(run.exitStatus == 0, "\(run.err)")
            let body = try Self.body(try await sandbox.journal(pathPrefix: "/v2/api/conversations/items/search").first)
            #expect(body["search"] as? String == "refund")
            #expect(body["contact_number"] as? String == "+14155551234")
            #expect(body["allo_number"] == nil)
            let date = try #require(body["date"] as? [String: String])
            #expect(date["to"] == AlloDateDay.today)
        }
    }

    @Test("search --all --json: every page in one array, as many as the API counts")
    func searchAll() async throws {
        try await withCLISandbox { sandbox in
            let first = await sandbox.run("items", "search", "--allo-number", CLISandbox.usLine, "--type", "sms")
            let total = try #require(first.err.firstMatch(of: /of (\d+)/).flatMap { Int($0.1) })
            let run = await sandbox.run("items", "search", "--allo-number", CLISandbox.usLine, "--type", "sms",
                                        "--size", "50", "--all", "--json")
            #expect(run.exitStatus == 0, "\(run.err)")
            #expect(run.jsonArray.count == total)
            #expect(Set(run.jsonArray.compactMap { $0["id"] as? String }).count == total)
        }
    }

    @Test("search uses the profile's allo_number when --allo-number is absent")
    func searchProfileNumber() async throws {
        try await withCLISandbox { sandbox in
            try ConversationsTests.writeProfile(sandbox, alloNumber: CLISandbox.usLine)
            let run = await sandbox.run("items", "search", "--json")
            #expect(run.exitStatus == 0, "\(run.err)")
            let body = try Self.body(try await sandbox.journal(pathPrefix: "/v2/api/conversations/items/search").first)
            #expect(body["allo_number"] as? String == CLISandbox.usLine)
        }
    }

    @Test("search with a bad type, number, date order or text is a usage error and requests nothing")
    func searchUsageErrors() async throws {
        try await withCLISandbox { sandbox in
            for arguments in [["--type", "fax"], ["--direction", "up"], ["--contact-number", "0612345678"],
                              ["--from", "2026-03-01", "--to", "2026-02-01"], ["--from", "yesterday"], ["--", "!!!"],
                              ["--sort", "relevance"], ["--size", "500"], ["--page", "0"]] {
                let run = await runAllo(["items", "search"] + arguments, variables: sandbox.variables())
                #expect(run.exitStatus == 2, "\(arguments): \(run.err)")
                #expect(run.out.isEmpty)
            }
            let requests = try await sandbox.journal(pathPrefix: "/v2/api")
            #expect(requests.isEmpty)
        }
    }

    @Test("get: fields for people, the item object as JSON, the same as search returned")
    func get() async throws {
        try await withCLISandbox { sandbox in
            let search = await sandbox.run("items", "search", "--allo-number", CLISandbox.usLine, "--type", "sms", "--json")
            let message = try #require(search.jsonArray.first)
            let id = try #require(message["id"] as? String)

            let human = await sandbox.run("items", "get", id)
            #expect(human.exitStatus == 0, "\(human.err)")
            #expect(human.out.contains("id:"))
            #expect(human.out.contains(id))
            #expect(human.out.contains("type:"))
            if let content = message["content"] as? String, let firstWord = content.split(separator: " ").first {
                #expect(human.out.contains(firstWord))
            }

            let json = await sandbox.run("items", "get", id, "--json")
            #expect(json.exitStatus == 0)
            #expect(json.jsonObject["id"] as? String == id)
            #expect(json.jsonObject["type"] as? String == "SMS")
            #expect(json.jsonObject["content"] as? String == message["content"] as? String)
            #expect(json.jsonObject["data"] == nil)
            #expect(Set(json.jsonObject.keys).isSubset(of: ConversationsTests.itemKeys))
            let path = try await sandbox.journal(pathPrefix: "/v2/api/conversations/items/\(id)").first?.path
            #expect(path == "/v2/api/conversations/items/\(id)")
        }
    }

    @Test("get --transcript: asks extend=transcript and prints what was said under the fields")
    func getTranscript() async throws {
        try await withCLISandbox { sandbox in
            let search = await sandbox.run("items", "search", "--allo-number", CLISandbox.usLine, "--type", "call",
                                           "--size", "50", "--json")
            let answered = search.jsonArray.filter { $0["result"] as? String == "ANSWERED" }.compactMap { $0["id"] as? String }
            var found: (id: String, lines: [[String: Any]])?
            for id in answered {
                let json = await sandbox.run("items", "get", id, "--transcript", "--json")
                if let lines = json.jsonObject["transcript"] as? [[String: Any]], !lines.isEmpty {
                    found = (id, lines)
                    break
                }
            }
            let call = try #require(found, "no answered call with a transcript in the seeded world")
            #expect(call.lines.first?["source"] is String)
            let human = await sandbox.run("items", "get", call.id, "--transcript")
            #expect(human.exitStatus == 0, "\(human.err)")
            #expect(human.out.contains("transcript:"))
            let text = try #require(call.lines.first?["text"] as? String)
            #expect(human.out.contains(String(text.prefix(20))))
            let path = try await sandbox.journal(pathPrefix: "/v2/api/conversations/items/\(call.id)").last?.path
            #expect(path == "/v2/api/conversations/items/\(call.id)?extend=transcript")
        }
    }

    @Test("get of an unknown id is the API's 404: exit 1 and the code on stderr")
    func getUnknown() async throws {
        try await withCLISandbox { sandbox in
            let run = await sandbox.run("items", "get", "cll-doesnotexist")
            #expect(run.exitStatus == 1)
            #expect(run.out.isEmpty)
            #expect(run.err.hasPrefix("error: CONVERSATION_ITEM_NOT_FOUND (HTTP 404)"))
        }
    }

    @Test("every subcommand has help with examples")
    func help() async throws {
        for verb in ["get", "search"] {
            let run = await runAllo(["items", verb, "--help"], variables: [:])
            #expect(run.exitStatus == 0)
            #expect(run.out.contains("Examples:"), "\(verb)")
        }
    }
}

/// Today's day in UTC, as the search body spells dates.
private enum AlloDateDay {
    static var today: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}
