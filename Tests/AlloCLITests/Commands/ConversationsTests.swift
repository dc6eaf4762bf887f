@testable import AlloCLI
import Foundation
import Testing

@Suite("allo conversations")
struct ConversationsTests {
    static let contractKeys: Set<String> = ["contact_number", "contacts", "last_activity", "last_item"]
    static let itemKeys: Set<String> = ["id", "type", "direction", "allo_number", "sender_id", "contact_number", "contacts",
                                        "user", "date", "duration", "result", "recording_url", "summary", "tags",
                                        "transcript", "content", "status", "message_type"]

    /// Writes a 0600 config file whose default profile has `alloNumber` (and `senderID`).
    static func writeProfile(_ sandbox: CLISandbox, alloNumber: String? = nil, senderID: String? = nil) throws {
        let location = ConfigFile.location(sandbox.variables())
        try ConfigFile(defaultProfile: "work",
                       profiles: ["work": .init(alloNumber: alloNumber, senderID: senderID)]).save(to: location)
    }

    @Test("list: a table of contacts with their last item for people, counts and the next page on stderr")
    func listHuman() async throws {
        try await withCLISandbox { sandbox in
            let run = await sandbox.run("conversations", "list", "--allo-number", CLISandbox.usLine, "--size", "5")
            #expect(run.exitStatus == 0, "\(run.err)")
            let lines = run.out.split(separator: "\n")
            #expect(lines.first?.hasPrefix("CONTACT") == true)
            #expect(lines.first?.contains("LAST ITEM") == true)
            #expect(lines.count == 6)
            #expect(run.err.contains("5 conversations of "))
            #expect(run.err.contains("more: --page 2"))
            let requests = try await sandbox.journal(pathPrefix: "/v2/api/conversations")
            #expect(requests.count == 1)
            #expect(requests.first?.path.contains("allo_number=%2B14155550100") == true)
            #expect(requests.first?.path.contains("size=5") == true)
        }
    }

    @Test("list --json: a bare array with the contract's keys, the same conversations the API returns")
    func listJSON() async throws {
        try await withCLISandbox { sandbox in
            let run = await sandbox.run("conversations", "list", "--allo-number", CLISandbox.usLine, "--json")
            #expect(run.exitStatus == 0, "\(run.err)")
            let conversations = run.jsonArray
            #expect((1...20).contains(conversations.count))
            #expect(run.err.isEmpty)
            for conversation in conversations {
                #expect(Set(conversation.keys).isSubset(of: Self.contractKeys))
                #expect(conversation["contact_number"] is String)
                #expect(conversation["last_activity"] is String)
                let item = try #require(conversation["last_item"] as? [String: Any])
                #expect(Set(item.keys).isSubset(of: Self.itemKeys), "\(item.keys)")
                #expect((item["id"] as? String)?.isEmpty == false)
            }
        }
    }

    @Test("list --all --json: every page in one array, as many as the API counts")
    func listAll() async throws {
        try await withCLISandbox { sandbox in
            let first = await sandbox.run("conversations", "list", "--allo-number", CLISandbox.usLine, "--size", "3")
            let total = try #require(first.err.firstMatch(of: /of (\d+)/).flatMap { Int($0.1) })
            let run = await sandbox.run("conversations", "list", "--allo-number", CLISandbox.usLine, "--size", "3",
                                        "--all", "--json")
            #expect(run.exitStatus == 0, "\(run.err)")
            #expect(run.jsonArray.count == total)
            #expect(Set(run.jsonArray.compactMap { $0["contact_number"] as? String }).count == total)
        }
    }

    @Test("list --unread --since: sent as unread=true and last_activity_since")
    func listFilters() async throws {
        try await withCLISandbox { sandbox in
            let run = await sandbox.run("conversations", "list", "--allo-number", CLISandbox.usLine, "--unread",
                                        "--since", "2026-01-01", "--json")
            #expect(run.exitStatus == 0, "\(run.err)")
            let path = try #require(try await sandbox.journal(pathPrefix: "/v2/api/conversations").first?.path)
            #expect(path.contains("unread=true"))
            #expect(path.contains("last_activity_since=2026-01-01"))
        }
    }

    @Test("list without --allo-number uses the profile's allo_number")
    func listProfileNumber() async throws {
        try await withCLISandbox { sandbox in
            try Self.writeProfile(sandbox, alloNumber: CLISandbox.usLine)
            let run = await sandbox.run("conversations", "list", "--json")
            #expect(run.exitStatus == 0, "\(run.err)")
            #expect(!run.jsonArray.isEmpty)
            let path = try #require(try await sandbox.journal(pathPrefix: "/v2/api/conversations").first?.path)
            #expect(path.contains("allo_number=%2B14155550100"))
        }
    }

    @Test("list with no Allo number anywhere, or a malformed one, is a usage error and requests nothing")
    func listUsageErrors() async throws {
        try await withCLISandbox { sandbox in
            let missing = await sandbox.run("conversations", "list")
            #expect(missing.exitStatus == 2)
            #expect(missing.err.contains("no Allo number given"))
            let malformed = await sandbox.run("conversations", "list", "--allo-number", "415 555 0100")
            #expect(malformed.exitStatus == 2)
            #expect(malformed.err.contains("E.164"))
            let badDate = await sandbox.run("conversations", "list", "--allo-number", CLISandbox.usLine, "--since", "soon")
            #expect(badDate.exitStatus == 2)
            let requests = try await sandbox.journal(pathPrefix: "/v2/api/conversations")
            #expect(requests.isEmpty)
        }
    }

