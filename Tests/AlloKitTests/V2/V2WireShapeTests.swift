import Foundation
import Testing
import AlloKit

/// What each v2 method puts on the wire: method, exact path and query, exact body, and headers.
@Suite struct V2WireShapeTests {
    /// One SDK call and the request it must make.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let method: String
        let path: String
        /// Exact JSON (sorted keys), or nil for a bodiless request.
        let body: String?
        /// v2 writes carry an `Idempotency-Key`; reads, search and batch do not.
        let write: Bool
        /// What the fake server answers.
        var status = 200
        var reply = #"{"data":[]}"#
        let call: @Sendable (AlloClient) async throws(AlloError) -> Void

        var testDescription: String { name }
    }

    static let item = #"{"data":{"id":"cll-abc123","type":"CALL"}}"#
    static let endpoint = #"{"data":{"id":"ep_1","url":"https://example.com/h","topics":["call.completed"],"enabled":true}}"#
    static let april21 = AlloDate.parse("2026-04-21T14:30:00Z")!

    static let cases: [Case] = [
        Case(name: "me", method: "GET", path: "/v2/api/me", body: nil, write: false,
             reply: #"{"data":{"api_key_id":"api-1"}}"#) { allo throws(AlloError) in _ = try await allo.me() },
        Case(name: "users.list", method: "GET", path: "/v2/api/users", body: nil, write: false) { allo throws(AlloError) in
            _ = try await allo.users.list()
        },
        Case(name: "users.list(role:status:)", method: "GET", path: "/v2/api/users?role=ADMIN&status=BLOCKED", body: nil,
             write: false) { allo throws(AlloError) in _ = try await allo.users.list(role: .admin, status: .blocked) },
        Case(name: "users.get encodes / and space", method: "GET", path: "/v2/api/users/usr%2F1%20x", body: nil, write: false,
             reply: #"{"data":{"id":"usr/1 x"}}"#) { allo throws(AlloError) in _ = try await allo.users.get("usr/1 x") },
        Case(name: "phoneNumbers.list", method: "GET", path: "/v2/api/numbers", body: nil, write: false) { allo throws(AlloError) in
            _ = try await allo.phoneNumbers.list()
        },
        Case(name: "tags.list", method: "GET", path: "/v2/api/tags", body: nil, write: false) { allo throws(AlloError) in
            _ = try await allo.tags.list()
        },
        Case(name: "conversations.list defaults", method: "GET",
             path: "/v2/api/conversations?allo_number=%2B14155550100&page=1&size=20", body: nil, write: false) { allo throws(AlloError) in
            _ = try await allo.conversations.list(alloNumber: "+14155550100")
        },
        Case(name: "conversations.list every parameter", method: "GET",
             path: "/v2/api/conversations?allo_number=%2B14155550100&last_activity_since=2026-04-21T14%3A30%3A00Z&unread=false"
                + "&extend=transcript&page=3&size=50",
             body: nil, write: false) { allo throws(AlloError) in
            _ = try await allo.conversations.list(alloNumber: "+14155550100", lastActivitySince: april21, unread: false,
                                                  extend: [.transcript], page: 3, size: 50)
        },
        Case(name: "conversations.markRead", method: "PUT", path: "/v2/api/conversations/%2B14155551234/action",
             body: #"{"action":"READ","allo_number":"+14155550100"}"#, write: true, reply: "") { allo throws(AlloError) in
            try await allo.conversations.markRead(contactNumber: "+14155551234", alloNumber: "+14155550100")
        },
        Case(name: "conversations.markUnread on every line", method: "PUT", path: "/v2/api/conversations/%2B14155551234/action",
             body: #"{"action":"UNREAD"}"#, write: true, reply: "") { allo throws(AlloError) in
            try await allo.conversations.markUnread(contactNumber: "+14155551234")
        },
        Case(name: "conversations.archive", method: "PUT", path: "/v2/api/conversations/%2B14155551234/action",
             body: #"{"action":"ARCHIVE"}"#, write: true) { allo throws(AlloError) in
            try await allo.conversations.archive(contactNumber: "+14155551234")
        },
        Case(name: "conversations.unarchive", method: "PUT", path: "/v2/api/conversations/%2B14155551234/action",
             body: #"{"action":"UNARCHIVE","allo_number":"+14155550100"}"#, write: true) { allo throws(AlloError) in
            try await allo.conversations.unarchive(contactNumber: "+14155551234", alloNumber: "+14155550100")
        },
        Case(name: "conversations.perform a newer action", method: "PUT", path: "/v2/api/conversations/anonymous/action",
             body: #"{"action":"SNOOZE"}"#, write: true) { allo throws(AlloError) in
            try await allo.conversations.perform(.unknown("SNOOZE"), contactNumber: "anonymous")
        },
        Case(name: "items.search with no filters", method: "POST", path: "/v2/api/conversations/items/search",
             body: #"{"page":1,"size":20}"#, write: false) { allo throws(AlloError) in _ = try await allo.items.search() },
        Case(name: "items.search with every filter", method: "POST", path: "/v2/api/conversations/items/search",
             body: #"{"allo_number":"+14155550100","contact_number":"+14155551234","date":{"from":"2026-01-01","to":"2026-04-21"},"#
                + #""direction":"INBOUND","extend":"transcript","page":2,"result":"ANSWERED","search":"billing refund","size":50,"#
                + #""sort":"RELEVANCE","tags":["billing","support"],"type":"CALL","unread":true,"unresponded":false,"user_id":"usr-abc123"}"#,
             write: false) { allo throws(AlloError) in
            let query = ItemSearch(alloNumber: "+14155550100", contactNumber: "+14155551234", userID: "usr-abc123",
                                   direction: .inbound, type: .call, result: .answered, tags: ["billing", "support"],
                                   unread: true, unresponded: false, text: "billing refund", sort: .relevance,
                                   extend: [.transcript],
                                   // Days are taken in UTC: 23:59 on the 1st is still the 1st.
                                   dateRange: .init(from: AlloDate.parse("2026-01-01T23:59:00Z")!, to: april21))
            _ = try await allo.items.search(query, page: 2, size: 50)
        },
        Case(name: "items.get", method: "GET", path: "/v2/api/conversations/items/cll-abc123", body: nil, write: false,
             reply: item) { allo throws(AlloError) in _ = try await allo.items.get("cll-abc123") },
        Case(name: "items.get with transcript, id with / and space", method: "GET",
             path: "/v2/api/conversations/items/cll%2Fa%20b?extend=transcript", body: nil, write: false,
             reply: item) { allo throws(AlloError) in _ = try await allo.items.get("cll/a b", transcript: true) },
        Case(name: "items.batch", method: "POST", path: "/v2/api/conversations/items/batch",
             body: #"{"ids":["cll-abc123","msg-def456"]}"#, write: false) { allo throws(AlloError) in
            _ = try await allo.items.batch(["cll-abc123", "msg-def456"])
        },
        Case(name: "items.addTags", method: "POST", path: "/v2/api/conversations/items/cll-abc123/tags",
             body: #"{"tags":["qualified","follow_up"]}"#, write: true, reply: "") { allo throws(AlloError) in
            try await allo.items.addTags(["qualified", "follow_up"], to: "cll-abc123")
        },
        Case(name: "items.removeTag encodes the tag", method: "DELETE", path: "/v2/api/conversations/items/cll-abc123/tags/follow%20up%2Fnow",
             body: nil, write: true, reply: "") { allo throws(AlloError) in
            try await allo.items.removeTag("follow up/now", from: "cll-abc123")
        },
        Case(name: "webhookEndpoints.list", method: "GET", path: "/v2/api/webhooks", body: nil, write: false) { allo throws(AlloError) in
            _ = try await allo.webhookEndpoints.list()
        },
        Case(name: "webhookEndpoints.create", method: "POST", path: "/v2/api/webhooks",
             body: #"{"description":"Production event stream","topics":["call.completed","sms.received"],"url":"https://example.com/webhooks/allo"}"#,
             write: true, status: 201, reply: endpoint) { allo throws(AlloError) in
            _ = try await allo.webhookEndpoints.create(url: "https://example.com/webhooks/allo", topics: [.callCompleted, .smsReceived],
                                                       description: "Production event stream")
        },
        Case(name: "webhookEndpoints.create without description", method: "POST", path: "/v2/api/webhooks",
             body: #"{"topics":["tag.added"],"url":"https://example.com/h"}"#, write: true, status: 201,
             reply: endpoint) { allo throws(AlloError) in
            _ = try await allo.webhookEndpoints.create(url: "https://example.com/h", topics: [.tagAdded])
        },
        Case(name: "webhookEndpoints.get", method: "GET", path: "/v2/api/webhooks/ep_2NfDKEm9sF8xK3pQr1Zt", body: nil, write: false,
             reply: endpoint) { allo throws(AlloError) in _ = try await allo.webhookEndpoints.get("ep_2NfDKEm9sF8xK3pQr1Zt") },
        Case(name: "webhookEndpoints.update sends only what is given", method: "PUT", path: "/v2/api/webhooks/ep_1",
             body: #"{"enabled":false}"#, write: true, reply: endpoint) { allo throws(AlloError) in
            _ = try await allo.webhookEndpoints.update("ep_1", enabled: false)
        },
        Case(name: "webhookEndpoints.update every field", method: "PUT", path: "/v2/api/webhooks/ep%2F1",
             body: #"{"description":"d","enabled":true,"topics":["sms.sent","partner.esim.ready"],"url":"https://example.com/new"}"#,
             write: true, reply: endpoint) { allo throws(AlloError) in
            _ = try await allo.webhookEndpoints.update("ep/1", url: "https://example.com/new",
                                                       topics: [.smsSent, .unknown("partner.esim.ready")], description: "d", enabled: true)
        },
        Case(name: "webhookEndpoints.delete", method: "DELETE", path: "/v2/api/webhooks/ep_1", body: nil, write: true,
             status: 204, reply: "") { allo throws(AlloError) in try await allo.webhookEndpoints.delete("ep_1") },
        Case(name: "webhookEndpoints.eventTypes", method: "GET", path: "/v2/api/webhooks/event_types", body: nil,
             write: false) { allo throws(AlloError) in _ = try await allo.webhookEndpoints.eventTypes() },
    ]

    @Test(arguments: cases)
    func requestMatchesTheContract(_ testCase: Case) async throws {
        let transport = RecordingTransport(status: testCase.status, json: testCase.reply)
        let allo = try V2Support.client(transport)
        try await testCase.call(allo)

        let request = try #require(transport.requests.count == 1 ? transport.last : nil)
        #expect(request.method == testCase.method)
        #expect(request.pathAndQuery == testCase.path)
        #expect(request.bodyText == testCase.body)
        #expect(request.headers["Authorization"] == "Api-Key \(V2Support.key)")
        #expect(request.headers["Accept"] == "application/json")
        #expect(request.headers["Content-Type"] == (testCase.body == nil ? nil : "application/json"))
        if testCase.write {
            let key = try #require(request.headers["Idempotency-Key"])
            #expect(!key.isEmpty && key.utf8.count <= 255)
        } else {
            #expect(request.headers["Idempotency-Key"] == nil)
        }
    }

    @Test func writesUseTheCallersIdempotencyKey() async throws {
        let transport = RecordingTransport(status: 200, json: "")
        let allo = try V2Support.client(transport)
        try await allo.conversations.markRead(contactNumber: "+14155551234", options: .init(idempotencyKey: "sync-42"))
        #expect(transport.last?.headers["Idempotency-Key"] == "sync-42")
    }

    @Test func eachWriteGetsItsOwnIdempotencyKey() async throws {
        let transport = RecordingTransport()
        let allo = try V2Support.client(transport)
        try await allo.items.addTags(["a"], to: "cll-1")
        try await allo.items.addTags(["a"], to: "cll-1")
        let keys = transport.requests.compactMap { $0.headers["Idempotency-Key"] }
        #expect(keys.count == 2 && keys[0] != keys[1])
    }

    @Test(arguments: [101, 250])
    func batchOfMoreThanAHundredIdsIsRejectedBeforeSending(count: Int) async throws {
        let transport = RecordingTransport()
        let allo = try V2Support.client(transport)
        let ids = (0..<count).map { "cll-\($0)" }
        let error = await V2Support.error { () async throws(AlloError) in try await allo.items.batch(ids) }
        guard case .invalidArgument(let message)? = error else {
            Issue.record("expected .invalidArgument, got \(String(describing: error))")
            return
        }
        #expect(message.contains("100") && message.contains("\(count)"))
        #expect(transport.requests.isEmpty)
    }

    @Test func batchOfExactlyAHundredIdsIsSent() async throws {
        let transport = RecordingTransport()
        let allo = try V2Support.client(transport)
        _ = try await allo.items.batch((0..<100).map { "cll-\($0)" })
        #expect(transport.requests.count == 1)
    }

    @Test func searchAllAsksForConsecutivePagesFromOneWithTheSameFilters() async throws {
        let page = { (number: Int, more: Bool) -> RecordingTransport.Reply in
            let json = #"{"data":[{"id":"cll-\#(number)","type":"CALL"}],"pagination":{"page":\#(number),"size":1,"total_count":3,"total_pages":3,"has_more":\#(more)}}"#
            return .response(HTTPResponse(status: 200, body: Data(json.utf8)))
        }
        let transport = RecordingTransport([page(1, true), page(2, true), page(3, false)])
        let allo = try V2Support.client(transport)
        let items = try await allo.items.searchAll(ItemSearch(type: .sms), size: 1).collect()
        #expect(items.map(\.id) == ["cll-1", "cll-2", "cll-3"])
        #expect(transport.requests.map { $0.bodyText ?? "" } == [1, 2, 3].map { #"{"page":\#($0),"size":1,"type":"SMS"}"# })
    }

    @Test func conversationsAllAsksForConsecutivePagesFromOne() async throws {
        let page = { (number: Int, more: Bool) -> RecordingTransport.Reply in
            let json = #"{"data":[{"contact_number":"+1415555000\#(number)"}],"pagination":{"page":\#(number),"size":1,"total_count":2,"total_pages":2,"has_more":\#(more)}}"#
            return .response(HTTPResponse(status: 200, body: Data(json.utf8)))
        }
        let transport = RecordingTransport([page(1, true), page(2, false)])
        let allo = try V2Support.client(transport)
        let conversations = try await allo.conversations.all(alloNumber: "+14155550100", unread: true, size: 1).collect()
        #expect(conversations.map(\.contactNumber) == ["+14155550001", "+14155550002"])
        #expect(transport.requests.map(\.pathAndQuery) == [1, 2].map {
            "/v2/api/conversations?allo_number=%2B14155550100&unread=true&page=\($0)&size=1"
        })
    }
}
