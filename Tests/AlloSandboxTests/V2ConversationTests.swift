import Foundation
import Testing

@Suite("v2 conversations")
struct V2ConversationTests {
    private static let paris = "+33184807512"
    private static let lines = ["+33184807512", "+33757012288", "+14155550100", "+12125550147", "+442071838750"]

    // MARK: - Listing: required parameters

    @Test("Listing without allo_number is 400 MISSING_ALLO_NUMBER")
    func missingAlloNumber() async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.get("/v2/api/conversations")
            #expect(response.status == 400)
            #expect(response.json["error"]["type"].string == "validation_error")
            #expect(response.json["error"]["code"].string == "MISSING_ALLO_NUMBER")
            #expect(response.json["error"]["param"].string == "allo_number")
            #expect(response.json["error"]["retryable"].bool == false)
        }
    }

    @Test("A non-E.164 allo_number is 400 INVALID_PHONE_FORMAT", arguments: ["abc", "0184807512", "%2B33%201%2084"])
    func invalidAlloNumber(value: String) async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.get("/v2/api/conversations?allo_number=\(value)")
            #expect(response.status == 400)
            #expect(response.json["error"]["code"].string == "INVALID_PHONE_FORMAT")
            #expect(response.json["error"]["param"].string == "allo_number")
        }
    }

    @Test("A bare + in allo_number is INVALID_PHONE_FORMAT with a hint to send %2B")
    func barePlusHint() async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.get("/v2/api/conversations?allo_number=+33184807512")
            #expect(response.status == 400)
            #expect(response.json["error"]["code"].string == "INVALID_PHONE_FORMAT")
            #expect(response.json["error"]["message"].string?.contains("%2B") == true)
        }
    }

    @Test("An E.164 number that is not one of ours is 404 PHONE_NUMBER_NOT_FOUND")
    func unknownAlloNumber() async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.get("/v2/api/conversations?allo_number=%2B15555550123")
            #expect(response.status == 404)
            #expect(response.json["error"]["type"].string == "not_found_error")
            #expect(response.json["error"]["code"].string == "PHONE_NUMBER_NOT_FOUND")
        }
    }

    // MARK: - Listing: shape, order, pages

    @Test("A conversation summary has contact_number, contacts, last_activity in UTC and the line's latest item")
    func summaryShape() async throws {
        try await withSandbox { sandbox in
            for line in Self.lines {
                let summaries = try await listAll(sandbox, line: line)
                #expect(!summaries.isEmpty, "no conversation on \(line)")
                for summary in summaries {
                    #expect(summary.keys == ["contact_number", "contacts", "last_activity", "last_item"])
                    let activity = try #require(summary["last_activity"].string)
                    #expect(activity.count == 20 && activity.hasSuffix("Z"), "\(activity)")
                    let last = summary["last_item"]
                    #expect(last["allo_number"].string == line)
                    #expect(last["contact_number"] == summary["contact_number"])
                    #expect(last["date"].string == activity)
                    #expect(["CALL", "SMS"].contains(last["type"].string ?? ""))
                    #expect(last["transcript"].isNull)
                    for contact in summary["contacts"].array {
                        #expect(contact.keys == ["id", "name", "company", "deals"])
                        #expect(contact["id"].string?.hasPrefix("cnt-") == true)
                    }
                }
            }
        }
    }

    @Test("Saved contacts appear in the summary; unsaved numbers have none")
    func summaryContacts() async throws {
        try await withSandbox { sandbox in
            let summaries = try await listAll(sandbox, line: Self.paris)
            #expect(summaries.contains { $0["contacts"].count > 0 })
            #expect(summaries.contains { $0["contacts"].count == 0 })
        }
    }

    @Test("Conversations come most recent first, across pages")
    func orderedByLastActivity() async throws {
        try await withSandbox { sandbox in
            for line in Self.lines {
                let activities = try await walk(sandbox, line: line, size: 4).compactMap { $0["last_activity"].string }
                #expect(activities == activities.sorted(by: >), "\(line)")
            }
        }
    }

    @Test("The default page is page 1 of size 20 with full pagination metadata")
    func defaultPagination() async throws {
        try await withSandbox(contacts: 120) { sandbox in
            let response = try await sandbox.get("/v2/api/conversations?allo_number=%2B33184807512")
            #expect(response.status == 200)
            #expect(response.json.keys == ["data", "pagination"])
            let pagination = response.json["pagination"]
            #expect(pagination.keys == ["page", "size", "total_count", "total_pages", "has_more"])
            #expect(pagination["page"].int == 1)
            #expect(pagination["size"].int == 20)
            let total = try #require(pagination["total_count"].int)
            #expect(total > 20)
            #expect(response.json["data"].count == 20)
            #expect(pagination["total_pages"].int == (total + 19) / 20)
            #expect(pagination["has_more"].bool == true)
        }
    }

    @Test("Walking the pages until has_more is false yields total_count distinct conversations")
    func walkingPages() async throws {
        try await withSandbox { sandbox in
            let first = try await sandbox.get("/v2/api/conversations?allo_number=%2B33184807512&size=5").json
            let total = try #require(first["pagination"]["total_count"].int)
            #expect(first["pagination"]["total_pages"].int == (total + 4) / 5)
            var seen: [String] = []
            var page = 1
            while true {
                let response = try await sandbox.get("/v2/api/conversations?allo_number=%2B33184807512&size=5&page=\(page)")
                #expect(response.status == 200)
                let pagination = response.json["pagination"]
                #expect(pagination["page"].int == page)
                #expect(pagination["size"].int == 5)
                #expect(pagination["total_count"].int == total)
                seen += response.json["data"].array.compactMap { $0["contact_number"].string }
                guard pagination["has_more"].bool == true else { break }
                #expect(response.json["data"].count == 5)
                page += 1
                try #require(page <= 100)
            }
            #expect(page == (total + 4) / 5)
            #expect(seen.count == total)
            #expect(Set(seen).count == total)

            let beyond = try await sandbox.get("/v2/api/conversations?allo_number=%2B33184807512&size=5&page=\(page + 1)")
            #expect(beyond.status == 200)
            #expect(beyond.json["data"].count == 0)
            #expect(beyond.json["pagination"]["has_more"].bool == false)
        }
    }

    @Test("page must be at least 1", arguments: ["0", "-1", "x"])
    func badPage(page: String) async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.get("/v2/api/conversations?allo_number=%2B33184807512&page=\(page)")
            #expect(response.status == 400)
            #expect(response.json["error"]["code"].string == "INVALID_PARAMETER")
            #expect(response.json["error"]["param"].string == "page")
        }
    }

    @Test("size outside 1–100 is INVALID_PAGE_SIZE", arguments: ["101", "0", "1000"])
    func badSize(size: String) async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.get("/v2/api/conversations?allo_number=%2B33184807512&size=\(size)")
            #expect(response.status == 400)
            #expect(response.json["error"]["code"].string == "INVALID_PAGE_SIZE")
            #expect(response.json["error"]["param"].string == "size")
        }
    }

    @Test("size=100 is accepted")
    func maximumSize() async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.get("/v2/api/conversations?allo_number=%2B33184807512&size=100")
            #expect(response.status == 200)
            #expect(response.json["pagination"]["size"].int == 100)
        }
    }

    // MARK: - Listing: filters

    @Test("unread=true and unread=false split the default list")
    func unreadFilter() async throws {
        try await withSandbox { sandbox in
            let all = Set(try await listAll(sandbox, line: Self.paris).compactMap { $0["contact_number"].string })
            let unread = try await listAll(sandbox, line: Self.paris, query: "&unread=true")
            let read = try await listAll(sandbox, line: Self.paris, query: "&unread=false")
            let unreadNumbers = Set(unread.compactMap { $0["contact_number"].string })
            let readNumbers = Set(read.compactMap { $0["contact_number"].string })
            #expect(!unreadNumbers.isEmpty)
            #expect(!readNumbers.isEmpty)
            #expect(unreadNumbers.isDisjoint(with: readNumbers))
            #expect(unreadNumbers.union(readNumbers) == all)
            // An unread conversation ends with something the other side sent.
            #expect(unread.allSatisfy { $0["last_item"]["direction"].string == "INBOUND" })
        }
    }

    @Test("last_activity_since keeps the conversations active at or after that time")
    func lastActivitySince() async throws {
        try await withSandbox { sandbox in
            let all = try await listAll(sandbox, line: Self.paris)
            try #require(all.count > 6)
            let since = try #require(all[5]["last_activity"].string)
            let expected = all.filter { ($0["last_activity"].string ?? "") >= since }.compactMap { $0["contact_number"].string }
            let response = try await sandbox.get("/v2/api/conversations?allo_number=%2B33184807512&size=100&last_activity_since=\(since)")
            #expect(response.status == 200)
            let got = response.json["data"].array
            #expect(got.compactMap { $0["contact_number"].string } == expected)
            #expect(response.json["pagination"]["total_count"].int == expected.count)
            #expect(got.allSatisfy { ($0["last_activity"].string ?? "") >= since })
        }
    }

    @Test("last_activity_since in the future gives an empty page; a malformed one is 400")
    func lastActivitySinceEdges() async throws {
        try await withSandbox { sandbox in
            let future = try await sandbox.get("/v2/api/conversations?allo_number=%2B33184807512&last_activity_since=2030-01-01T00:00:00Z")
            #expect(future.status == 200)
            #expect(future.json["data"].count == 0)
            #expect(future.json["pagination"]["total_count"].int == 0)
            #expect(future.json["pagination"]["has_more"].bool == false)
            let bad = try await sandbox.get("/v2/api/conversations?allo_number=%2B33184807512&last_activity_since=yesterday")
            #expect(bad.status == 400)
            #expect(bad.json["error"]["param"].string == "last_activity_since")
        }
    }

    @Test("extend=transcript fills the transcript of a call's last item; other extend values are rejected")
    func extendTranscript() async throws {
        try await withSandbox { sandbox in
            var checked = false
            for line in Self.lines where !checked {
                let plain = try await listAll(sandbox, line: line)
                let extended = try await listAll(sandbox, line: line, query: "&extend=transcript")
                #expect(plain.count == extended.count)
                for (without, with) in zip(plain, extended) where with["last_item"]["type"].string == "CALL" {
                    #expect(without["last_item"]["transcript"].isNull)
                    if without["last_item"]["summary"].string != nil {
                        let rows = with["last_item"]["transcript"].array
                        #expect(!rows.isEmpty)
                        #expect(rows.allSatisfy { ["USER", "EXTERNAL"].contains($0["source"].string ?? "") })
                        checked = true
                    }
                }
                // Messages never carry a transcript.
                #expect(extended.filter { $0["last_item"]["type"].string == "SMS" }.allSatisfy { $0["last_item"]["transcript"].isNull })
            }
            #expect(checked, "no conversation ends with a summarised call")

            let bad = try await sandbox.get("/v2/api/conversations?allo_number=%2B33184807512&extend=engagement")
            #expect(bad.status == 400)
            #expect(bad.json["error"]["code"].string == "UNSUPPORTED_EXTEND_VALUE")
        }
    }

    // MARK: - Actions

    @Test("READ takes a conversation out of unread=true; UNREAD brings it back")
    func readAndUnread() async throws {
        try await withSandbox { sandbox in
            let unread = try await listAll(sandbox, line: Self.paris, query: "&unread=true")
            let number = try #require(unread.first?["contact_number"].string)

            let read = try await action(sandbox, number, #"{"action":"READ"}"#)
            #expect(read.status == 200)
            #expect(read.json["data"]["contact_number"].string == number)
            #expect(read.json["data"]["action"].string == "READ")
            let states = read.json["data"]["conversations"].array
            #expect(states.contains { $0["allo_number"].string == Self.paris && $0["unread"].bool == false && $0["archived"].bool == false })
            #expect(states.allSatisfy { $0.keys == ["allo_number", "unread", "archived"] })
            #expect(try await numbers(sandbox, query: "&unread=true").contains(number) == false)
            #expect(try await numbers(sandbox, query: "&unread=false").contains(number))

            let again = try await action(sandbox, number, #"{"action":"UNREAD"}"#)
            #expect(again.status == 200)
            #expect(again.json["data"]["conversations"].array.contains { $0["allo_number"].string == Self.paris && $0["unread"].bool == true })
            #expect(try await numbers(sandbox, query: "&unread=true").contains(number))
        }
    }

    @Test("ARCHIVE hides a conversation from the default list and shows it with archived=true; UNARCHIVE restores it")
    func archiveAndUnarchive() async throws {
        try await withSandbox { sandbox in
            let before = try await numbers(sandbox)
            let number = try #require(before.dropFirst(2).first)
            let archivedBefore = try await numbers(sandbox, query: "&archived=true")
            #expect(!archivedBefore.contains(number))

            let archive = try await action(sandbox, number, #"{"action":"ARCHIVE"}"#)
            #expect(archive.status == 200)
            #expect(archive.json["data"]["conversations"].array.contains { $0["allo_number"].string == Self.paris && $0["archived"].bool == true })
            let hidden = try await sandbox.get("/v2/api/conversations?allo_number=%2B33184807512&size=100").json
            #expect(!hidden["data"].array.contains { $0["contact_number"].string == number })
            #expect(hidden["pagination"]["total_count"].int == before.count - 1)
            #expect(try await numbers(sandbox, query: "&archived=true") == archivedBefore.union([number]))

            let restore = try await action(sandbox, number, #"{"action":"UNARCHIVE"}"#)
            #expect(restore.status == 200)
            #expect(try await numbers(sandbox) == before)
            #expect(try await numbers(sandbox, query: "&archived=true") == archivedBefore)
        }
    }

    @Test("An action outside READ, UNREAD, ARCHIVE, UNARCHIVE is 400 INVALID_ACTION", arguments: [
        #"{"action":"DELETE"}"#, #"{"action":"read"}"#, #"{}"#, #"{"action":null}"#,
    ])
    func invalidAction(body: String) async throws {
        try await withSandbox { sandbox in
            let number = try #require(try await numbers(sandbox).first)
            let response = try await action(sandbox, number, body)
            #expect(response.status == 400)
            #expect(response.json["error"]["code"].string == "INVALID_ACTION")
            #expect(response.json["error"]["param"].string == "action")
        }
    }

    @Test("An action on a number with no conversation is 404 CONVERSATION_NOT_FOUND")
    func actionOnUnknownConversation() async throws {
        try await withSandbox { sandbox in
            let response = try await action(sandbox, "+15555550199", #"{"action":"READ"}"#)
            #expect(response.status == 404)
            #expect(response.json["error"]["type"].string == "not_found_error")
            #expect(response.json["error"]["code"].string == "CONVERSATION_NOT_FOUND")
        }
    }

    @Test("An action limited to a line where the number has no conversation is 404 CONVERSATION_NOT_FOUND")
    func actionOnOtherLine() async throws {
        try await withSandbox { sandbox in
            let number = try #require(try await numbers(sandbox).first)
            let response = try await action(sandbox, number, #"{"action":"READ","allo_number":"+14155550100"}"#)
            #expect(response.status == 404)
            #expect(response.json["error"]["code"].string == "CONVERSATION_NOT_FOUND")
        }
    }

    @Test("A malformed contact number in the path is 400 INVALID_PHONE_FORMAT")
    func actionWithBadNumber() async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.request("PUT", "/v2/api/conversations/12345/action", json: #"{"action":"READ"}"#)
            #expect(response.status == 400)
            #expect(response.json["error"]["code"].string == "INVALID_PHONE_FORMAT")
        }
    }

    @Test("allo_number limits an action to one line; without it the action applies on every line")
    func actionLimitedToOneLine() async throws {
        try await withSandbox { sandbox in
            // A French contact who also got a message from the sender ID has a conversation on two lines.
            let senderMessage = try #require(try await firstSenderIDMessage(sandbox))
            let number = try #require(senderMessage["contact_number"].string)
            let history = try await sandbox.post("/v2/api/conversations/items/search",
                                                 #"{"contact_number":"\#(number)","size":100}"#).json["data"].array
            let line = try #require(history.compactMap { $0["allo_number"].string }.first)

            let everywhere = try await action(sandbox, number, #"{"action":"ARCHIVE"}"#)
            #expect(everywhere.status == 200)
            let states = everywhere.json["data"]["conversations"].array
            #expect(states.count == 2)
            #expect(states.allSatisfy { $0["archived"].bool == true })
            #expect(states.contains { $0["allo_number"].string == line })
            #expect(states.contains { $0["allo_number"].isNull })

            let one = try await action(sandbox, number, #"{"action":"UNARCHIVE","allo_number":"\#(line)"}"#)
            #expect(one.status == 200)
            let limited = one.json["data"]["conversations"].array
            #expect(limited.count == 1)
            #expect(limited.first?["allo_number"].string == line)
            #expect(limited.first?["archived"].bool == false)
            let other = try await action(sandbox, number, #"{"action":"ARCHIVE","allo_number":"\#(line)"}"#)
            #expect(other.json["data"]["conversations"].count == 1)
        }
    }

    @Test("A live inbound SMS in a read conversation marks it unread and moves it to the top")
    func liveInboundSMS() async throws {
        try await withSandbox { sandbox in
            let read = try await listAll(sandbox, line: Self.paris, query: "&unread=false")
            let conversation = try #require(read.last)
            let number = try #require(conversation["contact_number"].string)
            let top = try await sandbox.get("/v2/api/conversations?allo_number=%2B33184807512").json["data"][0]
            #expect(top["contact_number"].string != number)

            let activity = try await sandbox.control("POST", "/activity", json: """
                {"kind":"sms","allo_number":"\(Self.paris)","contact_number":"\(number)","content":"Bonjour, toujours dispo ?"}
                """)
            #expect(activity.status == 201)
            let item = activity.json["data"]
            #expect(item["id"].string?.hasPrefix("msg-") == true)

            let list = try await sandbox.get("/v2/api/conversations?allo_number=%2B33184807512").json["data"]
            #expect(list[0]["contact_number"].string == number)
            #expect(list[0]["last_activity"].string == "2026-11-18T11:16:40Z")
            #expect(list[0]["last_item"]["id"] == item["id"])
            #expect(list[0]["last_item"]["content"].string == "Bonjour, toujours dispo ?")
            #expect(list[0]["last_item"]["direction"].string == "INBOUND")
            #expect(try await numbers(sandbox, query: "&unread=true").contains(number))
        }
    }

    @Test("An inbound SMS in the same second as READ makes both the conversation and the message unread")
    func inboundRightAfterRead() async throws {
        try await withSandbox { sandbox in
            let number = try #require(try await listAll(sandbox, line: Self.paris).compactMap { $0["contact_number"].string }
                .first { $0.hasPrefix("+") })
            #expect(try await action(sandbox, number, #"{"action":"READ"}"#).status == 200)
            let activity = try await sandbox.control("POST", "/activity", json: """
                {"kind":"sms","allo_number":"\(Self.paris)","contact_number":"\(number)","content":"Vous êtes ouverts demain ?"}
                """)
            let id = try #require(activity.json["data"]["id"].string)
            #expect(try await numbers(sandbox, query: "&unread=true").contains(number))
            let unreadItems = try await sandbox.post("/v2/api/conversations/items/search",
                                                     #"{"unread":true,"contact_number":"\#(number)"}"#).json["data"].array
            #expect(unreadItems.compactMap { $0["id"].string } == [id])
        }
    }

    @Test("UNREAD on one line makes that line's latest inbound item unread, even with newer activity on another line")
    func unreadIsPerLine() async throws {
        try await withSandbox { sandbox in
            let number = try #require(try await listAll(sandbox, line: Self.paris).compactMap { $0["contact_number"].string }
                .first { $0.hasPrefix("+33") })
            let paris = try await sandbox.post("/v2/api/conversations/items/search",
                                               #"{"direction":"INBOUND","contact_number":"\#(number)","allo_number":"\#(Self.paris)"}"#)
            let newestInbound = try #require(paris.json["data"].array.first?["id"].string)
            sandbox.clock.advance(by: 10)
            let other = try await sandbox.control("POST", "/activity", json: """
                {"kind":"sms","allo_number":"+33757012288","contact_number":"\(number)","content":"Bonjour le support"}
                """)
            #expect(other.status == 201)
            sandbox.clock.advance(by: 10)
            #expect(try await action(sandbox, number, #"{"action":"READ","allo_number":"\#(Self.paris)"}"#).status == 200)
            sandbox.clock.advance(by: 10)
            let unread = try await action(sandbox, number, #"{"action":"UNREAD","allo_number":"\#(Self.paris)"}"#)
            #expect(unread.json["data"]["conversations"][0]["unread"].bool == true)
            let unreadItems = try await sandbox.post("/v2/api/conversations/items/search",
                                                     #"{"unread":true,"contact_number":"\#(number)","allo_number":"\#(Self.paris)"}"#)
            #expect(unreadItems.json["data"].array.compactMap { $0["id"].string } == [newestInbound])
        }
    }

    @Test("A live inbound SMS brings an archived conversation back to the default list")
    func liveInboundUnarchives() async throws {
        try await withSandbox { sandbox in
            let number = try #require(try await numbers(sandbox).first)
            #expect(try await action(sandbox, number, #"{"action":"ARCHIVE"}"#).status == 200)
            #expect(try await numbers(sandbox).contains(number) == false)
            let activity = try await sandbox.control("POST", "/activity", json: """
                {"kind":"sms","allo_number":"\(Self.paris)","contact_number":"\(number)","content":"Re-bonjour"}
                """)
            #expect(activity.status == 201)
            #expect(try await numbers(sandbox).contains(number))
        }
    }
}

// MARK: - Helpers

extension V2ConversationTests {
    private func encoded(_ number: String) -> String {
        number.replacingOccurrences(of: "+", with: "%2B")
    }

    /// Every conversation of a line that one page of 100 shows (the seeded lines have fewer).
    private func listAll(_ sandbox: TestSandbox, line: String, query: String = "") async throws -> [J] {
        let response = try await sandbox.get("/v2/api/conversations?allo_number=\(encoded(line))&size=100\(query)")
        try #require(response.status == 200, "\(response.text)")
        let json = response.json
        try #require(json["pagination"]["has_more"].bool == false)
        return json["data"].array
    }

    /// Every conversation of a line, page by page.
    private func walk(_ sandbox: TestSandbox, line: String, size: Int) async throws -> [J] {
        var all: [J] = []
        for page in 1...1000 {
            let response = try await sandbox.get("/v2/api/conversations?allo_number=\(encoded(line))&size=\(size)&page=\(page)")
            try #require(response.status == 200)
            let json = response.json
            all += json["data"].array
            if json["pagination"]["has_more"].bool != true { break }
        }
        return all
    }

    /// Contact numbers of the Paris line's conversations.
    private func numbers(_ sandbox: TestSandbox, query: String = "") async throws -> Set<String> {
        Set(try await listAll(sandbox, line: Self.paris, query: query).compactMap { $0["contact_number"].string })
    }

    private func action(_ sandbox: TestSandbox, _ number: String, _ body: String) async throws -> HTTPResult {
        try await sandbox.request("PUT", "/v2/api/conversations/\(encoded(number))/action", json: body)
    }

    /// The newest message sent from a sender ID (it has `sender_id` and no Allo number).
    private func firstSenderIDMessage(_ sandbox: TestSandbox) async throws -> J? {
        for page in 1...50 {
            let response = try await sandbox.post("/v2/api/conversations/items/search",
                                                  #"{"type":"SMS","direction":"OUTBOUND","size":100,"page":\#(page)}"#)
            try #require(response.status == 200)
            let json = response.json
            if let found = json["data"].array.first(where: { !$0["sender_id"].isMissing }) { return found }
            if json["pagination"]["has_more"].bool != true { return nil }
        }
        return nil
    }
}
