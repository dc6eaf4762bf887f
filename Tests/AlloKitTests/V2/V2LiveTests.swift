import Foundation
import Testing
import AlloKit

/// The v2 surface against the in-process sandbox over loopback HTTP: real responses, real errors, real state changes.
@Suite struct V2LiveTests {
    // MARK: - Account

    @Test func meReportsTheKeysScopesTeamRateLimitsAndOnlyTheEndpointsItMayCall() async throws {
        try await withLiveSandbox { sandbox in
            let me = try await sandbox.client().me()
            #expect(me.apiKeyID.hasPrefix("api-"))
            #expect(me.hasScope("USERS_READ") && me.hasScope("WEBHOOKS_READ_WRITE"))
            let getUser = try #require(me.endpoints.first { $0.path == "/v2/api/users/{id}" })
            #expect(getUser.method == "GET" && getUser.scope == "USERS_READ" && getUser.description?.isEmpty == false)
            #expect(me.endpoints.first { $0.path == "/v2/api/me" }?.scope == nil)
            #expect(me.team?.id.isEmpty == false)
            #expect(me.rateLimits == Me.RateLimits(readPerSecond: 20, writePerSecond: 5))

            let seed = try await sandbox.client(key: sandbox.seedV1Key).me()
            #expect(seed.hasScope("SMS_SEND") && !seed.hasScope("USERS_READ"))
            #expect(!seed.endpoints.contains { $0.path.hasPrefix("/v2/api/users") })
            #expect(seed.endpoints.contains { $0.path == "/v2/api/webhooks" })
        }
    }

    @Test func usersListFiltersByRoleAndGetFindsEachOne() async throws {
        try await withLiveSandbox { sandbox in
            let allo = try sandbox.client()
            let users = try await allo.users.list()
            #expect(!users.isEmpty && users.allSatisfy { $0.status == .active })
            for user in users { #expect(try await allo.users.get(user.id) == user) }
            let admins = try await allo.users.list(role: .admin)
            #expect(!admins.isEmpty && admins.allSatisfy { $0.role == .admin })
            #expect(try await allo.users.list(role: .member, status: .blocked).allSatisfy { $0.role == .member && $0.status == .blocked })
        }
    }

    @Test func phoneNumbersListLinesAndSenderIDs() async throws {
        try await withLiveSandbox { sandbox in
            let numbers = try await sandbox.client().phoneNumbers.list()
            let lines = numbers.filter { $0.type == .number }
            #expect(!lines.isEmpty && lines.allSatisfy { $0.number?.hasPrefix("+") == true && $0.capabilities.contains(.voice) })
            #expect(lines.contains { !$0.users.isEmpty })
            let senderIDs = numbers.filter { $0.type == .senderID }
            #expect(!senderIDs.isEmpty && senderIDs.allSatisfy { $0.number == nil && $0.capabilities == [.sms] && $0.name != nil })
        }
    }

    @Test func tagsListDistinctTagKeys() async throws {
        try await withLiveSandbox { sandbox in
            let tags = try await sandbox.client().tags.list()
            #expect(!tags.isEmpty && Set(tags.map(\.name)).count == tags.count && tags.allSatisfy { !$0.id.isEmpty })
        }
    }

    // MARK: - Errors

    enum Key: String, Sendable { case seedV1, readOnly }

    /// A call that needs a scope the key lacks.
    struct ScopeCase: Sendable, CustomTestStringConvertible {
        let name: String
        let key: Key
        let scope: String
        let call: @Sendable (AlloClient) async throws(AlloError) -> Void
        var testDescription: String { "\(name) with the \(key) key needs \(scope)" }
    }

    static let scopeCases: [ScopeCase] = [
        ScopeCase(name: "users.list", key: .seedV1, scope: "USERS_READ") { allo throws(AlloError) in _ = try await allo.users.list() },
        ScopeCase(name: "users.get", key: .seedV1, scope: "USERS_READ") { allo throws(AlloError) in _ = try await allo.users.get("usr-x") },
        ScopeCase(name: "phoneNumbers.list", key: .seedV1, scope: "PHONE_NUMBERS_READ") { allo throws(AlloError) in
            _ = try await allo.phoneNumbers.list()
        },
        ScopeCase(name: "tags.list", key: .seedV1, scope: "TAGS_READ") { allo throws(AlloError) in _ = try await allo.tags.list() },
        ScopeCase(name: "items.addTags", key: .readOnly, scope: "TAGS_WRITE") { allo throws(AlloError) in
            try await allo.items.addTags(["vip"], to: "cll-ZZZZZZZZZZ00")
        },
        ScopeCase(name: "items.removeTag", key: .readOnly, scope: "TAGS_WRITE") { allo throws(AlloError) in
            try await allo.items.removeTag("vip", from: "cll-ZZZZZZZZZZ00")
        },
        ScopeCase(name: "webhookEndpoints.list", key: .readOnly, scope: "WEBHOOKS_READ_WRITE") { allo throws(AlloError) in
            _ = try await allo.webhookEndpoints.list()
        },
        ScopeCase(name: "webhookEndpoints.create", key: .readOnly, scope: "WEBHOOKS_READ_WRITE") { allo throws(AlloError) in
            _ = try await allo.webhookEndpoints.create(url: "https://example.com/h", topics: [.callCompleted])
        },
    ]

    @Test(arguments: scopeCases)
    func missingScopeIs403NamingTheRequiredScope(_ testCase: ScopeCase) async throws {
        try await withLiveSandbox { sandbox in
            let allo = try sandbox.client(key: testCase.key == .seedV1 ? sandbox.seedV1Key : sandbox.readOnlyKey)
            let failure = try #require(await V2Support.failure { () async throws(AlloError) in try await testCase.call(allo) })
            #expect(failure.status == 403)
            #expect(failure.code == "API_KEY_INSUFFICIENT_SCOPE")
            #expect(failure.type == "permission_error")
            #expect(failure.requiredScopes == [testCase.scope])
            #expect(failure.requestID?.hasPrefix("req_") == true)
        }
    }

    /// A call the sandbox answers with a stable error code.
    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let name: String
        let status: Int
        let code: String
        let call: @Sendable (AlloClient) async throws(AlloError) -> Void
        var testDescription: String { "\(name) is \(status) \(code)" }
    }

