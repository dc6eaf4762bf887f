import Foundation
import Testing

/// `POST /v1/api/sms` in both flavours (§6.7, §6.8, §9): every refusal, the TextMessage reply, and where a sent
/// message shows up afterwards (v2 conversations and items, the v1 contact conversation).
@Suite("v1 SMS")
struct V1SMSTests {
    @Test("POST /v1/api/sms refuses a bad send with a flat v1 error naming the field, and sends nothing", arguments: [
        // US / same-country flavour: `from` must be an SMS-capable Allo number of the account.
        V1SMSErrorCase("from missing", #"{"to":"+14155551234","message":"Hi"}"#, "FROM_NUMBER_NOT_FOUND", "from"),
        V1SMSErrorCase("from null", #"{"from":null,"to":"+14155551234","message":"Hi"}"#, "FROM_NUMBER_NOT_FOUND", "from"),
        V1SMSErrorCase("from not ours", #"{"from":"+14155550199","to":"+14155551234","message":"Hi"}"#, "FROM_NUMBER_NOT_FOUND", "from"),
        V1SMSErrorCase("from a line name", #"{"from":"Sales US","to":"+14155551234","message":"Hi"}"#, "FROM_NUMBER_NOT_FOUND", "from"),
        V1SMSErrorCase("from a JSON number is a wrong type", #"{"from":14155550100,"to":"+14155551234","message":"Hi"}"#, "INVALID_REQUEST_BODY", "from"),
        V1SMSErrorCase("from a voice-only line", #"{"from":"+12125550147","to":"+14155551234","message":"Hi"}"#,
                       "NUMBER_NOT_SMS_ENABLED", "from"),
        V1SMSErrorCase("from a line whose carrier has no API sending", #"{"from":"+442071838750","to":"+447700900123","message":"Hi"}"#,
                       "PROVIDER_NOT_SUPPORTED", "from"),
        V1SMSErrorCase("to missing", #"{"from":"+14155550100","message":"Hi"}"#, "INVALID_TO_NUMBER", "to"),
        V1SMSErrorCase("to without +", #"{"from":"+14155550100","to":"4155551234","message":"Hi"}"#, "INVALID_TO_NUMBER", "to"),
        V1SMSErrorCase("to too short", #"{"from":"+14155550100","to":"+1415555","message":"Hi"}"#, "INVALID_TO_NUMBER", "to"),
        V1SMSErrorCase("to with spaces", #"{"from":"+14155550100","to":"+1 415 555 1234","message":"Hi"}"#, "INVALID_TO_NUMBER", "to"),
        V1SMSErrorCase("US line to a French number", #"{"from":"+14155550100","to":"+33612345678","message":"Hi"}"#,
                       "TO_NUMBER_COUNTRY_MISMATCH", "to"),
        V1SMSErrorCase("French line to a US number", #"{"from":"+33184807512","to":"+14155551234","message":"Hi"}"#,
                       "TO_NUMBER_COUNTRY_MISMATCH", "to"),
        V1SMSErrorCase("French shared line to a UK number", #"{"from":"+33757012288","to":"+442071234567","message":"Hi"}"#,
                       "TO_NUMBER_COUNTRY_MISMATCH", "to"),
        V1SMSErrorCase("empty message", #"{"from":"+14155550100","to":"+14155551234","message":""}"#, "INVALID_LENGTH", "message"),
        V1SMSErrorCase("message missing", #"{"from":"+14155550100","to":"+14155551234"}"#, "INVALID_LENGTH", "message"),
        V1SMSErrorCase("1001 ASCII characters",
                       #"{"from":"+14155550100","to":"+14155551234","message":"\#(String(repeating: "a", count: 1001))"}"#,
                       "INVALID_LENGTH", "message"),
        V1SMSErrorCase("501 characters that are 1001 UTF-16 units",
                       #"{"from":"+14155550100","to":"+14155551234","message":"\#(String(repeating: "😀", count: 500))a"}"#,
                       "INVALID_LENGTH", "message"),
        V1SMSErrorCase("message not a string", #"{"from":"+14155550100","to":"+14155551234","message":42}"#,
                       "INVALID_REQUEST_BODY", "message"),
        // France flavour: `sender_id` present.
        V1SMSErrorCase("unknown sender ID", #"{"sender_id":"NOPE","to":"+33612345678","message":"Hi"}"#, "INVALID_SENDER_ID", "sender_id"),
        V1SMSErrorCase("sender ID with a space", #"{"sender_id":"Maison Lum","to":"+33612345678","message":"Hi"}"#,
                       "INVALID_SENDER_ID", "sender_id"),
        V1SMSErrorCase("sender ID with a symbol", #"{"sender_id":"Maison-Lum","to":"+33612345678","message":"Hi"}"#,
                       "INVALID_SENDER_ID", "sender_id"),
        V1SMSErrorCase("empty sender ID", #"{"sender_id":"","to":"+33612345678","message":"Hi"}"#, "INVALID_SENDER_ID", "sender_id"),
        V1SMSErrorCase("12-character sender ID", #"{"sender_id":"MaisonLumier","to":"+33612345678","message":"Hi"}"#,
                       "INVALID_SENDER_ID", "sender_id"),
        V1SMSErrorCase("sender ID not a string", #"{"sender_id":42,"to":"+33612345678","message":"Hi"}"#, "INVALID_SENDER_ID", "sender_id"),
        V1SMSErrorCase("unverified sender ID", #"{"sender_id":"PROMO2026","to":"+33612345678","message":"Hi"}"#,
                       "SENDER_ID_NOT_ACTIVE", "sender_id"),
        V1SMSErrorCase("sender ID to a US number", #"{"sender_id":"MaisonLum","to":"+14155551234","message":"Hi"}"#,
                       "INVALID_TO_NUMBER", "to"),
        V1SMSErrorCase("sender ID to a UK number", #"{"sender_id":"MaisonLum","to":"+447700900123","message":"Hi"}"#,
                       "INVALID_TO_NUMBER", "to"),
        V1SMSErrorCase("sender ID to a short +33 number", #"{"sender_id":"MaisonLum","to":"+336123","message":"Hi"}"#,
                       "INVALID_TO_NUMBER", "to"),
        V1SMSErrorCase("sender ID without to", #"{"sender_id":"MaisonLum","message":"Hi"}"#, "INVALID_TO_NUMBER", "to"),
        V1SMSErrorCase("sender ID with an empty message", #"{"sender_id":"MaisonLum","to":"+33612345678","message":""}"#,
                       "INVALID_LENGTH", "message"),
        V1SMSErrorCase("sender ID with 1001 characters",
                       #"{"sender_id":"MaisonLum","to":"+33612345678","message":"\#(String(repeating: "é", count: 1001))"}"#,
                       "INVALID_LENGTH", "message"),
        V1SMSErrorCase("sender_id wins over a valid from",
                       #"{"from":"+33184807512","sender_id":"PROMO2026","to":"+33612345678","message":"Hi"}"#,
                       "SENDER_ID_NOT_ACTIVE", "sender_id"),
        V1SMSErrorCase("body not an object", #"["+14155550100","+14155551234","Hi"]"#, "INVALID_REQUEST_BODY", nil),
    ])
    func refusedSends(_ c: V1SMSErrorCase) async throws {
        try await withSandbox { sandbox in
            let before = try await itemCounts(sandbox)
            let response = try await sandbox.post("/v1/api/sms", c.body)
            #expect(response.status == 400, "body: \(response.text)")
            #expect(response.json.keys == ["code", "details"])
            #expect(response.json["code"].string == c.code, "body: \(response.text)")
            #expect(response.json["details"].count == 1)
            #expect(response.json["details"][0].keys == ["message", "field"])
            #expect(!(response.json["details"][0]["message"].string ?? "").isEmpty)
            if let field = c.field { #expect(response.json["details"][0]["field"].string == field) }
            #expect(try await itemCounts(sandbox) == before, "a refused send changed the history")
        }
    }

    @Test("A same-country send answers 200 with the TextMessage: from_number set, sender_id null, OUTBOUND, no zone", arguments: [
        ("+14155550100", "+14155551234"), ("+14155550100", "+12125550199"), ("+33184807512", "+33612345678"),
        ("+33757012288", "+33712345678"), ("+33184807512", "+33184807513"),
    ])
    func sameCountrySendSucceeds(from: String, to: String) async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.post("/v1/api/sms", #"{"from":"\#(from)","to":"\#(to)","message":"Thanks for your call!"}"#)
            #expect(response.status == 200, "body: \(response.text)")
            #expect(response.json == .object(["data": .object([
                "from_number": .string(from), "sender_id": .null, "to_number": .string(to), "type": .string("OUTBOUND"),
                "content": .string("Thanks for your call!"), "start_date": .string("2026-11-18T11:16:40"),
            ])]))
        }
    }

    @Test("A sender-ID send answers 200 with from_number null and sender_id set")
    func senderIDSendSucceeds() async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.post("/v1/api/sms", #"{"sender_id":"MaisonLum","to":"+33612345678","message":"Soldes -20 %"}"#)
            #expect(response.status == 200, "body: \(response.text)")
            #expect(response.json == .object(["data": .object([
                "from_number": .null, "sender_id": .string("MaisonLum"), "to_number": .string("+33612345678"),
                "type": .string("OUTBOUND"), "content": .string("Soldes -20 %"), "start_date": .string("2026-11-18T11:16:40"),
            ])]))
        }
    }

    @Test("The body picks the flavour: a sender_id sends as the sender ID even with from; a null sender_id uses from")
    func bodyPicksTheFlavour() async throws {
        try await withSandbox { sandbox in
            let both = try await sandbox.post("/v1/api/sms",
                                              #"{"from":"+33184807512","sender_id":"MaisonLum","to":"+33612345678","message":"Hi"}"#)
            #expect(both.status == 200)
            #expect(both.json["data"]["from_number"].isNull)
            #expect(both.json["data"]["sender_id"].string == "MaisonLum")

            let nullSender = try await sandbox.post("/v1/api/sms",
                                                    #"{"from":"+33184807512","sender_id":null,"to":"+33612345678","message":"Hi"}"#)
            #expect(nullSender.status == 200)
            #expect(nullSender.json["data"]["from_number"].string == "+33184807512")
            #expect(nullSender.json["data"]["sender_id"].isNull)
        }
    }

    @Test("A message of 1 to 1000 UTF-16 units is accepted and stored exactly", arguments: [
        ("1 character", "a"), ("1000 ASCII characters", String(repeating: "a", count: 1000)),
        ("500 emoji, 1000 UTF-16 units", String(repeating: "😀", count: 500)),
        ("1000 accented characters", String(repeating: "é", count: 1000)),
    ])
    func lengthLimitsAccepted(label: String, message: String) async throws {
        try await withSandbox { sandbox in
            let response = try await send(sandbox, from: "+14155550100", to: "+14155551234", message: message)
            #expect(response.status == 200, "\(label): \(response.text.prefix(300))")
            #expect(sameScalars(response.json["data"]["content"].string, message))
        }
    }

    @Test("A sent SMS moves its conversation to the top of GET /v2/api/conversations at once")
    func sentSMSTopsTheConversationList() async throws {
        try await withSandbox { sandbox in
            let before = try await sandbox.get("/v2/api/conversations?allo_number=%2B14155550100&size=100")
            let oldest = try #require(before.json["data"].array.last?["contact_number"].string)
            #expect(before.json["data"][0]["contact_number"].string != oldest)

            let sent = try await send(sandbox, from: "+14155550100", to: oldest, message: "Still interested?")
            #expect(sent.status == 200)

            let after = try await sandbox.get("/v2/api/conversations?allo_number=%2B14155550100&size=100")
            #expect(after.json["pagination"]["total_count"] == before.json["pagination"]["total_count"])
            let top = after.json["data"][0]
            #expect(top["contact_number"].string == oldest)
            #expect(top["last_activity"].string == "2026-11-18T11:16:40Z")
            let item = top["last_item"]
            #expect(item["type"].string == "SMS")
            #expect(item["direction"].string == "OUTBOUND")
            #expect(item["allo_number"].string == "+14155550100")
            #expect(item["content"].string == "Still interested?")
            #expect(item["date"].string == "2026-11-18T11:16:40Z")
            #expect(item["status"].string == "SENT")
            #expect(item["id"].string?.hasPrefix("msg-") == true)
        }
    }

    @Test("A sent SMS is SENT for two seconds of sandbox time, then DELIVERED")
    func sentThenDelivered() async throws {
        try await withSandbox { sandbox in
            let fresh = "+14155550142"
            let history = try await sandbox.post("/v2/api/conversations/items/search", #"{"contact_number":"\#(fresh)"}"#)
            #expect(history.json["pagination"]["total_count"].int == 0)
            let conversations = try await sandbox.get("/v2/api/conversations?allo_number=%2B14155550100&size=1")
            let total = try #require(conversations.json["pagination"]["total_count"].int)

            #expect(try await send(sandbox, from: "+14155550100", to: fresh, message: "Welcome aboard").status == 200)

            func top() async throws -> J {
                let list = try await sandbox.get("/v2/api/conversations?allo_number=%2B14155550100&size=1")
                #expect(list.json["pagination"]["total_count"].int == total + 1)
                #expect(list.json["data"][0]["contact_number"].string == fresh)
                return list.json["data"][0]["last_item"]
            }
            let id = try #require(try await top()["id"].string)
            #expect(try await top()["status"].string == "SENT")
            sandbox.clock.advance(by: 1)
            #expect(try await top()["status"].string == "SENT")
            #expect(try await sandbox.get("/v2/api/conversations/items/\(id)").json["data"]["status"].string == "SENT")
            sandbox.clock.advance(by: 2)
            #expect(try await top()["status"].string == "DELIVERED")
            let item = try await sandbox.get("/v2/api/conversations/items/\(id)")
            #expect(item.json["data"]["status"].string == "DELIVERED")
            #expect(item.json["data"]["content"].string == "Welcome aboard")
        }
    }

    @Test("A sent SMS to a saved contact heads that contact's v1 conversation and refreshes its activity", arguments: [
        V1SMSContactCase(prefix: "+1", from: "+14155550100", senderID: nil),
        V1SMSContactCase(prefix: "+33", from: "+33184807512", senderID: nil),
        V1SMSContactCase(prefix: "+33", from: nil, senderID: "MaisonLum"),
    ])
    func sentSMSInContactConversation(_ c: V1SMSContactCase) async throws {
        try await withSandbox { sandbox in
            let contacts = try await sandbox.get("/v1/api/contacts?size=100").json["data"]["results"].array
            let contact = try #require(contacts.first { $0["numbers"][0].string?.hasPrefix(c.prefix) == true })
            let id = try #require(contact["id"].string)
            let number = try #require(contact["numbers"][0].string)
            let before = try await sandbox.get("/v1/api/contact/\(id)/conversation?size=100").json["data"]["results"].count

            let sender = c.senderID.map { #""sender_id":"\#($0)""# } ?? #""from":"\#(c.from ?? "")""#
            let sent = try await sandbox.post("/v1/api/sms", #"{\#(sender),"to":"\#(number)","message":"À demain, 10 h ✔︎"}"#)
            #expect(sent.status == 200, "body: \(sent.text)")

            let conversation = try await sandbox.get("/v1/api/contact/\(id)/conversation?size=100").json["data"]["results"]
            #expect(conversation.count == before + 1)
            #expect(conversation[0] == .object([
                "type": .string("TEXT_MESSAGE"), "call": .null,
                "message": .object([
                    "from_number": c.from.map(J.string) ?? .null, "sender_id": c.senderID.map(J.string) ?? .null,
                    "to_number": .string(number), "type": .string("OUTBOUND"), "content": .string("À demain, 10 h ✔︎"),
                    "start_date": .string("2026-11-18T11:16:40"),
                ]),
            ]))
            #expect(conversation[0]["message"] == sent.json["data"])

            let listed = try await sandbox.get("/v1/api/contacts?size=100").json["data"]["results"].array.first { $0["id"].string == id }
            #expect(listed?["last_activity_date"].string == "2026-11-18T11:16:40")
            #expect(listed?["engagement"].string == "ENGAGED")
        }
    }

    @Test("Accents, emoji and control characters round-trip exactly, through the reply, v2 items and v1 history", arguments: [
        "Café crème à 8 h — ça marche ? Zoë, Noël, Łódź, Straße",
        "👍🏽 🇫🇷 👨‍👩‍👧 ❤️ ok",
        "Cafe\u{301} de\u{301}composé",
        "日本語のメッセージ、한국어, 中文",
        "Line one\nLine \"two\"\ttab \\ slash / end",
    ])
    func textRoundTrips(message: String) async throws {
        try await withSandbox { sandbox in
            let sent = try await send(sandbox, from: "+33184807512", to: "+33612340077", message: message)
            #expect(sent.status == 200, "body: \(sent.text)")
            #expect(sameScalars(sent.json["data"]["content"].string, message))

            let list = try await sandbox.get("/v2/api/conversations?allo_number=%2B33184807512&size=1")
            #expect(list.json["data"][0]["contact_number"].string == "+33612340077")
            #expect(sameScalars(list.json["data"][0]["last_item"]["content"].string, message))

            let items = try await sandbox.post("/v2/api/conversations/items/search", #"{"contact_number":"+33612340077"}"#)
            #expect(items.json["pagination"]["total_count"].int == 1)
            #expect(sameScalars(items.json["data"][0]["content"].string, message))

            let contact = try await sandbox.post("/v1/api/contacts", #"{"numbers":["+33612340077"]}"#)
            let id = try #require(contact.json["data"]["id"].string)
            let history = try await sandbox.get("/v1/api/contact/\(id)/conversation").json["data"]["results"]
            #expect(history.count == 1)
            #expect(sameScalars(history[0]["message"]["content"].string, message))
        }
    }
}

// MARK: - Helpers

/// One refused send: the body, the v1 `code` and the `details[0].field` it must name.
struct V1SMSErrorCase: Sendable, CustomTestStringConvertible {
    var label: String
    var body: String
    var code: String
    var field: String?

    init(_ label: String, _ body: String, _ code: String, _ field: String?) {
        self.label = label
        self.body = body
        self.code = code
        self.field = field
    }

    var testDescription: String { "\(label) → \(code)" }
}

/// A saved contact whose first number starts with `prefix`, written to from `from` or `senderID`.
struct V1SMSContactCase: Sendable, CustomTestStringConvertible {
    var prefix: String
    var from: String?
    var senderID: String?
    var testDescription: String { "\(from ?? senderID ?? "?") → \(prefix)…" }
}

/// Every item and every outbound SMS of the account, as the v2 item search counts them.
private func itemCounts(_ sandbox: TestSandbox) async throws -> [Int?] {
    let all = try await sandbox.post("/v2/api/conversations/items/search", #"{"size":1}"#)
    let outbound = try await sandbox.post("/v2/api/conversations/items/search", #"{"type":"SMS","direction":"OUTBOUND","size":1}"#)
    return [all.json["pagination"]["total_count"].int, outbound.json["pagination"]["total_count"].int]
}

/// Sends with the body built by JSONEncoder, so any text is escaped correctly.
private func send(_ sandbox: TestSandbox, from: String, to: String, message: String) async throws -> HTTPResult {
    let body = try JSONEncoder().encode(["from": from, "to": to, "message": message])
    return try await sandbox.request("POST", "/v1/api/sms", body: body)
}

/// Exact equality, scalar by scalar: Swift's `==` would call "é" and "e\u{301}" equal.
private func sameScalars(_ a: String?, _ b: String) -> Bool {
    guard let a else { return false }
    return a.unicodeScalars.elementsEqual(b.unicodeScalars)
}
