import Foundation
import Testing
import AlloKit

/// What each v1 method puts on the wire, checked through a recording transport.
@Suite("v1 wire shapes")
struct V1WireTests {
    static let emptyPage = #"{"data":{"results":[],"metadata":{"pagination":{"total_pages":0,"current_page":0}}}}"#

    func client(_ transport: RecordingTransport, scheme: AuthScheme = .apiKey) throws -> AlloClient {
        try AlloClient(apiKey: "ak_live_test", transport: transport, retry: .never, authScheme: scheme)
    }

    @Test("numbers.list is GET /v1/api/numbers")
    func numbers() async throws {
        let transport = RecordingTransport(json: #"{"data":[{"number":"+14155550100","name":"Main Line","country":"US","is_shared_number":false}]}"#)
        let numbers = try await client(transport).numbers.list()
        #expect(numbers == [AlloNumber(number: "+14155550100", name: "Main Line", country: "US")])
        #expect(transport.last?.method == "GET")
        #expect(transport.last?.pathAndQuery == "/v1/api/numbers")
    }

    @Test("contacts.search defaults to page=0 size=10")
    func contactsSearchDefaults() async throws {
        let transport = RecordingTransport(json: Self.emptyPage)
        _ = try await client(transport).contacts.search()
        #expect(transport.last?.pathAndQuery == "/v1/api/contacts?page=0&size=10")
    }

    @Test("contacts.get uses the singular /contact/{id} path and joins extend")
    func contactsGet() async throws {
        let transport = RecordingTransport(json: #"{"data":{"id":"cnt_1"}}"#)
        let allo = try client(transport)
        _ = try await allo.contacts.get("cnt_1")
        _ = try await allo.contacts.get("cnt_1", extend: [.engagement, .activity])
        #expect(transport.requests.map(\.pathAndQuery) == ["/v1/api/contact/cnt_1", "/v1/api/contact/cnt_1?extend=engagement%2Cactivity"])
    }

    @Test("Ids with a slash or a space stay one path segment")
    func idsAreEncoded() async throws {
        let transport = RecordingTransport([
            .response(.init(status: 200, body: Data(#"{"data":{"id":"x"}}"#.utf8))),
            .response(.init(status: 204)),
        ])
        let allo = try client(transport)
        _ = try await allo.contacts.get("cnt a/b")
        try await allo.webhooks.delete("web abc/123")
        #expect(transport.requests.map(\.pathAndQuery) == ["/v1/api/contact/cnt%20a%2Fb", "/v1/api/webhooks/web%20abc%2F123"])
        #expect(transport.last?.method == "DELETE")
    }

    @Test("contacts.create sends only the fields given, snake_case, numbers required")
    func contactsCreate() async throws {
        let transport = RecordingTransport(json: #"{"data":{"id":"cnt_new","numbers":["+15551234567"]}}"#)
        let allo = try client(transport)
        let created = try await allo.contacts.create(ContactInput(numbers: ["+15551234567"], name: "John", lastName: "Doe",
                                                                  jobTitle: "CEO", website: "https://acme.com",
                                                                  emails: ["john@acme.com"]))
        #expect(created.id == "cnt_new")
        #expect(transport.last?.method == "POST")
        #expect(transport.last?.pathAndQuery == "/v1/api/contacts")
        #expect(transport.last?.headers["Content-Type"] == "application/json")
        #expect(transport.last?.bodyText == #"{"emails":["john@acme.com"],"job_title":"CEO","last_name":"Doe","name":"John","numbers":["+15551234567"],"website":"https://acme.com"}"#)
        _ = try await allo.contacts.create(ContactInput(numbers: ["+15551234567"], name: "John"))
        #expect(transport.last?.bodyText == #"{"name":"John","numbers":["+15551234567"]}"#)
        await #expect(throws: AlloError.self) { _ = try await allo.contacts.create(ContactInput(name: "Nobody")) }
        #expect(transport.requests.count == 2)
    }

    @Test("contacts.update is PUT /contacts/{id} (plural) with only the changed fields; arrays replace")
    func contactsUpdate() async throws {
        let transport = RecordingTransport(json: #"{"data":{"id":"cnt_1"}}"#)
        let allo = try client(transport)
        _ = try await allo.contacts.update("cnt_1", ContactInput(lastName: "Durand", emails: ["a@b.fr"]))
        #expect(transport.last?.method == "PUT")
        #expect(transport.last?.pathAndQuery == "/v1/api/contacts/cnt_1")
        #expect(transport.last?.bodyText == #"{"emails":["a@b.fr"],"last_name":"Durand"}"#)
    }

    @Test("contacts.conversation takes allo_number, page and size; + is %2B")
    func contactsConversation() async throws {
        let transport = RecordingTransport(json: Self.emptyPage)
        let allo = try client(transport)
        _ = try await allo.contacts.conversation("cnt_1", page: 2, size: 50)
        _ = try await allo.contacts.conversation("cnt_1", alloNumber: "+33612345678")
        #expect(transport.requests.map(\.pathAndQuery) == [
            "/v1/api/contact/cnt_1/conversation?page=2&size=50",
            "/v1/api/contact/cnt_1/conversation?allo_number=%2B33612345678&page=0&size=10",
        ])
    }

    @Test("calls.search: allo_number required, contact_number optional, absent values omitted")
    func callsSearch() async throws {
        let transport = RecordingTransport(json: #"{"data":{"results":[],"metadata":{"total_pages":0,"current_page":0}}}"#)
        let allo = try client(transport)
        _ = try await allo.calls.search(alloNumber: "+14155550100", contactNumber: "+14155551234", page: 0, size: 2)
        _ = try await allo.calls.search(alloNumber: "+14155550100")
        #expect(transport.requests.map(\.pathAndQuery) == [
            "/v1/api/calls?allo_number=%2B14155550100&contact_number=%2B14155551234&page=0&size=2",
            "/v1/api/calls?allo_number=%2B14155550100&page=0&size=10",
        ])
    }

    @Test("Page and size outside the API's range are refused before any request",
          arguments: [(-1, 10), (0, 0), (0, 101)])
    func pageBounds(page: Int, size: Int) async throws {
        let transport = RecordingTransport()
        await #expect(throws: AlloError.self) { _ = try await client(transport).contacts.search(page: page, size: size) }
        #expect(transport.requests.isEmpty)
    }

    @Test("sms.send uses `from`, never `sender_id`, and no idempotency key")
    func smsSend() async throws {
        let transport = RecordingTransport(json: #"{"data":{"from_number":"+14155550100","sender_id":null,"to_number":"+14155551234","type":"OUTBOUND","content":"Thanks for your call!","start_date":"2024-01-15T10:30:00"}}"#)
        let sent = try await client(transport).sms.send(from: "+14155550100", to: "+14155551234", message: "Thanks for your call!")
        #expect(sent.fromNumber == "+14155550100")
        #expect(sent.direction == .outbound)
        #expect(transport.last?.pathAndQuery == "/v1/api/sms")
        #expect(transport.last?.bodyText == #"{"from":"+14155550100","message":"Thanks for your call!","to":"+14155551234"}"#)
        #expect(transport.last?.headers["Idempotency-Key"] == nil)
    }

    @Test("sms.sendFrance uses `sender_id`, not `from`")
    func smsSendFrance() async throws {
        let transport = RecordingTransport(json: #"{"data":{"from_number":null,"sender_id":"MyCorp","to_number":"+33612345678","type":"OUTBOUND","content":"bonjour","start_date":"2024-01-15T10:30:00"}}"#)
        let sent = try await client(transport).sms.sendFrance(senderID: "MyCorp", to: "+33612345678", message: "bonjour")
        #expect(sent.senderID == "MyCorp")
        #expect(sent.fromNumber == nil)
        #expect(transport.last?.bodyText == #"{"message":"bonjour","sender_id":"MyCorp","to":"+33612345678"}"#)
    }

    @Test("webhooks.list returns the data array; create sends snake_case and reads alloNumber back")
    func webhooks() async throws {
        let transport = RecordingTransport([
            .response(.init(status: 200, body: Data(#"{"data":[{"allo_number":"+1234567890","enabled":true,"url":"https://x","topics":["CALL_RECEIVED"]}]}"#.utf8))),
            .response(.init(status: 201, body: Data(#"{"data":{"id":"web-2NfDKEm9sF8xK3pQr1Zt","alloNumber":"+1234567890","enabled":true,"url":"https://example.com/hook","topics":["CALL_RECEIVED","SMS_RECEIVED"]}}"#.utf8))),
        ])
        let allo = try client(transport)
        let list = try await allo.webhooks.list()
        #expect(list.count == 1)
        #expect(list.first?.topics == [.callReceived])
        let created = try await allo.webhooks.create(WebhookInput(alloNumber: "+1234567890", url: "https://example.com/hook",
                                                                  topics: [.callReceived, .smsReceived]))
        #expect(created.id == "web-2NfDKEm9sF8xK3pQr1Zt")
        #expect(created.alloNumber == "+1234567890")
        #expect(transport.last?.bodyText == #"{"allo_number":"+1234567890","enabled":true,"topics":["CALL_RECEIVED","SMS_RECEIVED"],"url":"https://example.com/hook"}"#)
    }

    @Test("Seed-SDK error mappings: 401, 403 with scopes, 404 string error, 422 field errors, 429 Retry-After, 503 message")
    func seedErrorMappings() async throws {
        let transport = RecordingTransport([
            .response(.init(status: 401, body: Data(#"{"code":"API_KEY_INVALID","details":null}"#.utf8))),
            .response(.init(status: 403, body: Data(#"{"code":"API_KEY_INSUFFICIENT_SCOPE","details":[{"message":"required=CONTACTS_READ","field":"scope"}]}"#.utf8))),
            .response(.init(status: 404, body: Data(#"{"error":"WEBHOOK_NOT_FOUND"}"#.utf8))),
            .response(.init(status: 422, body: Data(#"{"code":"VALIDATION_ERROR","details":[{"field":"numbers","message":"must not be empty"}]}"#.utf8))),
            .response(.init(status: 429, headers: ["Retry-After": "12"], body: Data(#"{"code":"RATE_LIMITED"}"#.utf8))),
            .response(.init(status: 503, body: Data(#"{"message":"maintenance"}"#.utf8))),
        ])
        let allo = try client(transport)
        var failures: [HTTPFailure] = []
        for _ in 0..<6 {
            do { _ = try await allo.numbers.list() } catch {
                if case .http(let failure) = error { failures.append(failure) }
            }
        }
        #expect(failures.map(\.status) == [401, 403, 404, 422, 429, 503])
        #expect(failures.map(\.code) == ["API_KEY_INVALID", "API_KEY_INSUFFICIENT_SCOPE", "WEBHOOK_NOT_FOUND", "VALIDATION_ERROR", "RATE_LIMITED", nil])
        #expect(failures[1].requiredScopes == ["CONTACTS_READ"])
        #expect(failures[3].details == [.init(field: "numbers", message: "must not be empty")])
        #expect(failures[4].rateLimit?.retryAfter == .seconds(12))
        #expect(failures[5].message == "maintenance")
    }
}