    static let errorCases: [ErrorCase] = [
        ErrorCase(name: "users.get of an unknown id", status: 404, code: "USER_NOT_FOUND") { allo throws(AlloError) in
            _ = try await allo.users.get("usr-doesnotexist")
        },
        ErrorCase(name: "items.get of a well-formed id naming nothing", status: 404, code: "CONVERSATION_ITEM_NOT_FOUND") { allo throws(AlloError) in
            _ = try await allo.items.get("cll-ZZZZZZZZZZ00")
        },
        ErrorCase(name: "items.get of an id with an unknown prefix", status: 400, code: "INVALID_ITEM_ID") { allo throws(AlloError) in
            _ = try await allo.items.get("zzz-123")
        },
        ErrorCase(name: "items.search for punctuation only", status: 400, code: "INVALID_SEARCH_QUERY") { allo throws(AlloError) in
            _ = try await allo.items.search(ItemSearch(text: "?!…"))
        },
        ErrorCase(name: "items.search with size 101", status: 400, code: "INVALID_PAGE_SIZE") { allo throws(AlloError) in
            _ = try await allo.items.search(size: 101)
        },
        ErrorCase(name: "items.search for an unknown user", status: 404, code: "USER_NOT_FOUND") { allo throws(AlloError) in
            _ = try await allo.items.search(ItemSearch(userID: "usr-doesnotexist"))
        },
        ErrorCase(name: "conversations.list with an unknown extend value", status: 400, code: "UNSUPPORTED_EXTEND_VALUE") { allo throws(AlloError) in
            _ = try await allo.conversations.list(alloNumber: "+14155550100", extend: [.unknown("engagement")])
        },
        ErrorCase(name: "conversations.perform of an unknown action", status: 400, code: "INVALID_ACTION") { allo throws(AlloError) in
            try await allo.conversations.perform(.unknown("SNOOZE"), contactNumber: "+14155551234")
        },
        ErrorCase(name: "webhookEndpoints.get of an unknown id", status: 404, code: "ENDPOINT_NOT_FOUND") { allo throws(AlloError) in
            _ = try await allo.webhookEndpoints.get("ep_doesnotexist")
        },
        ErrorCase(name: "webhookEndpoints.update of an unknown id", status: 404, code: "ENDPOINT_NOT_FOUND") { allo throws(AlloError) in
            _ = try await allo.webhookEndpoints.update("ep_doesnotexist", enabled: false)
        },
        ErrorCase(name: "webhookEndpoints.delete of an unknown id", status: 404, code: "ENDPOINT_NOT_FOUND") { allo throws(AlloError) in
            try await allo.webhookEndpoints.delete("ep_doesnotexist")
        },
        ErrorCase(name: "webhookEndpoints.create with an unknown topic", status: 400, code: "INVALID_EVENT_TYPE") { allo throws(AlloError) in
            _ = try await allo.webhookEndpoints.create(url: "https://example.com/h", topics: [.unknown("call.exploded")])
        },
        ErrorCase(name: "webhookEndpoints.create with no topics", status: 400, code: "INVALID_EVENT_TYPE") { allo throws(AlloError) in
            _ = try await allo.webhookEndpoints.create(url: "https://example.com/h", topics: [])
        },
    ]

