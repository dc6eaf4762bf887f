@testable import AlloCLI
import Foundation
import Testing

@Suite("allo calls search")
struct CallsTests {
    @Test("search: a table of calls with ids and a next-page note; one bare page of v1 calls as JSON")
    func searchOnePage() async throws {
        try await withCLISandbox { sandbox in
            let human = await sandbox.run("calls", "search", "--allo-number", CLISandbox.usLine, "--size", "5")
            #expect(human.exitStatus == 0, "\(human.err)")
            let lines = human.out.split(separator: "\n")
            #expect(lines.first?.hasPrefix("DATE") == true)
            #expect(lines.first?.contains("RESULT") == true)
            #expect(lines.count == 6)
            #expect(lines.dropFirst().allSatisfy { $0.contains("call_") })
            #expect(human.err.contains("; more: --page 2 (or --all)"))

            let json = await sandbox.run("calls", "search", "--allo-number", CLISandbox.usLine, "--size", "5", "--json")
            #expect(json.exitStatus == 0)
            #expect(json.jsonArray.count == 5)
            let call = try #require(json.jsonArray.first)
            for key in ["id", "from_number", "to_number", "length_in_minutes", "type", "result", "start_date"] {
                #expect(call[key] != nil, "missing \(key)")
            }
            #expect(call["lengthInMinutes"] == nil && call["direction"] == nil)
            let withTranscript = try #require(json.jsonArray.first { ($0["transcript"] as? [Any])?.isEmpty == false })
            let row = try #require((withTranscript["transcript"] as? [[String: Any]])?.first)
            #expect(row["source"] is String && row["text"] is String && row["start_seconds"] != nil)

            let paths = try await sandbox.journal(pathPrefix: "/v1/api/calls").map(\.path)
            #expect(paths.contains("/v1/api/calls?allo_number=%2B14155550100&page=0&size=5"))
        }
    }

    @Test("search --all with --contact-number: every call with that number, one JSON array")
    func searchAllWithContact() async throws {
        try await withCLISandbox { sandbox in
            let all = await sandbox.run("calls", "search", "--allo-number", CLISandbox.usLine, "--all", "--json")
            #expect(all.exitStatus == 0, "\(all.err)")
            let total = all.jsonArray.count
            #expect(total > 20)
            let number = try #require(all.jsonArray.first?["from_number"] as? String)
            let expected = all.jsonArray.filter { $0["from_number"] as? String == number || $0["to_number"] as? String == number }

            let filtered = await sandbox.run("calls", "search", "--allo-number", CLISandbox.usLine,
                                             "--contact-number", number, "--all", "--json")
            #expect(filtered.exitStatus == 0)
            #expect(filtered.jsonArray.count == expected.count)

            let human = await sandbox.run("calls", "search", "--allo-number", CLISandbox.usLine, "--all")
            #expect(human.out.split(separator: "\n").count == total + 1)
            #expect(human.err.contains("\(total) calls on \(CLISandbox.usLine)"))
        }
    }

    @Test("search: the profile's allo_number stands in for --allo-number")
    func searchUsesProfileNumber() async throws {
        try await withCLISandbox { sandbox in
            let config = sandbox.home.appendingPathComponent("config/allo")
            try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
            let file = config.appendingPathComponent("config.toml")
            try "[profiles.default]\nallo_number = \"\(CLISandbox.usLine)\"\n".write(to: file, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
            let run = await sandbox.run("calls", "search", "--size", "2", "--json")
            #expect(run.exitStatus == 0, "\(run.err)")
            #expect(run.jsonArray.count == 2)
        }
    }

    @Test("search: no Allo number or a malformed one is a usage error with no request; an unknown line is exit 1")
    func searchErrors() async throws {
        try await withCLISandbox { sandbox in
            let none = await sandbox.run("calls", "search")
            #expect(none.exitStatus == 2)
            #expect(none.err.contains("no Allo number given"))
            let bad = await sandbox.run("calls", "search", "--allo-number", "14155550100")
            #expect(bad.exitStatus == 2)
            #expect(bad.err.contains("--allo-number '14155550100' is not an E.164 number"))
            let badContact = await sandbox.run("calls", "search", "--allo-number", CLISandbox.usLine,
                                               "--contact-number", "x")
            #expect(badContact.exitStatus == 2)
            let untouched = try await sandbox.journal(pathPrefix: "/v1/api/calls")
            #expect(untouched.isEmpty)

            let unknown = await sandbox.run("calls", "search", "--allo-number", "+14155550999")
            #expect(unknown.exitStatus == 1)
            #expect(unknown.err.hasPrefix("error: "))
            #expect(unknown.err.contains("(HTTP 4"))
        }
    }
}
