import Foundation
import Testing

@Suite("v2 items")
struct V2ItemTests {
    private static let itemKeys: Set<String> = [
        "id", "type", "direction", "allo_number", "contact_number", "contacts", "user", "date", "duration", "result",
        "recording_url", "summary", "tags", "transcript", "content", "status", "message_type",
    ]

    /// One search filter, and what every item it returns must satisfy.
    struct FilterCase: Sendable, CustomTestStringConvertible {
        let body: String
        let narrows: Bool
        let holds: @Sendable (J) -> Bool
        var testDescription: String { body }
    }

    static let filterCases: [FilterCase] = [
        FilterCase(body: #""allo_number":"+14155550100""#, narrows: true) { $0["allo_number"].string == "+14155550100" },
        FilterCase(body: #""allo_number":"+12125550147""#, narrows: true) {
            $0["allo_number"].string == "+12125550147" && $0["type"].string == "CALL"
        },
        FilterCase(body: #""direction":"INBOUND""#, narrows: true) { $0["direction"].string == "INBOUND" },
        FilterCase(body: #""direction":"OUTBOUND""#, narrows: true) { $0["direction"].string == "OUTBOUND" },
        FilterCase(body: #""type":"CALL""#, narrows: true) { $0["type"].string == "CALL" && $0["id"].string?.hasPrefix("cll-") == true },
        FilterCase(body: #""type":"SMS""#, narrows: true) { $0["type"].string == "SMS" && $0["id"].string?.hasPrefix("msg-") == true },
        FilterCase(body: #""type":"TEXT_MESSAGE""#, narrows: true) { $0["type"].string == "SMS" },
        FilterCase(body: #""type":"ALL""#, narrows: false) { ["CALL", "SMS"].contains($0["type"].string ?? "") },
        FilterCase(body: #""result":"ANSWERED""#, narrows: true) { $0["type"].string == "CALL" && $0["result"].string == "ANSWERED" },
        FilterCase(body: #""result":"VOICEMAIL""#, narrows: true) { $0["type"].string == "CALL" && $0["result"].string == "VOICEMAIL" },
        FilterCase(body: #""result":"TRANSFERRED""#, narrows: true) { $0["type"].string == "CALL" && $0["result"].string == "TRANSFERRED" },
        FilterCase(body: #""result":"MISSED""#, narrows: true) { $0["type"].string == "CALL" && $0["result"].isNull },
        FilterCase(body: #""tags":["billing"]"#, narrows: true) { $0["tags"].array.contains(.string("billing")) },
        FilterCase(body: #""tags":["billing","support"]"#, narrows: true) {
            $0["tags"].array.contains(.string("billing")) || $0["tags"].array.contains(.string("support"))
        },
        FilterCase(body: #""has_recording":true"#, narrows: true) {
            $0["type"].string == "CALL" && $0["recording_url"].string?.hasPrefix("https://") == true
        },
        FilterCase(body: #""has_recording":false"#, narrows: true) { $0["recording_url"].isNull },
        FilterCase(body: #""unread":true"#, narrows: true) { $0["direction"].string == "INBOUND" },
        FilterCase(body: #""unresponded":true"#, narrows: true) { $0["direction"].string == "INBOUND" },
    ]

    // MARK: - Search: filters

    @Test("Each search filter alone returns only, and not all, the matching items", arguments: V2ItemTests.filterCases)
    func singleFilter(filter: FilterCase) async throws {
        try await withSandbox { sandbox in
            let everything = try await total(sandbox, "")
            let items = try await searchAll(sandbox, filter.body)
            #expect(!items.isEmpty)
            let failing = items.filter { !filter.holds($0) }
            #expect(failing.isEmpty, "\(failing.first?.description ?? "")")
            if filter.narrows { #expect(items.count < everything) } else { #expect(items.count == everything) }
            #expect(Set(items.compactMap { $0["id"].string }).count == items.count)
        }
    }

    @Test("Complementary filters partition every item", arguments: [
        [#""direction":"INBOUND""#, #""direction":"OUTBOUND""#],
        [#""type":"CALL""#, #""type":"SMS""#],
        [#""has_recording":true"#, #""has_recording":false"#],
        [#""unread":true"#, #""unread":false"#],
        [#""unresponded":true"#, #""unresponded":false"#],
    ])
    func complementaryFilters(bodies: [String]) async throws {
        try await withSandbox { sandbox in
            let everything = try await total(sandbox, "")
            var seen = Set<String>()
            for body in bodies {
                let ids = try await searchAll(sandbox, body).compactMap { $0["id"].string }
                #expect(seen.isDisjoint(with: ids))
                seen.formUnion(ids)
            }
            #expect(seen.count == everything)
        }
    }

    @Test("The results of the four call results and MISSED add up to every call")
    func resultsCoverCalls() async throws {
        try await withSandbox { sandbox in
            let calls = try await total(sandbox, #""type":"CALL""#)
            var sum = 0
            for result in ["ANSWERED", "VOICEMAIL", "TRANSFERRED", "MISSED"] {
                sum += try await total(sandbox, #""result":"\#(result)""#)
            }
            #expect(sum == calls)
        }
    }

    @Test("contact_number returns that party's items only; an unknown number has none; a malformed one is 400")
    func contactNumberFilter() async throws {
        try await withSandbox { sandbox in
            let first = try await search(sandbox, "").json["data"][0]
            let number = try #require(first["contact_number"].string)
            let items = try await searchAll(sandbox, #""contact_number":"\#(number)""#)
            #expect(items.count > 1)
            #expect(items.allSatisfy { $0["contact_number"].string == number })
            #expect(items.contains { $0["id"] == first["id"] })

            let unknown = try await search(sandbox, #""contact_number":"+15555550199""#)
            #expect(unknown.status == 200)
            #expect(unknown.json["data"].count == 0)
            #expect(unknown.json["pagination"]["total_count"].int == 0)

            let bad = try await search(sandbox, #""contact_number":"06 12 34 56 78""#)
            #expect(bad.status == 400)
            #expect(bad.json["error"]["code"].string == "INVALID_PHONE_FORMAT")
            #expect(bad.json["error"]["param"].string == "contact_number")
        }
    }

    @Test("user_id returns the items that user handled; an unknown user is 404 USER_NOT_FOUND")
    func userFilter() async throws {
        try await withSandbox { sandbox in
            let active = try await sandbox.get("/v2/api/users").json["data"].array
            let blocked = try await sandbox.get("/v2/api/users?status=BLOCKED").json["data"].array
            let users = active + blocked
            var matched = 0
            for user in users {
                let id = try #require(user["id"].string)
                let items = try await searchAll(sandbox, #""user_id":"\#(id)""#)
                #expect(items.allSatisfy { $0["user"]["id"].string == id })
                #expect(items.allSatisfy { $0["user"] == .object(["id": user["id"], "name": user["name"], "email": user["email"]]) })
                matched += items.count
            }
            #expect(matched > 0)
            // Every item is handled by exactly one user, or by nobody.
            let everything = try await searchAll(sandbox, "")
            #expect(matched + everything.filter { $0["user"].isNull }.count == everything.count)

            let unknown = try await search(sandbox, #""user_id":"usr-nobody000000""#)
            #expect(unknown.status == 404)
            #expect(unknown.json["error"]["code"].string == "USER_NOT_FOUND")
            #expect(unknown.json["error"]["param"].string == "user_id")
        }
    }

    @Test("An unknown Allo number is 404 PHONE_NUMBER_NOT_FOUND; bad enum values are 400 INVALID_PARAMETER", arguments: [
        (#""allo_number":"+15555550123""#, 404, "PHONE_NUMBER_NOT_FOUND"),
        (#""allo_number":"nope""#, 400, "INVALID_PHONE_FORMAT"),
        (#""direction":"SIDEWAYS""#, 400, "INVALID_PARAMETER"),
        (#""type":"FAX""#, 400, "INVALID_PARAMETER"),
        (#""result":"BUSY""#, 400, "INVALID_PARAMETER"),
        (#""sort":"LOUDEST""#, 400, "INVALID_PARAMETER"),
        (#""unread":"yes""#, 400, "INVALID_REQUEST_BODY"),
        (#""tags":"vip""#, 400, "INVALID_REQUEST_BODY"),
    ])
    func badFilterValues(body: String, status: Int, code: String) async throws {
        try await withSandbox { sandbox in
            let response = try await search(sandbox, body)
            #expect(response.status == status)
            #expect(response.json["error"]["code"].string == code)
            #expect(response.json["error"]["retryable"].bool == false)
        }
    }

    @Test("unread items are the inbound ones of unread conversations; READ clears them")
    func unreadItemsFollowConversations() async throws {
        try await withSandbox { sandbox in
            let unread = try await searchAll(sandbox, #""unread":true,"allo_number":"+33184807512""#)
            let item = try #require(unread.first)
            let number = try #require(item["contact_number"].string)
            let conversations = try await sandbox.get("/v2/api/conversations?allo_number=%2B33184807512&unread=true&size=100").json["data"].array
            let unreadNumbers = Set(conversations.compactMap { $0["contact_number"].string })
            #expect(Set(unread.compactMap { $0["contact_number"].string }).isSubset(of: unreadNumbers))

            let path = "/v2/api/conversations/\(number.replacingOccurrences(of: "+", with: "%2B"))/action"
            #expect(try await sandbox.request("PUT", path, json: #"{"action":"READ"}"#).status == 200)
            let after = try await searchAll(sandbox, #""unread":true,"contact_number":"\#(number)""#)
            #expect(after.isEmpty)
        }
    }

    @Test("An unresponded item has no outbound item after it in its conversation")
    func unrespondedMeansNoLaterOutbound() async throws {
        try await withSandbox { sandbox in
            let unresponded = try await searchAll(sandbox, #""unresponded":true"#)
            try #require(!unresponded.isEmpty)
            for item in unresponded.prefix(8) {
                let number = try #require(item["contact_number"].string)
                let line = item["allo_number"]
                let history = try await searchAll(sandbox, #""contact_number":"\#(number)""#).filter { $0["allo_number"] == line }
                let date = try #require(item["date"].string)
                #expect(!history.contains { $0["direction"].string == "OUTBOUND" && ($0["date"].string ?? "") > date })
            }
        }
    }

    // MARK: - Search: dates

    @Test("A date range keeps items from the first day to the end of the last")
    func dateRange() async throws {
        try await withSandbox { sandbox in
            let items = try await searchAll(sandbox, #""date":{"from":"2026-11-10","to":"2026-11-15"}"#)
            #expect(!items.isEmpty)
            #expect(items.allSatisfy { ("2026-11-10"..."2026-11-15").contains(String(($0["date"].string ?? "").prefix(10))) })
            let expected = try await searchAll(sandbox, "").filter {
                ("2026-11-10"..."2026-11-15").contains(String(($0["date"].string ?? "").prefix(10)))
            }
            #expect(items.compactMap { $0["id"].string } == expected.compactMap { $0["id"].string })

            let oneDay = try await searchAll(sandbox, #""date":{"from":"2026-11-12","to":"2026-11-12"}"#)
            #expect(oneDay.allSatisfy { $0["date"].string?.hasPrefix("2026-11-12") == true })
        }
    }

    @Test("Bad date ranges are rejected with their own codes", arguments: [
        (#""date":{"from":"2026-11-15","to":"2026-11-10"}"#, "INVALID_DATE_RANGE"),
        (#""date":{"from":"2024-01-01","to":"2026-01-01"}"#, "DATE_RANGE_TOO_WIDE"),
        (#""date":{"from":"2026-11-15"}"#, "MISSING_PARAMETER"),
        (#""date":{"to":"2026-11-15"}"#, "MISSING_PARAMETER"),
        (#""date":{"from":"15/11/2026","to":"2026-11-20"}"#, "INVALID_PARAMETER"),
    ])
    func badDateRange(body: String, code: String) async throws {
        try await withSandbox { sandbox in
            let response = try await search(sandbox, body)
            #expect(response.status == 400)
            #expect(response.json["error"]["type"].string == "validation_error")
            #expect(response.json["error"]["code"].string == code)
        }
    }

    @Test("A range of a full year is accepted")
    func yearRange() async throws {
        try await withSandbox { sandbox in
            let response = try await search(sandbox, #""date":{"from":"2025-11-19","to":"2026-11-18"}"#)
            #expect(response.status == 200)
            let everything = try await total(sandbox, "")
            #expect(response.json["pagination"]["total_count"].int == everything)
        }
    }

    // MARK: - Search: text

    @Test("Search words are AND-combined")
    func wordsAreAndCombined() async throws {
        try await withSandbox { sandbox in
            let messages = try await searchAll(sandbox, #""type":"SMS","allo_number":"+14155550100""#)
            let (message, words) = try #require(messages.lazy.compactMap { message -> (J, [String])? in
                let words = Self.words(message["content"].string ?? "").filter { $0.count >= 5 && $0.allSatisfy(\.isLetter) }
                return Set(words).count >= 2 ? (message, Array(Set(words)).sorted()) : nil
            }.first)
            let first = words[0], second = words[1]
            let both = try await searchAll(sandbox, #""search":"\#(first) \#(second)","extend":"transcript""#)
            #expect(both.contains { $0["id"] == message["id"] })
            for item in both {
                let text = Self.words(Self.searchableText(item)).map(Self.fold)
                #expect(text.contains { $0.hasPrefix(Self.fold(first)) } && text.contains { $0.hasPrefix(Self.fold(second)) }, "\(item)")
            }
            let onlyFirst = try await total(sandbox, #""search":"\#(first)""#)
            let onlySecond = try await total(sandbox, #""search":"\#(second)""#)
            #expect(both.count <= min(onlyFirst, onlySecond))

            let none = try await search(sandbox, #""search":"\#(first) qzxwvjk""#)
            #expect(none.status == 200)
            #expect(none.json["data"].count == 0)
        }
    }

    @Test("A search word matches as a prefix, ignoring accents and case")
    func prefixAndAccentInsensitive() async throws {
        try await withSandbox { sandbox in
            let messages = try await searchAll(sandbox, #""type":"SMS","allo_number":"+33184807512""#)
            // A word with an accent in its first letters, e.g. "réservation".
            let (message, word) = try #require(messages.lazy.compactMap { message -> (J, String)? in
                let accented = Self.words(message["content"].string ?? "").first { word in
                    word.count >= 6 && word.allSatisfy(\.isLetter) && word.prefix(4).contains { !$0.isASCII }
                        && word.allSatisfy { $0.isASCII || "àâäçéèêëîïôöùûü".contains($0) }
                }
                return accented.map { (message, $0) }
            }.first)
            let prefix = String(Self.fold(word).prefix(5)).uppercased()
            #expect(prefix != word.prefix(5).uppercased())
            let found = try await searchAll(sandbox, #""search":"\#(prefix)","extend":"transcript""#)
            #expect(found.contains { $0["id"] == message["id"] }, "'\(prefix)' did not find '\(word)'")
            for item in found {
                #expect(Self.words(Self.searchableText(item)).contains { Self.fold($0).hasPrefix(prefix.lowercased()) }, "\(item)")
            }
            // The accented spelling finds the same items.
            let accented = try await searchAll(sandbox, #""search":"\#(word.prefix(5))""#)
            #expect(accented.compactMap { $0["id"].string } == found.compactMap { $0["id"].string })
        }
    }

    @Test("A search with no letter or digit is 400 INVALID_SEARCH_QUERY", arguments: ["!!!", "", "  ", "?-*"])
    func invalidSearchQuery(query: String) async throws {
        try await withSandbox { sandbox in
            let response = try await search(sandbox, #""search":"\#(query)""#)
            #expect(response.status == 400)
            #expect(response.json["error"]["code"].string == "INVALID_SEARCH_QUERY")
            #expect(response.json["error"]["param"].string == "search")
        }
    }

    // MARK: - Search: sort and pages

    @Test("Items come newest first by default and with DATE_DESC, RECENT or DATE", arguments: ["", #""sort":"DATE_DESC""#, #""sort":"RECENT""#, #""sort":"DATE""#])
    func dateDescending(sort: String) async throws {
        try await withSandbox { sandbox in
            let items = try await searchAll(sandbox, sort)
            let dates = items.compactMap { $0["date"].string }
            #expect(dates.count == items.count)
            #expect(dates == dates.sorted(by: >))
            let unsorted = try await searchAll(sandbox, "")
            #expect(items.compactMap { $0["id"].string } == unsorted.compactMap { $0["id"].string })
        }
    }

    @Test("DATE_ASC and OLDEST give the oldest first", arguments: [#""sort":"DATE_ASC""#, #""sort":"OLDEST""#])
    func dateAscending(sort: String) async throws {
        try await withSandbox { sandbox in
            let ascending = try await searchAll(sandbox, sort)
            let dates = ascending.compactMap { $0["date"].string }
            #expect(dates == dates.sorted())
            let descending = try await searchAll(sandbox, "")
            #expect(Set(ascending.compactMap { $0["id"].string }) == Set(descending.compactMap { $0["id"].string }))
            #expect(ascending.first?["date"] == descending.last?["date"])
        }
    }

    @Test("RELEVANCE puts the items with the most matching words first, newest first among equals")
    func relevance() async throws {
        try await withSandbox { sandbox in
            for query in ["merci", "bonjour", "votre"] {
                let body = #""search":"\#(query)","type":"SMS","sort":"RELEVANCE""#
                let ranked = try await searchAll(sandbox, body)
                try #require(ranked.count > 2, "\(query)")
                let scored = ranked.map { item in
                    (Self.words(item["content"].string ?? "").filter { Self.fold($0).hasPrefix(query) }.count, item["date"].string ?? "")
                }
                #expect(scored.allSatisfy { $0.0 > 0 })
                for (a, b) in zip(scored, scored.dropFirst()) {
                    #expect(a.0 > b.0 || (a.0 == b.0 && a.1 >= b.1), "\(query): \(a) before \(b)")
                }
                let byDate = try await searchAll(sandbox, #""search":"\#(query)","type":"SMS""#)
                #expect(Set(byDate.compactMap { $0["id"].string }) == Set(ranked.compactMap { $0["id"].string }))
            }
        }
    }

    @Test("page and size in the body select a slice; defaults are page 1 of 20")
    func pagesInBody() async throws {
        try await withSandbox { sandbox in
            let first = try await sandbox.post("/v2/api/conversations/items/search", "{}")
            #expect(first.status == 200)
            #expect(first.json.keys == ["data", "pagination"])
            let pagination = first.json["pagination"]
            #expect(pagination["page"].int == 1)
            #expect(pagination["size"].int == 20)
            let total = try #require(pagination["total_count"].int)
            #expect(pagination["total_pages"].int == (total + 19) / 20)
            #expect(pagination["has_more"].bool == true)
            #expect(first.json["data"].count == 20)

            let ten = try await search(sandbox, #""page":1,"size":10"#).json["data"].array
            let second = try await search(sandbox, #""page":2,"size":5"#)
            #expect(second.json["pagination"]["page"].int == 2)
            #expect(second.json["pagination"]["size"].int == 5)
            #expect(second.json["data"].array == Array(ten[5..<10]))

            let last = try await search(sandbox, #""page":\#((total + 19) / 20),"size":20"#)
            #expect(last.json["pagination"]["has_more"].bool == false)
            #expect(last.json["data"].count == total - ((total + 19) / 20 - 1) * 20)

            let noBody = try await sandbox.request("POST", "/v2/api/conversations/items/search")
            #expect(noBody.status == 200)
            #expect(noBody.json["pagination"]["total_count"].int == total)
        }
    }

    @Test("Bad page or size in the body is rejected", arguments: [
        (#""size":101"#, "INVALID_PAGE_SIZE"), (#""size":0"#, "INVALID_PAGE_SIZE"), (#""page":0"#, "INVALID_PARAMETER"),
        (#""page":"two""#, "INVALID_REQUEST_BODY"),
    ])
    func badPageInBody(body: String, code: String) async throws {
        try await withSandbox { sandbox in
            let response = try await search(sandbox, body)
            #expect(response.status == 400)
            #expect(response.json["error"]["code"].string == code)
        }
    }

    // MARK: - Item shape

    @Test("A call item has exactly the documented keys; SMS fields are null and the transcript is null without extend")
    func callShape() async throws {
        try await withSandbox { sandbox in
            let calls = try await searchAll(sandbox, #""type":"CALL""#)
            #expect(!calls.isEmpty)
            for call in calls {
                #expect(call.keys == Self.itemKeys)
                #expect(call["id"].string?.hasPrefix("cll-") == true)
                #expect(call["type"].string == "CALL")
                #expect(["INBOUND", "OUTBOUND"].contains(call["direction"].string ?? ""))
                #expect(call["allo_number"].string?.hasPrefix("+") == true)
                #expect(call["contact_number"].string != nil)
                #expect(call["contacts"].array.count == call["contacts"].count)
                #expect(call["user"].isNull || call["user"].keys == ["id", "name", "email"])
                #expect(call["date"].string?.count == 20 && call["date"].string?.hasSuffix("Z") == true)
                #expect(call["duration"].int.map { $0 >= 0 } == true)
                #expect(call["result"].isNull || ["ANSWERED", "VOICEMAIL", "TRANSFERRED"].contains(call["result"].string ?? ""))
                #expect(call["recording_url"].isNull || call["recording_url"].string?.hasPrefix("https://") == true)
                #expect(call["summary"].isNull || call["summary"].string?.isEmpty == false)
                #expect(call["tags"].array.allSatisfy { $0.string != nil })
                #expect(call["tags"].isNull == false)
                #expect(call["transcript"].isNull)
                #expect(call["content"].isNull && call["status"].isNull && call["message_type"].isNull)
            }
            #expect(calls.contains { $0["summary"].string != nil })
            #expect(calls.contains { $0["user"]["id"].string?.hasPrefix("usr-") == true })
        }
    }

    @Test("An SMS item has exactly the documented keys, plus sender_id only when a sender ID sent it")
    func smsShape() async throws {
        try await withSandbox { sandbox in
            let messages = try await searchAll(sandbox, #""type":"SMS""#)
            #expect(!messages.isEmpty)
            var senderIDMessages = 0
            for message in messages {
                if message["sender_id"].isMissing {
                    #expect(message.keys == Self.itemKeys)
                    #expect(message["allo_number"].string?.hasPrefix("+") == true)
                } else {
                    senderIDMessages += 1
                    #expect(message.keys == Self.itemKeys.union(["sender_id"]))
                    #expect(message["sender_id"].string == "MaisonLum")
                    #expect(message["direction"].string == "OUTBOUND")
                }
                #expect(message["id"].string?.hasPrefix("msg-") == true)
                #expect(message["type"].string == "SMS")
                #expect(message["content"].string?.isEmpty == false)
                #expect(["PENDING", "SENT", "DELIVERED", "FAILED"].contains(message["status"].string ?? ""))
                #expect(["SMS", "MMS", "WHATSAPP"].contains(message["message_type"].string ?? ""))
                for key in ["duration", "result", "recording_url", "summary", "tags", "transcript"] {
                    #expect(message[key].isNull, "\(key)")
                }
            }
            #expect(senderIDMessages > 0)
        }
    }

    // MARK: - Get one item

    @Test("A call fetched with extend=transcript has rows {source, time, text}; without it, the search item")
    func getCallWithTranscript() async throws {
        try await withSandbox { sandbox in
            let call = try #require(try await recentCalls(sandbox).first { $0["summary"].string != nil })
            let id = try #require(call["id"].string)

            let plain = try await sandbox.get("/v2/api/conversations/items/\(id)")
            #expect(plain.status == 200)
            #expect(plain.json["data"] == call)

            let extended = try await sandbox.get("/v2/api/conversations/items/\(id)?extend=transcript")
            #expect(extended.status == 200)
            let rows = extended.json["data"]["transcript"].array
            #expect(!rows.isEmpty)
            for row in rows {
                #expect(row.keys == ["source", "time", "text"])
                #expect(["USER", "EXTERNAL"].contains(row["source"].string ?? ""))
                #expect(row["time"].string?.hasSuffix("Z") == true)
                #expect((row["time"].string ?? "") >= (call["date"].string ?? "~"))
                #expect(row["text"].string?.isEmpty == false)
            }
            #expect(rows.contains { $0["source"].string == "EXTERNAL" })
        }
    }

    @Test("A message is fetched by its msg- id; extend=transcript leaves its transcript null")
    func getMessage() async throws {
        try await withSandbox { sandbox in
            let message = try #require(try await search(sandbox, #""type":"SMS""#).json["data"].array.first)
            let id = try #require(message["id"].string)
            let response = try await sandbox.get("/v2/api/conversations/items/\(id)")
            #expect(response.status == 200)
            #expect(response.json["data"] == message)
            let extended = try await sandbox.get("/v2/api/conversations/items/\(id)?extend=transcript")
            #expect(extended.json["data"]["transcript"].isNull)
        }
    }

    @Test("The underscore forms cll_ and msg_ name the same items")
    func underscoreForms() async throws {
        try await withSandbox { sandbox in
            let call = try #require(try await search(sandbox, #""type":"CALL""#).json["data"][0]["id"].string)
            let message = try #require(try await search(sandbox, #""type":"SMS""#).json["data"][0]["id"].string)
            for (id, underscored) in [(call, "cll_" + call.dropFirst(4)), (message, "msg_" + message.dropFirst(4))] {
                let response = try await sandbox.get("/v2/api/conversations/items/\(underscored)")
                #expect(response.status == 200)
                #expect(response.json["data"]["id"].string == id)
            }
        }
    }

    @Test("An id with an unknown prefix is 400 INVALID_ITEM_ID", arguments: ["abc-1234567890AB", "cnt-1234567890", "12345", "CLL-1234567890AB"])
    func invalidItemID(id: String) async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.get("/v2/api/conversations/items/\(id)")
            #expect(response.status == 400)
            #expect(response.json["error"]["code"].string == "INVALID_ITEM_ID")
            #expect(response.json["error"]["param"].string == "id")
        }
    }

    @Test("A well-formed id that names nothing is 404 CONVERSATION_ITEM_NOT_FOUND")
    func unknownItem() async throws {
        try await withSandbox { sandbox in
            let call = try #require(try await search(sandbox, #""type":"CALL""#).json["data"][0]["id"].string)
            for id in ["cll-ZZZZZZZZZZ00", "msg-ZZZZZZZZZZ00", "msg-" + call.dropFirst(4), "cll-" + call.dropFirst(4).dropLast(2) + "zz", "cll-short"] {
                let response = try await sandbox.get("/v2/api/conversations/items/\(id)")
                #expect(response.status == 404, "\(id)")
                #expect(response.json["error"]["type"].string == "not_found_error")
                #expect(response.json["error"]["code"].string == "CONVERSATION_ITEM_NOT_FOUND", "\(id)")
                #expect(response.json["error"]["message"].string?.contains(id) == true)
            }
        }
    }

    @Test("An extend other than transcript is 400 UNSUPPORTED_EXTEND_VALUE, on get and in a search body")
    func unsupportedExtend() async throws {
        try await withSandbox { sandbox in
            let call = try #require(try await search(sandbox, #""type":"CALL""#).json["data"][0]["id"].string)
            let get = try await sandbox.get("/v2/api/conversations/items/\(call)?extend=summary")
            #expect(get.status == 400)
            #expect(get.json["error"]["code"].string == "UNSUPPORTED_EXTEND_VALUE")
            #expect(get.json["error"]["param"].string == "extend")
            let body = try await search(sandbox, #""extend":["transcript","contacts"]"#)
            #expect(body.status == 400)
            #expect(body.json["error"]["code"].string == "UNSUPPORTED_EXTEND_VALUE")
        }
    }

    @Test("extend=transcript in a search body fills call transcripts")
    func searchWithTranscript() async throws {
        try await withSandbox { sandbox in
            let calls = try await search(sandbox, #""type":"CALL","result":"ANSWERED","extend":"transcript""#).json["data"].array
            #expect(!calls.isEmpty)
            #expect(calls.contains { !$0["transcript"].array.isEmpty })
            let asArray = try await search(sandbox, #""type":"CALL","result":"ANSWERED","extend":["transcript"]"#).json["data"].array
            #expect(asArray == calls)
        }
    }

    // MARK: - Batch

    @Test("A batch returns the known items in the order asked, leaving unknown ids out, without pagination")
    func batch() async throws {
        try await withSandbox { sandbox in
            let call = try #require(try await search(sandbox, #""type":"CALL""#).json["data"].array.first)
            let message = try #require(try await search(sandbox, #""type":"SMS""#).json["data"].array.first)
            let ids = [try #require(message["id"].string), "cll-ZZZZZZZZZZ00", try #require(call["id"].string)]
            let response = try await sandbox.post("/v2/api/conversations/items/batch",
                                                  #"{"ids":["\#(ids[0])","\#(ids[1])","\#(ids[2])"]}"#)
            #expect(response.status == 200)
            #expect(response.json.keys == ["data"])
            #expect(response.json["data"].array == [message, call])

            let reversed = try await sandbox.post("/v2/api/conversations/items/batch", #"{"ids":["\#(ids[2])","\#(ids[0])"]}"#)
            #expect(reversed.json["data"].array.compactMap { $0["id"].string } == [ids[2], ids[0]])

            let empty = try await sandbox.post("/v2/api/conversations/items/batch", #"{"ids":[]}"#)
            #expect(empty.status == 200)
            #expect(empty.json["data"].count == 0)
        }
    }

    @Test("A batch of 100 ids is accepted; 101 is 400 BATCH_TOO_LARGE")
    func batchLimit() async throws {
        try await withSandbox { sandbox in
            let ids = try await search(sandbox, #""size":100"#).json["data"].array.compactMap { $0["id"].string }
            try #require(ids.count == 100)
            let full = try await sandbox.post("/v2/api/conversations/items/batch", Self.idsBody(ids))
            #expect(full.status == 200)
            #expect(full.json["data"].array.compactMap { $0["id"].string } == ids)

            let tooMany = try await sandbox.post("/v2/api/conversations/items/batch", Self.idsBody(ids + ["cll-ZZZZZZZZZZ00"]))
            #expect(tooMany.status == 400)
            #expect(tooMany.json["error"]["code"].string == "BATCH_TOO_LARGE")
            #expect(tooMany.json["error"]["param"].string == "ids")
        }
    }

    @Test("A batch without ids is 400 MISSING_PARAMETER")
    func batchWithoutIDs() async throws {
        try await withSandbox { sandbox in
            for body in ["{}", #"{"ids":null}"#] {
                let response = try await sandbox.post("/v2/api/conversations/items/batch", body)
                #expect(response.status == 400)
                #expect(response.json["error"]["code"].string == "MISSING_PARAMETER")
                #expect(response.json["error"]["param"].string == "ids")
            }
            let notArray = try await sandbox.post("/v2/api/conversations/items/batch", #"{"ids":"cll-ZZZZZZZZZZ00"}"#)
            #expect(notArray.status == 400)
            #expect(notArray.json["error"]["code"].string == "INVALID_REQUEST_BODY")
        }
    }

    // MARK: - Tags

    @Test("Adding a tag to a call shows on later reads; removing it takes it away")
    func addAndRemoveTag() async throws {
        try await withSandbox { sandbox in
            let call = try #require(try await recentCalls(sandbox).first { !$0["tags"].array.contains(.string("vip")) })
            let id = try #require(call["id"].string)
            let before = call["tags"].array

            let added = try await sandbox.post("/v2/api/conversations/items/\(id)/tags", #"{"tags":["vip"]}"#)
            #expect(added.status == 200)
            #expect(added.json["data"]["id"].string == id)
            #expect(added.json["data"]["tags"].array == before + [.string("vip")])
            let read = try await sandbox.get("/v2/api/conversations/items/\(id)").json["data"]
            #expect(read["tags"].array == before + [.string("vip")])
            #expect(try await searchAll(sandbox, #""tags":["vip"]"#).contains { $0["id"].string == id })

            let removed = try await sandbox.request("DELETE", "/v2/api/conversations/items/\(id)/tags/vip")
            #expect(removed.status == 200)
            #expect(removed.json["data"]["tags"].array == before)
            #expect(try await sandbox.get("/v2/api/conversations/items/\(id)").json["data"]["tags"].array == before)
            #expect(try await searchAll(sandbox, #""tags":["vip"]"#).contains { $0["id"].string == id } == false)
        }
    }

    @Test("Several tags are added at once")
    func addSeveralTags() async throws {
        try await withSandbox { sandbox in
            let call = try #require(try await recentCalls(sandbox).first { $0["tags"].array.isEmpty })
            let id = try #require(call["id"].string)
            let added = try await sandbox.post("/v2/api/conversations/items/\(id)/tags", #"{"tags":["vip","billing"]}"#)
            #expect(added.status == 200)
            #expect(added.json["data"]["tags"].array == [.string("vip"), .string("billing")])
        }
    }

    @Test("Tag errors: TAGS_REQUIRED, TAG_NOT_FOUND, TAG_ALREADY_EXISTS, INVALID_ITEM_ID, CONVERSATION_ITEM_NOT_FOUND")
    func tagErrors() async throws {
        try await withSandbox { sandbox in
            let call = try #require(try await recentCalls(sandbox).first { !$0["tags"].array.isEmpty })
            let id = try #require(call["id"].string)
            let present = try #require(call["tags"][0].string)
            let message = try #require(try await search(sandbox, #""type":"SMS""#).json["data"][0]["id"].string)

            let cases: [(String, String, Int, String)] = [
                (id, #"{"tags":[]}"#, 400, "TAGS_REQUIRED"),
                (id, #"{}"#, 400, "TAGS_REQUIRED"),
                (id, #"{"tags":["platinum"]}"#, 404, "TAG_NOT_FOUND"),
                (id, #"{"tags":["\#(present)"]}"#, 409, "TAG_ALREADY_EXISTS"),
                (message, #"{"tags":["vip"]}"#, 400, "INVALID_ITEM_ID"),
                ("cll-ZZZZZZZZZZ00", #"{"tags":["vip"]}"#, 404, "CONVERSATION_ITEM_NOT_FOUND"),
            ]
            for (item, body, status, code) in cases {
                let response = try await sandbox.post("/v2/api/conversations/items/\(item)/tags", body)
                #expect(response.status == status, "\(item) \(body)")
                #expect(response.json["error"]["code"].string == code, "\(item) \(body)")
            }
            let conflict = try await sandbox.post("/v2/api/conversations/items/\(id)/tags", #"{"tags":["\#(present)"]}"#)
            #expect(conflict.json["error"]["type"].string == "conflict_error")
            // Nothing changed on the call.
            #expect(try await sandbox.get("/v2/api/conversations/items/\(id)").json["data"]["tags"] == call["tags"])
        }
    }

    @Test("Removing a tag the call does not have is 404 TAG_NOT_FOUND")
    func removeAbsentTag() async throws {
        try await withSandbox { sandbox in
            let call = try #require(try await recentCalls(sandbox).first { !$0["tags"].array.contains(.string("vip")) })
            let id = try #require(call["id"].string)
            let response = try await sandbox.request("DELETE", "/v2/api/conversations/items/\(id)/tags/vip")
            #expect(response.status == 404)
            #expect(response.json["error"]["code"].string == "TAG_NOT_FOUND")
            #expect(response.json["error"]["param"].string == "tag")

            let message = try #require(try await search(sandbox, #""type":"SMS""#).json["data"][0]["id"].string)
            let onMessage = try await sandbox.request("DELETE", "/v2/api/conversations/items/\(message)/tags/vip")
            #expect(onMessage.status == 400)
            #expect(onMessage.json["error"]["code"].string == "INVALID_ITEM_ID")
        }
    }
}

// MARK: - Helpers

extension V2ItemTests {
    /// `POST …/items/search` with the given body fields (a JSON object's inside, possibly empty).
    private func search(_ sandbox: TestSandbox, _ fields: String) async throws -> HTTPResult {
        try await sandbox.post("/v2/api/conversations/items/search", "{\(fields)}")
    }

    /// Every item a search finds, page by page.
    private func searchAll(_ sandbox: TestSandbox, _ fields: String) async throws -> [J] {
        var all: [J] = []
        let prefix = fields.isEmpty ? "" : fields + ","
        for page in 1...1000 {
            let response = try await search(sandbox, prefix + #""size":100,"page":\#(page)"#)
            try #require(response.status == 200, "\(fields): \(response.text)")
            let json = response.json
            all += json["data"].array
            if json["pagination"]["has_more"].bool != true {
                #expect(json["pagination"]["total_count"].int == all.count)
                break
            }
        }
        return all
    }

    /// The hundred most recent calls.
    private func recentCalls(_ sandbox: TestSandbox) async throws -> [J] {
        let response = try await search(sandbox, #""type":"CALL","size":100"#)
        try #require(response.status == 200)
        return response.json["data"].array
    }

    private func total(_ sandbox: TestSandbox, _ fields: String) async throws -> Int {
        let response = try await search(sandbox, fields.isEmpty ? #""size":1"# : fields + #","size":1"#)
        try #require(response.status == 200, "\(fields): \(response.text)")
        return try #require(response.json["pagination"]["total_count"].int)
    }

    private static func idsBody(_ ids: [String]) -> String {
        #"{"ids":["# + ids.map { "\"\($0)\"" }.joined(separator: ",") + "]}"
    }

    /// Lower-case words: runs of letters and digits.
    private static func words(_ text: String) -> [String] {
        var words: [String] = [], current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber { current.append(character) } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    private static func fold(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }

    /// What a search looks through: SMS text, call summary and transcript.
    private static func searchableText(_ item: J) -> String {
        ([item["content"].string, item["summary"].string].compactMap { $0 } + item["transcript"].array.compactMap { $0["text"].string })
            .joined(separator: " ")
    }
}
