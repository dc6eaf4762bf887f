import Foundation
import Testing
import AlloKit

/// Decoding the contract's example shapes (Fixtures/v2-*.json) through the client, unknown keys and values included.
@Suite struct V2DecodingTests {
    @Test func meDecodesScopesEndpointsTeamAndRateLimits() async throws {
        let (allo, _) = try V2Support.client(fixture: "v2-me")
        let me = try await allo.me()
        #expect(me.apiKeyID == "api-abc123def456")
        #expect(me.scopes == ["CONVERSATIONS_READ", "PHONE_NUMBERS_READ", "TAGS_READ", "TAGS_WRITE", "USERS_READ"])
        #expect(me.endpoints.count == 3)
        #expect(me.endpoints[0] == Me.Endpoint(method: "GET", path: "/v2/api/conversations",
                                               description: "List conversations grouped by contact number", scope: "CONVERSATIONS_READ"))
        #expect(me.endpoints[2].method == "PATCH" && me.endpoints[2].scope == nil)
        #expect(me.team == Me.Team(id: "team-xyz789", name: "Acme Sales"))
        #expect(me.rateLimits == Me.RateLimits(readPerSecond: 20, writePerSecond: 5))
        #expect(me.hasScope("TAGS_READ") && !me.hasScope("WEBHOOKS_READ_WRITE"))
    }

    @Test func meToleratesAMissingTeamAndRateLimits() async throws {
        let transport = RecordingTransport(json: #"{"data":{"api_key_id":"api-1","scopes":["TAGS_READ_WRITE"],"team":null}}"#)
        let me = try await V2Support.client(transport).me()
        #expect(me.team == nil && me.endpoints.isEmpty)
        #expect(me.rateLimits == Me.RateLimits(readPerSecond: 20, writePerSecond: 5))
        #expect(me.hasScope("TAGS_READ"))
    }

    @Test func usersDecodeWithUnknownRolesAndStatusesKept() async throws {
        let (allo, _) = try V2Support.client(fixture: "v2-users")
        let users = try await allo.users.list()
        #expect(users == [
            User(id: "usr-abc123", name: "Alex Kim", email: "alex@acme.com", role: .admin, status: .active, imageURL: nil),
            User(id: "usr_def456", name: "Sam Lee", email: "sam@acme.com", role: .unknown("OWNER"), status: .unknown("INVITED"),
                 imageURL: "https://cdn.withallo.com/avatars/sam.png"),
            // Enum matching ignores case.
            User(id: "usr-ghi789", name: "Robin", email: "robin@acme.com", role: .member, status: .blocked),
        ])
        #expect(users[1].role?.wireValue == "OWNER")
        #expect(users[0].ref == UserRef(id: "usr-abc123", name: "Alex Kim", email: "alex@acme.com"))
    }

    @Test func phoneNumbersDecodeNumbersSenderIDsAndUnknownTypes() async throws {
        let (allo, _) = try V2Support.client(fixture: "v2-numbers")
        let numbers = try await allo.phoneNumbers.list()
        #expect(numbers == [
            PhoneNumber(number: "+14155550100", name: "Sales US", country: "US", type: .number, capabilities: [.voice, .sms, .mms],
                        users: [UserRef(id: "usr-abc123", name: "Adrien", email: "adrien@company.com")]),
            PhoneNumber(number: nil, name: "Acme Corp", country: "FR", type: .senderID, capabilities: [.sms]),
            PhoneNumber(number: "+33187654321", type: .unknown("TOLL_FREE"), capabilities: [.voice, .unknown("FAX")]),
        ])
        #expect(numbers.map(\.canText) == [true, true, false])
    }

    @Test func tagsDecodeWithNullColor() async throws {
        let (allo, _) = try V2Support.client(fixture: "v2-tags")
        #expect(try await allo.tags.list() == [Tag(id: "tag-abc123", name: "qualified", color: "#00AA00"),
                                               Tag(id: "tag-def456", name: "follow_up", color: nil)])
    }

    @Test func conversationsDecodePartialLastItemsBothCasingsAndPagination() async throws {
        let (allo, _) = try V2Support.client(fixture: "v2-conversations")
        let page = try await allo.conversations.list(alloNumber: "+14155550100")
        #expect(page.number == 1 && page.totalPages == 8 && page.totalCount == 156 && page.hasMore)
        #expect(page.items.count == 3)

        let first = page.items[0]
        #expect(first.contactNumber == "+14155551234" && first.id == "+14155551234")
        #expect(first.lastActivity == V2Support.date("2026-04-21T14:30:00Z"))
        let contact = try #require(first.contacts.first)
        #expect(contact.company == ItemContact.Company(id: "com-xyz789", name: "Acme Corp"))
        #expect(contact.deals.map(\.status) == [.open, .won, .unknown("qualified")])
        #expect(first.lastItem == ConversationItem(id: "cll-abc123", type: .call, direction: .inbound,
                                                   date: V2Support.date("2026-04-21T14:30:00Z"), duration: 145,
                                                   result: .answered, summary: "Wants to upgrade."))

        // camelCase keys, a date without a zone (UTC).
        let second = page.items[1]
        #expect(second.contactNumber == "+14155559876")
        #expect(second.lastActivity == Date(timeIntervalSince1970: 1_780_308_000))
        #expect(second.lastItem?.type == .sms && second.lastItem?.content == "See you then.")

        // A company given as a bare name, null deals, fractional seconds, no last item.
        let third = page.items[2]
        #expect(third.contacts == [ItemContact(id: "cnt-x", name: nil, company: .init(name: "Globex"))])
        let fractional = try #require(third.lastActivity?.timeIntervalSince1970)
        #expect(abs(fractional - 1_742_049_045.123456) < 0.000_01)
        #expect(third.lastItem == nil)
    }

    @Test func callItemDecodesEveryFieldAndTheTranscript() async throws {
        let (allo, _) = try V2Support.client(fixture: "v2-item-call")
        let item = try await allo.items.get("cll-abc123", transcript: true)
        #expect(item == ConversationItem(
            id: "cll-abc123", type: .call, direction: .inbound, alloNumber: "+14155550100", contactNumber: "+14155551234",
            contacts: [ItemContact(id: "cnt-abc123", name: "Sarah Johnson")],
            user: UserRef(id: "usr-abc123", name: "Alex Kim", email: "alex@acme.com"),
            date: Date(timeIntervalSince1970: 1_776_781_800), duration: 145, result: .answered,
            recordingURL: "https://storage.withallo.com/recordings/cll-abc123.mp3", summary: "Billing question on last invoice.",
            tags: ["billing"],
            transcript: [
                ItemTranscriptLine(source: .external, time: Date(timeIntervalSince1970: 1_776_781_802), text: "Hi, about my invoice…"),
                ItemTranscriptLine(source: .agent, time: Date(timeIntervalSince1970: 1_776_781_805), text: "Let me check that for you."),
                ItemTranscriptLine(source: .unknown("SUPERVISOR"), time: V2Support.date("2025-03-15T14:30:45.123456Z"), text: "(joined)"),
            ]))
        #expect(item.isCall && item.content == nil && item.status == nil && item.messageType == nil)
    }

    @Test func searchResultsDecodeMessagesOlderSpellingsAndUnknownValues() async throws {
        let (allo, _) = try V2Support.client(fixture: "v2-items-search")
        let page = try await allo.items.search(page: 2, size: 4)
        #expect(page.number == 2 && page.totalCount == 9 && page.totalPages == 3 && page.hasMore)
        let items = page.items
        #expect(items.count == 4)

        #expect(items[0] == ConversationItem(
            id: "msg-def456", type: .sms, direction: .outbound, alloNumber: "+14155550100", contactNumber: "+14155551234",
            user: UserRef(id: "usr-abc123", name: "Alex Kim", email: "alex@acme.com"), date: Date(timeIntervalSince1970: 1_776_783_600),
            content: "Here is the quote.", status: .delivered, messageType: .sms))
        #expect(items[0].tags.isEmpty && items[0].transcript == nil)

        // TEXT_MESSAGE is an SMS; camelCase keys; a date without a zone; an unknown status.
        #expect(items[1].type == .sms && items[1].alloNumber == "+14155550100" && items[1].contactNumber == "+14155551234")
        #expect(items[1].date == Date(timeIntervalSince1970: 1_780_308_000))
        #expect(items[1].status == .unknown("READ") && items[1].messageType == .whatsapp && items[1].user == nil)

        #expect(items[2].result == .unknown("FAILED_EXTERNAL") && items[2].duration == 12)
        #expect(abs((items[2].date?.timeIntervalSince1970 ?? 0) - 1_742_049_045.123456) < 0.000_01)

        #expect(items[3].type == .unknown("FAX") && items[3].direction == .unknown("SIDEWAYS"))
        #expect(items[3].result == .missed && items[3].status == .pending && items[3].messageType == .unknown("RCS"))
    }

    @Test func webhookEndpointFromCreateCarriesItsSigningSecret() async throws {
        let (allo, _) = try V2Support.client(fixture: "v2-webhook-endpoint")
        let endpoint = try await allo.webhookEndpoints.create(url: "https://example.com/webhooks/allo", topics: [.callCompleted, .smsReceived])
        #expect(endpoint == WebhookEndpoint(id: "ep_2NfDKEm9sF8xK3pQr1Zt", url: "https://example.com/webhooks/allo",
                                            topics: [.callCompleted, .smsReceived], description: "Production event stream",
                                            enabled: true, signingSecret: "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD",
                                            createdAt: Date(timeIntervalSince1970: 1_776_781_800)))
    }

    @Test func listedWebhookEndpointsHaveNoSecretAndKeepUnknownTopics() async throws {
        let (allo, _) = try V2Support.client(fixture: "v2-webhook-endpoints")
        let endpoints = try await allo.webhookEndpoints.list()
        #expect(endpoints.map(\.signingSecret) == [nil, nil])
        #expect(endpoints[0].createdAt == Date(timeIntervalSince1970: 1_780_308_000))
        #expect(endpoints[1].topics == [.unknown("partner.esim.ready"), .tagAdded])
        #expect(endpoints[1].topics.map(\.wireValue) == ["partner.esim.ready", "tag.added"])
        #expect(!endpoints[1].enabled && endpoints[1].description == nil && endpoints[1].createdAt == nil)
    }

    @Test func eventTypesDecodeTheElevenTopicsAndNewerOnes() async throws {
        let (allo, _) = try V2Support.client(fixture: "v2-event-types")
        let types = try await allo.webhookEndpoints.eventTypes()
        #expect(types.count == 12)
        #expect(Array(types.prefix(11)).map(\.name) == WebhookEventTopic.wireValues.map(\.0))
        #expect(types[11] == WebhookEventType(name: .unknown("conversation_note.created"), description: "Note created"))
    }

    @Test(arguments: [
        ("2026-04-21T14:30:00Z", 1_776_781_800.0),
        ("2026-06-01T10:00:00", 1_780_308_000.0),
        ("2025-03-15T14:30:45.123456Z", 1_742_049_045.123456),
        ("2026-04-21T16:30:00+02:00", 1_776_781_800.0),
    ])
    func itemDatesAcceptEveryFormOfTheContract(text: String, seconds: Double) async throws {
        let transport = RecordingTransport(json: #"{"data":{"id":"msg-1","date":"\#(text)"}}"#)
        let item = try await V2Support.client(transport).items.get("msg-1")
        #expect(abs((item.date?.timeIntervalSince1970 ?? 0) - seconds) < 0.000_01)
        #expect(item.type == .sms)  // inferred from the id when `type` is absent
    }

    @Test func anItemWithoutAnIDIsUndecodableAndSaysWhere() async throws {
        let transport = RecordingTransport(json: #"{"data":{"type":"CALL"}}"#)
        let allo = try V2Support.client(transport)
        let error = await V2Support.error { () async throws(AlloError) in try await allo.items.get("cll-1") }
        guard case .undecodable(let body)? = error else {
            Issue.record("expected .undecodable, got \(String(describing: error))")
            return
        }
        #expect(body.reason.contains("id"))
    }

    @Test func itemsRoundTripThroughCodable() throws {
        let item = ConversationItem(id: "cll-1", type: .call, direction: .outbound, alloNumber: "+14155550100",
                                    date: Date(timeIntervalSince1970: 1_776_781_800), result: .unknown("CLOSED"), tags: ["a"],
                                    transcript: [ItemTranscriptLine(source: .user, text: "hi")])
        let data = try JSONEncoder().encode(item)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""allo_number":"+14155550100""#))
        #expect(text.contains(#""result":"CLOSED""#))
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            return try Date(timeIntervalSinceReferenceDate: container.decode(Double.self))
        }
        #expect(try decoder.decode(ConversationItem.self, from: data) == item)
    }

    @Test func itemSearchRoundTripsThroughCodable() throws {
        let query = ItemSearch(alloNumber: "+14155550100", type: .all, tags: ["x"], text: "refund", sort: .dateAsc,
                               extend: [.transcript], dateRange: .init(from: V2Support.date("2026-01-01"), to: V2Support.date("2026-04-21")))
        let data = try JSONEncoder().encode(query)
        #expect(try JSONDecoder().decode(ItemSearch.self, from: data) == query)
    }
}