    @Test(arguments: errorCases)
    func errorsCarryTheAPIsStatusAndCode(_ testCase: ErrorCase) async throws {
        try await withLiveSandbox { sandbox in
            let allo = try sandbox.client()
            let failure = try #require(await V2Support.failure { () async throws(AlloError) in try await testCase.call(allo) })
            #expect(failure.status == testCase.status)
            #expect(failure.code == testCase.code)
            #expect(failure.retryable == false)
        }
    }

    // MARK: - Conversations

    /// The line with the most conversations (and so several pages of them).
    static func busiestLine(_ allo: AlloClient) async throws -> String {
        var best: (number: String, count: Int)?
        for line in try await allo.phoneNumbers.list() {
            guard let number = line.number else { continue }
            let count = try await allo.conversations.list(alloNumber: number, size: 1).totalCount ?? 0
            if count > best?.count ?? -1 { best = (number, count) }
        }
        return try #require(best?.number)
    }

    @Test func conversationsAllWalksEveryPageToTheTotalCount() async throws {
        try await withLiveSandbox { sandbox in
            let allo = try sandbox.client()
            let line = try await Self.busiestLine(allo)
            let first = try await allo.conversations.list(alloNumber: line, size: 4)
            let total = try #require(first.totalCount)
            #expect(first.number == 1 && (first.totalPages ?? 0) > 2 && first.hasMore)

            let all = try await allo.conversations.all(alloNumber: line, size: 4).collect()
            #expect(all.count == total)
            #expect(Set(all.map(\.contactNumber)).count == total)
            #expect(Array(all.prefix(4)) == first.items)
            let activity = all.compactMap(\.lastActivity)
            #expect(activity.count == total && activity == activity.sorted(by: >))
            #expect(all.allSatisfy { $0.lastItem?.alloNumber == line && $0.lastItem?.transcript == nil })
        }
    }

    @Test func conversationsAllWithThreePagesInFlightGivesTheSameConversationsInOrder() async throws {
        try await withLiveSandbox { sandbox in
            let allo = try sandbox.client()
            let line = try await Self.busiestLine(allo)
            let one = try await allo.conversations.all(alloNumber: line, size: 3).collect()
            let three = try await allo.conversations.all(alloNumber: line, size: 3, pagesInFlight: 3).collect()
            #expect(one.count > 6 && three == one)
        }
    }

    @Test func conversationsSinceADateKeepOnlyLaterActivity() async throws {
        try await withLiveSandbox { sandbox in
            let allo = try sandbox.client()
            let line = try await Self.busiestLine(allo)
            let all = try await allo.conversations.all(alloNumber: line, size: 100).collect()
            let cut = try #require(all[all.count / 2].lastActivity)
            let recent = try await allo.conversations.all(alloNumber: line, lastActivitySince: cut, size: 100).collect()
            #expect(!recent.isEmpty && recent.count < all.count)
            #expect(recent.allSatisfy { ($0.lastActivity ?? .distantPast) >= cut })
        }
    }

