@testable import AlloCLI
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

@Suite("allo contacts list, get, create, update, conversation")
struct ContactsTests {
    /// What the sandbox itself answers inside `data` for a GET with the full key, for comparing shapes.
    static func raw(_ sandbox: CLISandbox, _ path: String) async throws -> Any? {
        var request = URLRequest(url: URL(string: sandbox.server.baseURL.absoluteString + path)!)
        request.setValue("Api-Key \(sandbox.fullKey)", forHTTPHeaderField: "Authorization")
        let (data, _) = try await URLSession.shared.data(for: request)
        return ((try JSONSerialization.jsonObject(with: data)) as? [String: Any])?["data"]
    }

    /// The keys of `object` whose value is not null.
    static func presentKeys(_ object: [String: Any]) -> Set<String> {
        Set(object.compactMap { $0.value is NSNull ? nil : $0.key })
    }

    /// The body of a journal entry as a JSON object.
    static func object(_ body: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
    }

    /// The id of a contact who has calls on the US line (found through the calls' numbers).
    static func contactWithCalls(_ sandbox: CLISandbox) async throws -> String {
        let calls = await sandbox.run("calls", "search", "--allo-number", CLISandbox.usLine, "--size", "1", "--json")
        let number = try #require(calls.jsonArray.first?["from_number"] as? String)
        let contacts = await sandbox.run("contacts", "list", "--all", "--json")
        let contact = try #require(contacts.jsonArray.first { ($0["numbers"] as? [String])?.contains(number) == true })
        return try #require(contact["id"] as? String)
    }

    @Test("list: a table and a next-page note for people; one bare page as JSON with the contract's keys")
    func listOnePage() async throws {
        try await withCLISandbox { sandbox in
            let human = await sandbox.run("contacts", "list", "--size", "5")
            #expect(human.exitStatus == 0, "\(human.err)")
            let lines = human.out.split(separator: "\n")
            #expect(lines.first?.hasPrefix("ID") == true)
            #expect(lines.first?.contains("ENGAGEMENT") == true)
            #expect(lines.count == 6)
            #expect(human.err.contains("5 contacts, page 1 of 8; more: --page 2 (or --all)"))

            let json = await sandbox.run("contacts", "list", "--size", "5", "--page", "2", "--json")
            #expect(json.exitStatus == 0)
            #expect(json.jsonArray.count == 5)
            // The same keys as the API's own results (nulls are left out of --json).
            let raw = try await Self.raw(sandbox, "/v1/api/contacts?page=1&size=5") as? [String: Any]
            let rawResults = try #require(raw?["results"] as? [[String: Any]])
            #expect(rawResults.count == json.jsonArray.count)
            for (ours, theirs) in zip(json.jsonArray, rawResults) {
                #expect(Self.presentKeys(ours) == Self.presentKeys(theirs))
                #expect(ours["id"] as? String == theirs["id"] as? String)
            }
            #expect(json.jsonArray.first?["is_archived"] is Bool)
            #expect((json.jsonArray.first?["id"] as? String)?.hasPrefix("cnt_") == true)
            // Pages count from 1 on the command line; v1 counts from 0.
            let requests = try await sandbox.journal(pathPrefix: "/v1/api/contacts")
            #expect(requests.map(\.path).contains("/v1/api/contacts?page=1&size=5"))
            #expect(requests.map(\.path).contains("/v1/api/contacts?page=0&size=5"))
        }
    }

    @Test("list --all: every contact, one bare JSON array; a count on stderr for people")
    func listAll() async throws {
        try await withCLISandbox { sandbox in
            let json = await sandbox.run("contacts", "list", "--all", "--json")
            #expect(json.exitStatus == 0, "\(json.err)")
            #expect(json.jsonArray.count == 40)
            #expect(Set(json.jsonArray.compactMap { $0["id"] as? String }).count == 40)

            let human = await sandbox.run("contacts", "list", "--all")
            #expect(human.exitStatus == 0)
            #expect(human.out.split(separator: "\n").count == 41)
            #expect(human.err.contains("40 contacts"))
            #expect(!human.err.contains("more:"))
        }
    }