    @Test("read and unread: PUT the action with the line; a confirmation on stderr; --json prints nothing")
    func readUnread() async throws {
        try await withCLISandbox { sandbox in
            let list = await sandbox.run("conversations", "list", "--allo-number", CLISandbox.usLine, "--json")
            let contact = try #require(list.jsonArray.first?["contact_number"] as? String)

            let unread = await sandbox.run("conversations", "unread", contact, "--allo-number", CLISandbox.usLine)
            #expect(unread.exitStatus == 0, "\(unread.err)")
            #expect(unread.out.isEmpty)
            #expect(unread.err.contains("marked unread the conversation with \(contact) on \(CLISandbox.usLine)"))
            let unreadList = await sandbox.run("conversations", "list", "--allo-number", CLISandbox.usLine, "--unread",
                                               "--all", "--json")
            #expect(unreadList.jsonArray.contains { $0["contact_number"] as? String == contact })

            let read = await sandbox.run("conversations", "read", contact, "--allo-number", CLISandbox.usLine, "--json")
            #expect(read.exitStatus == 0, "\(read.err)")
            #expect(read.out.isEmpty)
            #expect(read.err.isEmpty)
            let readList = await sandbox.run("conversations", "list", "--allo-number", CLISandbox.usLine, "--unread",
                                             "--all", "--json")
            #expect(!readList.jsonArray.contains { $0["contact_number"] as? String == contact })

            let puts = try await sandbox.journal(pathPrefix: "/v2/api/conversations/%2B").filter { $0.method == "PUT" }
            #expect(puts.count == 2)
            #expect(puts.allSatisfy { $0.path == "/v2/api/conversations/\(contact.replacingOccurrences(of: "+", with: "%2B"))/action" })
            let bodies = try puts.map { try JSONSerialization.jsonObject(with: Data($0.body.utf8)) as? [String: Any] ?? [:] }
            #expect(bodies.map { $0["action"] as? String } == ["UNREAD", "READ"])
            #expect(bodies.allSatisfy { $0["allo_number"] as? String == CLISandbox.usLine })
        }
    }

    @Test("archive hides the conversation from list, unarchive brings it back; without a line it acts on every line")
    func archiveUnarchive() async throws {
        try await withCLISandbox { sandbox in
            let list = await sandbox.run("conversations", "list", "--allo-number", CLISandbox.usLine, "--json")
            let contact = try #require(list.jsonArray.first?["contact_number"] as? String)

            let archive = await sandbox.run("conversations", "archive", contact)
            #expect(archive.exitStatus == 0, "\(archive.err)")
            #expect(archive.err.contains("archived the conversation with \(contact) on every line"))
            let after = await sandbox.run("conversations", "list", "--allo-number", CLISandbox.usLine, "--all", "--json")
            #expect(!after.jsonArray.contains { $0["contact_number"] as? String == contact })

            let unarchive = await sandbox.run("conversations", "unarchive", contact, "--json")
            #expect(unarchive.exitStatus == 0, "\(unarchive.err)")
            #expect(unarchive.out.isEmpty)
            let back = await sandbox.run("conversations", "list", "--allo-number", CLISandbox.usLine, "--all", "--json")
            #expect(back.jsonArray.contains { $0["contact_number"] as? String == contact })

            let puts = try await sandbox.journal(pathPrefix: "/v2/api/conversations/%2B").filter { $0.method == "PUT" }
            let bodies = try puts.map { try JSONSerialization.jsonObject(with: Data($0.body.utf8)) as? [String: Any] ?? [:] }
            #expect(bodies.map { $0["action"] as? String } == ["ARCHIVE", "UNARCHIVE"])
            #expect(bodies.allSatisfy { $0["allo_number"] == nil })
        }
    }

    @Test("an action on an unknown conversation is the API's 404: exit 1 and the code on stderr")
    func actionUnknown() async throws {
        try await withCLISandbox { sandbox in
            let run = await sandbox.run("conversations", "read", "+14155559999", "--allo-number", CLISandbox.usLine)
            #expect(run.exitStatus == 1)
            #expect(run.out.isEmpty)
            #expect(run.err.hasPrefix("error: CONVERSATION_NOT_FOUND (HTTP 404)"))
        }
    }

    @Test("an action on a number that is not E.164 is a usage error and requests nothing")
    func actionUsage() async throws {
        try await withCLISandbox { sandbox in
            let run = await sandbox.run("conversations", "archive", "0612345678")
            #expect(run.exitStatus == 2)
            #expect(run.err.contains("E.164"))
            let missing = await sandbox.run("conversations", "read")
            #expect(missing.exitStatus == 2)
            let requests = try await sandbox.journal(pathPrefix: "/v2/api/conversations")
            #expect(requests.isEmpty)
        }
    }

    @Test("every subcommand has help with examples")
    func help() async throws {
        for verb in ["list", "read", "unread", "archive", "unarchive"] {
            let run = await runAllo(["conversations", verb, "--help"], variables: [:])
            #expect(run.exitStatus == 0)
            #expect(run.out.contains("Examples:"), "\(verb)")
        }
    }
}