    @Test func conversationsWithTranscriptFillTheLastCallsTranscript() async throws {
        try await withLiveSandbox { sandbox in
            let allo = try sandbox.client()
            let line = try await Self.busiestLine(allo)
            let all = try await allo.conversations.all(alloNumber: line, extend: [.transcript], size: 100).collect()
            #expect(all.contains { $0.lastItem?.isCall == true && $0.lastItem?.transcript?.isEmpty == false })
            #expect(all.allSatisfy { $0.lastItem?.isCall == true || $0.lastItem?.transcript == nil })
        }
    }

    @Test func markReadAndMarkUnreadMoveAConversationOutOfAndBackIntoUnread() async throws {
        try await withLiveSandbox { sandbox in
            let allo = try sandbox.client()
            let line = try await Self.busiestLine(allo)
            let unread = { () async throws -> [String] in
                try await allo.conversations.all(alloNumber: line, unread: true, size: 100).collect().map(\.contactNumber)
            }
            let before = try await unread()
            let contact = try #require(before.first)

            try await allo.conversations.markRead(contactNumber: contact, alloNumber: line)
            let afterRead = try await unread()
            #expect(!afterRead.contains(contact) && afterRead.count == before.count - 1)
            let read = try await allo.conversations.all(alloNumber: line, unread: false, size: 100).collect().map(\.contactNumber)
            #expect(read.contains(contact))

            try await allo.conversations.markUnread(contactNumber: contact, alloNumber: line)
            #expect(Set(try await unread()) == Set(before))
        }
    }

    @Test func archiveHidesAConversationUntilUnarchived() async throws {
        try await withLiveSandbox { sandbox in
            let allo = try sandbox.client()
            let line = try await Self.busiestLine(allo)
            let listed = { () async throws -> [String] in
                try await allo.conversations.all(alloNumber: line, size: 100).collect().map(\.contactNumber)
            }
            let before = try await listed()
            let contact = before[1]
            try await allo.conversations.archive(contactNumber: contact, alloNumber: line)
            let archived = try await listed()
            #expect(!archived.contains(contact) && archived.count == before.count - 1)
            try await allo.conversations.unarchive(contactNumber: contact)
            #expect(try await listed() == before)
        }
    }