    @Test("list: a page past the end says so; --size out of range is a usage error with no request")
    func listEdges() async throws {
        try await withCLISandbox { sandbox in
            let bad = await sandbox.run("contacts", "list", "--size", "500")
            #expect(bad.exitStatus == 2)
            #expect(bad.err.contains("--size must be between 1 and 100"))
            let zero = await sandbox.run("contacts", "list", "--page", "0")
            #expect(zero.exitStatus == 2)
            let untouched = try await sandbox.journal(pathPrefix: "/v1/api/contacts")
            #expect(untouched.isEmpty)

            let past = await sandbox.run("contacts", "list", "--page", "9", "--size", "20")
            #expect(past.exitStatus == 0)
            #expect(past.out.isEmpty)
            #expect(past.err.contains("page 9 is past the end (2 pages)"))
        }
    }

    @Test("get: fields for people; the context form as JSON; --extend asks for engagement and activity")
    func get() async throws {
        try await withCLISandbox { sandbox in
            let id = try await Self.contactWithCalls(sandbox)
            let human = await sandbox.run("contacts", "get", id)
            #expect(human.exitStatus == 0, "\(human.err)")
            #expect(human.out.contains("id:"))
            #expect(human.out.contains(id))
            #expect(human.out.contains("numbers:"))
            #expect(human.out.contains("allo contacts conversation \(id)"))
            #expect(!human.out.contains("engagement:"))

            let json = await sandbox.run("contacts", "get", id, "--json")
            #expect(json.exitStatus == 0)
            #expect(json.jsonObject["id"] as? String == id)
            #expect(json.jsonObject["emails"] is [String])
            #expect(json.jsonObject["conversation_url"] as? String == "/v1/api/contact/\(id)/conversation")
            #expect(json.jsonObject["activity"] is NSNull)

            let extended = await sandbox.run("contacts", "get", id, "--extend", "engagement,activity", "--json")
            #expect(extended.exitStatus == 0)
            let activity = try #require(extended.jsonObject["activity"] as? [[String: Any]])
            #expect(!activity.isEmpty)
            #expect(activity.first?["made_at"] is String)
            #expect(activity.first?["type"] is String)

            let extendedHuman = await sandbox.run("contacts", "get", id, "--extend", "activity", "--extend", "engagement")
            #expect(extendedHuman.out.contains("ACTIVITY"))
            #expect(extendedHuman.out.contains("engagement:"))
            let paths = try await sandbox.journal(pathPrefix: "/v1/api/contact/").map(\.path)
            #expect(paths.contains("/v1/api/contact/\(id)?extend=engagement,activity")
                        || paths.contains("/v1/api/contact/\(id)?extend=engagement%2Cactivity"))
        }
    }

    @Test("get: an unknown id is the API's CONTACT_NOT_FOUND, exit 1; a bad --extend is a usage error, exit 2")
    func getErrors() async throws {
        try await withCLISandbox { sandbox in
            let missing = await sandbox.run("contacts", "get", "cnt_doesnotexist")
            #expect(missing.exitStatus == 1)
            #expect(missing.err.hasPrefix("error: CONTACT_NOT_FOUND (HTTP 400)"))
            #expect(missing.out.isEmpty)

            let bad = await sandbox.run("contacts", "get", "cnt_doesnotexist", "--extend", "deals")
            #expect(bad.exitStatus == 2)
            #expect(bad.err.contains("--extend 'deals' is not one of: engagement, activity"))
            let requests = try await sandbox.journal(pathPrefix: "/v1/api/contact/")
            #expect(requests.count == 1)
        }
    }

    @Test("create: posts only the given fields; shows the new contact and a note; JSON is the list form")
    func create() async throws {
        try await withCLISandbox { sandbox in
            let human = await sandbox.run("contacts", "create", "--number", "+14155551234", "--number", "+14155559876",
                                          "--name", "John", "--last-name", "Doe", "--email", "john@acme.com",
                                          "--job-title", "CEO", "--website", "https://acme.com")
            #expect(human.exitStatus == 0, "\(human.err)")
            #expect(human.out.contains("John Doe"))
            #expect(human.out.contains("+14155551234, +14155559876"))
            #expect(human.err.contains("created contact cnt_"))
            let posts = try await sandbox.journal(pathPrefix: "/v1/api/contacts").filter { $0.method == "POST" }
            #expect(posts.count == 1)
            let body = Self.object(posts.first?.body ?? "")
            #expect(Set(body.keys) == ["numbers", "name", "last_name", "emails", "job_title", "website"])
            #expect(body["numbers"] as? [String] == ["+14155551234", "+14155559876"])
            #expect(body["emails"] as? [String] == ["john@acme.com"])

            let json = await sandbox.run("contacts", "create", "--number", "+14155550199", "--json")
            #expect(json.exitStatus == 0)
            #expect((json.jsonObject["id"] as? String)?.hasPrefix("cnt_") == true)
            #expect(json.jsonObject["numbers"] as? [String] == ["+14155550199"])
            #expect(json.jsonObject["is_archived"] as? Bool == false)
            let second = try await sandbox.journal(pathPrefix: "/v1/api/contacts").filter { $0.method == "POST" }.last
            #expect(Set(Self.object(second?.body ?? "").keys) == ["numbers"])
        }
    }

    @Test("create: no --number or a number not in E.164 is a usage error, nothing posted; a read-only key exits 4")
    func createErrors() async throws {
        try await withCLISandbox { sandbox in
            let none = await sandbox.run("contacts", "create", "--name", "John")
            #expect(none.exitStatus == 2)
            #expect(none.err.contains("at least one --number"))
            let bad = await sandbox.run("contacts", "create", "--number", "4155551234")
            #expect(bad.exitStatus == 2)
            #expect(bad.err.contains("not an E.164 number"))
            let email = await sandbox.run("contacts", "create", "--number", "+14155551234", "--email", "nope")
            #expect(email.exitStatus == 2)
            let untouched = try await sandbox.journal(pathPrefix: "/v1/api/contacts")
            #expect(untouched.isEmpty)

            let readOnly = await sandbox.run("contacts", "create", "--number", "+14155551234", key: "read-only")
            #expect(readOnly.exitStatus == 4)
            #expect(readOnly.err.contains("(HTTP 403)"))
            #expect(readOnly.err.contains("CONTACTS_READ_WRITE"))
        }
    }

    @Test("update: the PUT body holds only the given fields, and the others keep their values")
    func update() async throws {
        try await withCLISandbox { sandbox in
            let created = await sandbox.run("contacts", "create", "--number", "+14155551234", "--name", "John",
                                            "--last-name", "Doe", "--email", "john@acme.com", "--json")
            let id = try #require(created.jsonObject["id"] as? String)

            let human = await sandbox.run("contacts", "update", id, "--job-title", "CTO")
            #expect(human.exitStatus == 0, "\(human.err)")
            #expect(human.out.contains("CTO"))
            #expect(human.err.contains("updated contact \(id)"))
            let puts = try await sandbox.journal(pathPrefix: "/v1/api/contacts/").filter { $0.method == "PUT" }
            #expect(puts.count == 1)
            #expect(puts.first?.path == "/v1/api/contacts/\(id)")
            let body = Self.object(puts.first?.body ?? "")
            #expect(Set(body.keys) == ["job_title"])
            #expect(body["job_title"] as? String == "CTO")

            let json = await sandbox.run("contacts", "update", id, "--email", "j@acme.com", "--email", "jd@acme.com",
                                         "--json")
            #expect(json.exitStatus == 0)
            #expect(json.jsonObject["job_title"] as? String == "CTO")
            #expect(json.jsonObject["name"] as? String == "John")
            let second = try await sandbox.journal(pathPrefix: "/v1/api/contacts/").filter { $0.method == "PUT" }.last
            #expect(Self.object(second?.body ?? "")["emails"] as? [String] == ["j@acme.com", "jd@acme.com"])
            #expect(Set(Self.object(second?.body ?? "").keys) == ["emails"])

            let after = await sandbox.run("contacts", "get", id, "--json")
            #expect(after.jsonObject["last_name"] as? String == "Doe")
            #expect(after.jsonObject["numbers"] as? [String] == ["+14155551234"])
            #expect(after.jsonObject["emails"] as? [String] == ["j@acme.com", "jd@acme.com"])
        }
    }

    @Test("update: nothing to change is a usage error with no request; an unknown id is exit 1")
    func updateErrors() async throws {
        try await withCLISandbox { sandbox in
            let nothing = await sandbox.run("contacts", "update", "cnt_abc")
            #expect(nothing.exitStatus == 2)
            #expect(nothing.err.contains("nothing to change"))
            let untouched = try await sandbox.journal(pathPrefix: "/v1/api/contacts")
            #expect(untouched.isEmpty)

            let missing = await sandbox.run("contacts", "update", "cnt_doesnotexist", "--name", "X")
            #expect(missing.exitStatus == 1)
            #expect(missing.err.hasPrefix("error: CONTACT_NOT_FOUND (HTTP 400)"))
        }
    }

    @Test("conversation: calls and texts in a table with call ids; JSON entries in the v1 {type, call, message} shape")
    func conversation() async throws {
        try await withCLISandbox { sandbox in
            let id = try await Self.contactWithCalls(sandbox)
            let human = await sandbox.run("contacts", "conversation", id, "--size", "100")
            #expect(human.exitStatus == 0, "\(human.err)")
            let lines = human.out.split(separator: "\n")
            #expect(lines.first?.hasPrefix("DATE") == true)
            #expect(lines.first?.contains("SUMMARY / TEXT") == true)
            #expect(lines.contains { $0.contains("  call  ") && $0.contains("call_") })

            let json = await sandbox.run("contacts", "conversation", id, "--size", "100", "--json")
            #expect(json.exitStatus == 0)
            let entries = json.jsonArray
            #expect(entries.count == lines.count - 1)
            let call = try #require(entries.first { $0["type"] as? String == "CALL" })
            #expect((call["call"] as? [String: Any])?["start_date"] is String)
            #expect((call["call"] as? [String: Any])?["length_in_minutes"] != nil)
            for entry in entries where entry["type"] as? String == "TEXT_MESSAGE" {
                #expect((entry["message"] as? [String: Any])?["content"] is String)
            }

            let all = await sandbox.run("contacts", "conversation", id, "--all", "--json")
            #expect(all.jsonArray.count == entries.count)
            let calls = entries.filter { $0["type"] as? String == "CALL" }.count
            let allHuman = await sandbox.run("contacts", "conversation", id, "--all")
            #expect(allHuman.out.split(separator: "\n").count == entries.count + 1)
            #expect(allHuman.err.contains("\(calls) call\(calls == 1 ? "" : "s") and \(entries.count - calls) text"))

            let onLine = await sandbox.run("contacts", "conversation", id, "--allo-number", CLISandbox.usLine, "--json")
            #expect(onLine.exitStatus == 0)
            let paths = try await sandbox.journal(pathPrefix: "/v1/api/contact/").map(\.path)
            #expect(paths.contains { $0.contains("allo_number=%2B14155550100") })
            #expect(paths.contains("/v1/api/contact/\(id)/conversation?page=0&size=100"))
        }
    }

    @Test("conversation: a bad --allo-number is a usage error; an unknown contact is exit 1")
    func conversationErrors() async throws {
        try await withCLISandbox { sandbox in
            let bad = await sandbox.run("contacts", "conversation", "cnt_x", "--allo-number", "0415")
            #expect(bad.exitStatus == 2)
            let untouched = try await sandbox.journal(pathPrefix: "/v1/api/contact/")
            #expect(untouched.isEmpty)
            let missing = await sandbox.run("contacts", "conversation", "cnt_doesnotexist")
            #expect(missing.exitStatus == 1)
            #expect(missing.err.contains("CONTACT_NOT_FOUND (HTTP 400)"))
        }
    }

    @Test("human output shows control characters from the API as placeholders, never raw")
    func controlCharactersAreDefused() async throws {
        try await withCLISandbox { sandbox in
            let created = await sandbox.run("contacts", "create", "--number", "+14155551234", "--name",
                                            "Evil\u{1B}]0;pwned\u{07}", "--json")
            let id = try #require(created.jsonObject["id"] as? String)
            let human = await sandbox.run("contacts", "get", id)
            #expect(human.exitStatus == 0)
            #expect(!human.out.contains("\u{1B}"))
            #expect(human.out.contains("Evil␛]0;pwned␇"))
            let json = await sandbox.run("contacts", "get", id, "--json")
            #expect(json.jsonObject["name"] as? String == "Evil\u{1B}]0;pwned\u{07}")
        }
    }
}