    @Test func actionOnAConversationThatDoesNotExistIs404() async throws {
        try await withLiveSandbox { sandbox in
            let allo = try sandbox.client()
            let failure = try #require(await V2Support.failure { () async throws(AlloError) in
                try await allo.conversations.markRead(contactNumber: "+19995550123")
            })
            #expect(failure.status == 404 && failure.type == "not_found_error")
        }
    }

    // MARK: - Items

    @Test func searchAllWalksEveryItemToTheTotalCount() async throws {
        try await withLiveSandbox { sandbox in
            let allo = try sandbox.client()
            let first = try await allo.items.search(size: 100)
            let total = try #require(first.totalCount)
            #expect(total > 300 && first.hasMore)
            let all = try await allo.items.searchAll(size: 100).collect()
            #expect(all.count == total)
            #expect(Set(all.map(\.id)).count == total)
            let dates = all.compactMap(\.date)
            #expect(dates.count == total && dates == dates.sorted(by: >))
        }
    }

    @Test func searchAllWithThreePagesInFlightGivesTheSameItemsInOrder() async throws {
        try await withLiveSandbox { sandbox in
            let allo = try sandbox.client()
            let query = ItemSearch(type: .call, sort: .dateAsc)
            let one = try await allo.items.searchAll(query, size: 25).collect()
            let three = try await allo.items.searchAll(query, size: 25, pagesInFlight: 3).collect()
            #expect(one.count > 75 && three == one)
            let dates = one.compactMap(\.date)
            #expect(dates == dates.sorted())
        }
    }

    @Test func searchFiltersNarrowTheItems() async throws {
        try await withLiveSandbox { sandbox in
            let allo = try sandbox.client()
            let line = try await Self.busiestLine(allo)
            let total = try #require(try await allo.items.search(size: 1).totalCount)

            let calls = try await allo.items.searchAll(ItemSearch(alloNumber: line, type: .call), size: 100).collect()
            #expect(!calls.isEmpty && calls.allSatisfy { $0.isCall && $0.alloNumber == line && $0.content == nil })
            let texts = try await allo.items.searchAll(ItemSearch(alloNumber: line, type: .sms), size: 100).collect()
            #expect(!texts.isEmpty && texts.allSatisfy { $0.type == .sms && $0.messageType != nil && $0.duration == nil })
            let both = try await allo.items.search(ItemSearch(alloNumber: line, type: .all), size: 1).totalCount
            #expect(both == calls.count + texts.count && both! < total)

            let inbound = try await allo.items.searchAll(ItemSearch(direction: .inbound, result: .answered), size: 100).collect()
            #expect(!inbound.isEmpty && inbound.allSatisfy { $0.direction == .inbound && $0.result == .answered })

            let tagged = try await allo.items.searchAll(ItemSearch(tags: ["billing"]), size: 100).collect()
            #expect(!tagged.isEmpty && tagged.allSatisfy { $0.tags.contains("billing") })

            let contact = try #require(calls.first?.contactNumber)
            let withContact = try await allo.items.searchAll(ItemSearch(contactNumber: contact), size: 100).collect()
            #expect(!withContact.isEmpty && withContact.allSatisfy { $0.contactNumber == contact })
        }
    }

    @Test func searchByDateRangeKeepsWholeDays() async throws {
        try await withLiveSandbox { sandbox in
            let allo = try sandbox.client()
            let newest = try #require(try await allo.items.search(size: 1).items.first?.date)
            let from = newest.addingTimeInterval(-7 * 86_400)
            let week = try await allo.items.searchAll(ItemSearch(dateRange: .init(from: from, to: newest)), size: 100).collect()
            let start = try #require(AlloDate.parse(AlloDate.formatDay(from)))
            #expect(!week.isEmpty && week.allSatisfy { ($0.date ?? .distantPast) >= start })
            #expect(week.contains { $0.date == newest })
        }
    }

    @Test func getFillsTheTranscriptOnlyWhenAsked() async throws {
        try await withLiveSandbox { sandbox in
            let allo = try sandbox.client()
            let answered = try await allo.items.search(ItemSearch(type: .call, result: .answered, extend: [.transcript]), size: 50)
            let call = try #require(answered.items.first { $0.transcript?.isEmpty == false })
            let transcript = try #require(call.transcript)
            #expect(transcript.allSatisfy { [.user, .external].contains($0.source) && $0.time != nil && !$0.text.isEmpty })

            let plain = try await allo.items.get(call.id)
            #expect(plain.transcript == nil)
            var expected = call
            expected.transcript = nil
            #expect(plain == expected)
            #expect(try await allo.items.get(call.id, transcript: true) == call)
        }
    }

    @Test func batchReturnsTheKnownItemsAskedFor() async throws {
        try await withLiveSandbox { sandbox in
            let allo = try sandbox.client()
            let page = try await allo.items.search(size: 12)
            let ids = page.items.map(\.id)
            let batch = try await allo.items.batch(ids + ["cll-ZZZZZZZZZZ00"])
            #expect(batch == page.items)
            #expect(try await allo.items.batch([]).isEmpty)
        }
    }

    @Test func tagsAddedToACallShowUntilRemoved() async throws {
        try await withLiveSandbox { sandbox in
            let allo = try sandbox.client()
            let tags = try await allo.tags.list().map(\.name)
            let calls = try await allo.items.search(ItemSearch(type: .call), size: 50).items
            let call = try #require(calls.first { item in tags.contains { !item.tags.contains($0) } })
            let tag = try #require(tags.first { !call.tags.contains($0) })

            try await allo.items.addTags([tag], to: call.id)
            #expect(try await allo.items.get(call.id).tags == call.tags + [tag])
            let again = await V2Support.failure { () async throws(AlloError) in try await allo.items.addTags([tag], to: call.id) }
            #expect(again?.status == 409 && again?.code == "TAG_ALREADY_EXISTS")

            try await allo.items.removeTag(tag, from: call.id)
            #expect(try await allo.items.get(call.id).tags == call.tags)
            let gone = await V2Support.failure { () async throws(AlloError) in try await allo.items.removeTag(tag, from: call.id) }
            #expect(gone?.status == 404 && gone?.code == "TAG_NOT_FOUND")

            let empty = await V2Support.failure { () async throws(AlloError) in try await allo.items.addTags([], to: call.id) }
            #expect(empty?.status == 400 && empty?.code == "TAGS_REQUIRED")

            let message = try #require(try await allo.items.search(ItemSearch(type: .sms), size: 1).items.first)
            let onMessage = await V2Support.failure { () async throws(AlloError) in try await allo.items.addTags([tag], to: message.id) }
            #expect(onMessage?.status == 400 && onMessage?.code == "INVALID_ITEM_ID")
        }
    }

    @Test func writesCarryAnIdempotencyKeyAndReadsSentAsPostDoNot() async throws {
        try await withLiveSandbox { sandbox in
            let allo = try sandbox.client()
            let line = try await Self.busiestLine(allo)
            let contact = try #require(try await allo.conversations.list(alloNumber: line, size: 1).items.first?.contactNumber)
            try await allo.conversations.markRead(contactNumber: contact, alloNumber: line)
            let ids = try await allo.items.search(size: 2).items.map(\.id)
            _ = try await allo.items.batch(ids)

            let action = try #require(try await sandbox.journal(pathPrefix: "/v2/api/conversations/%2B").last)
            #expect(action.method == "PUT" && action.status == 200)
            #expect(action.headers["idempotency-key"]?.isEmpty == false)
            for path in ["/v2/api/conversations/items/search", "/v2/api/conversations/items/batch"] {
                let entry = try #require(try await sandbox.journal(pathPrefix: path).last)
                #expect(entry.method == "POST" && entry.status == 200)
                #expect(entry.headers["idempotency-key"] == nil)
            }
        }
    }

    // MARK: - Webhook endpoints

    @Test func webhookEndpointCreateGetUpdateDeleteRoundTrip() async throws {
        try await withLiveSandbox { sandbox in
            let allo = try sandbox.client()
            let created = try await allo.webhookEndpoints.create(url: "https://example.com/hooks/allo", topics: [.callCompleted, .smsReceived],
                                                                 description: "Production event stream")
            #expect(created.id.hasPrefix("ep_") && created.enabled)
            #expect(created.url == "https://example.com/hooks/allo" && created.topics == [.callCompleted, .smsReceived])
            #expect(created.signingSecret?.hasPrefix("whsec_") == true && created.createdAt != nil)
            #expect(try await sandbox.journal(pathPrefix: "/v2/api/webhooks").last?.status == 201)

            #expect(try await allo.webhookEndpoints.get(created.id) == created)
            let listed = try #require(try await allo.webhookEndpoints.list().first { $0.id == created.id })
            var withoutSecret = created
            withoutSecret.signingSecret = nil
            #expect(listed == withoutSecret)

            let updated = try await allo.webhookEndpoints.update(created.id, topics: [.tagAdded], enabled: false)
            #expect(updated.signingSecret == nil)
            #expect(updated.topics == [.tagAdded] && !updated.enabled)
            #expect(updated.url == created.url && updated.description == created.description)
            let renamed = try await allo.webhookEndpoints.update(created.id, url: "https://example.com/v2", description: "Staging")
            #expect(renamed.url == "https://example.com/v2" && renamed.description == "Staging" && !renamed.enabled)
            #expect(try await allo.webhookEndpoints.get(created.id).signingSecret == created.signingSecret)

            try await allo.webhookEndpoints.delete(created.id)
            #expect(try await sandbox.journal(pathPrefix: "/v2/api/webhooks/").last?.status == 204)
            #expect(try await !allo.webhookEndpoints.list().contains { $0.id == created.id })
            let failure = await V2Support.failure { () async throws(AlloError) in try await allo.webhookEndpoints.get(created.id) }
            #expect(failure?.status == 404 && failure?.code == "ENDPOINT_NOT_FOUND")
        }
    }

    @Test func eventTypesListTheElevenKnownTopics() async throws {
        try await withLiveSandbox { sandbox in
            let types = try await sandbox.client().webhookEndpoints.eventTypes()
            #expect(Set(types.map(\.name)) == Set(WebhookEventTopic.wireValues.map(\.0)))
            #expect(types.count == 11 && types.allSatisfy { $0.description?.isEmpty == false })
        }
    }
}
