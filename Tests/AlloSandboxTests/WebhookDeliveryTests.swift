import Crypto
import Foundation
import Testing

@Suite("Webhook delivery (§8)")
struct WebhookDeliveryTests {
    /// Standard Webhooks verification written independently of the sandbox (§8.5).
    static func verify(_ delivery: WebhookReceiver.Delivery, secret: String, now: Int) -> Bool {
        guard let id = delivery.headers["webhook-id"], let timestamp = delivery.headers["webhook-timestamp"],
              let signatures = delivery.headers["webhook-signature"], let seconds = Int(timestamp),
              abs(now - seconds) <= 300, secret.hasPrefix("whsec_"),
              let key = Data(base64Encoded: String(secret.dropFirst(6))) else { return false }
        var content = Data("\(id).\(timestamp).".utf8)
        content.append(delivery.body)
        let expected = Data(HMAC<SHA256>.authenticationCode(for: content, using: SymmetricKey(data: key)))
        return signatures.split(separator: " ").contains { entry in
            entry.hasPrefix("v1,") && Data(base64Encoded: String(entry.dropFirst(3))) == expected
        }
    }

    @Test("A v2 endpoint receives a signed {topic, version, timestamp, data} envelope that verifies with its secret")
    func signedV2Delivery() async throws {
        let receiver = try await WebhookReceiver.start()
        try await withSandbox { sandbox in
            let created = try await sandbox.post("/v2/api/webhooks", #"{"url":"\#(receiver.url)","topics":["sms.received"]}"#)
            #expect(created.status == 201)
            let secret = try #require(created.json["data"]["signing_secret"].string)

            let activity = try await sandbox.control("POST", "/activity", json: #"{"kind":"sms","allo_number":"+14155550100","content":"Is the lamp in stock? 💡"}"#)
            #expect(activity.status == 201)
            let delivery = try #require(await receiver.next().first)
            #expect(Self.verify(delivery, secret: secret, now: Int(sandbox.clock.now())))
            #expect(!Self.verify(delivery, secret: "whsec_" + Data(repeating: 7, count: 24).base64EncodedString(), now: Int(sandbox.clock.now())))
            #expect(delivery.headers["webhook-id"]?.hasPrefix("msg_") == true)
            let envelope = delivery.json
            #expect(envelope["topic"].string == "sms.received")
            #expect(envelope["version"].string == "2.0")
            #expect(envelope["timestamp"].string?.hasSuffix("Z") == true)
            #expect(envelope["data"]["content"].string == "Is the lamp in stock? 💡")
            #expect(envelope["data"]["direction"].string == "INBOUND")
            #expect(envelope["data"]["allo_number"].string == "+14155550100")
            #expect(envelope["data"]["id"].string == activity.json["data"]["id"].string)
        }
        await receiver.stop()
    }

    @Test("A v1 webhook receives {topic, data}, unsigned, for its own Allo number only")
    func unsignedV1Delivery() async throws {
        let receiver = try await WebhookReceiver.start()
        try await withSandbox { sandbox in
            let created = try await sandbox.post("/v1/api/webhooks",
                                                 #"{"allo_number":"+33184807512","url":"\#(receiver.url)","topics":["SMS_RECEIVED","SMS_SENT"]}"#)
            #expect(created.status == 200)
            // Another number's SMS must not reach this webhook; the Paris one must.
            _ = try await sandbox.control("POST", "/activity", json: #"{"kind":"sms","allo_number":"+14155550100"}"#)
            _ = try await sandbox.post("/v1/api/sms", #"{"from":"+33184807512","to":"+33612345678","message":"Votre commande est prête ✨"}"#)
            let delivery = try #require(await receiver.next().first)
            #expect(delivery.headers["webhook-signature"] == nil)
            #expect(delivery.json.keys == ["topic", "data"])
            #expect(delivery.json["topic"].string == "SMS_SENT")
            #expect(delivery.json["data"]["content"].string == "Votre commande est prête ✨")
            #expect(delivery.json["data"]["from_number"].string == "+33184807512")
            #expect(delivery.json["data"]["to_number"].string == "+33612345678")
        }
        await receiver.stop()
    }

    @Test("A failed delivery is retried with the same webhook-id until the receiver accepts it")
    func retriesUntilAccepted() async throws {
        let receiver = try await WebhookReceiver.start(failFirst: [500, 503])
        try await withSandbox { sandbox in
            let created = try await sandbox.post("/v2/api/webhooks", #"{"url":"\#(receiver.url)","topics":["call.completed"]}"#)
            let secret = try #require(created.json["data"]["signing_secret"].string)
            _ = try await sandbox.control("POST", "/activity", json: #"{"kind":"call","allo_number":"+33757012288","result":"ANSWERED"}"#)
            let attempts = await receiver.next(3)
            #expect(Set(attempts.compactMap { $0.headers["webhook-id"] }).count == 1)
            #expect(attempts.allSatisfy { Self.verify($0, secret: secret, now: Int(sandbox.clock.now())) })
            #expect(attempts.last?.json["topic"].string == "call.completed")
            #expect(attempts.last?.json["data"]["transcript"].array.isEmpty == false)

            let log = try await sandbox.control("POST", "/webhooks/drain").json["data"].array
            #expect(log.map { $0["status"].int } == [500, 503, 200])
            #expect(log.map { $0["attempt"].int } == [1, 2, 3])
            #expect(log.last?["delivered"].bool == true)
        }
        await receiver.stop()
    }

    @Test("An inbound call fires call.received before call.completed")
    func callEventsInOrder() async throws {
        let receiver = try await WebhookReceiver.start()
        try await withSandbox { sandbox in
            _ = try await sandbox.post("/v2/api/webhooks", #"{"url":"\#(receiver.url)","topics":["call.received","call.completed"]}"#)
            _ = try await sandbox.control("POST", "/activity", json: #"{"kind":"call","allo_number":"+33184807512","result":"VOICEMAIL"}"#)
            let deliveries = await receiver.next(2)
            #expect(Set(deliveries.compactMap { $0.json["topic"].string }) == ["call.received", "call.completed"])
            let received = try #require(deliveries.first { $0.json["topic"].string == "call.received" })
            #expect(received.json["data"].keys.isSuperset(of: ["from_number", "to_number", "started_at", "user_email", "person", "company", "deals"]))
            #expect(received.json["data"]["to_number"].string == "+33184807512")
        }
        await receiver.stop()
    }

    @Test("Contact and tag changes reach v2 endpoints listening to them")
    func contactAndTagEvents() async throws {
        let receiver = try await WebhookReceiver.start()
        try await withSandbox { sandbox in
            _ = try await sandbox.post("/v2/api/webhooks", #"{"url":"\#(receiver.url)","topics":["contact.created","tag.added"]}"#)
            _ = try await sandbox.post("/v1/api/contacts", #"{"numbers":["+33611223344"],"name":"Zoé","last_name":"Lefèvre"}"#)
            let created = try #require(await receiver.next().first)
            #expect(created.json["topic"].string == "contact.created")
            #expect(created.json["data"]["name"].string == "Zoé")

            let calls = try await sandbox.post("/v2/api/conversations/items/search", #"{"type":"CALL","size":50}"#).json["data"].array
            let call = try #require(calls.first { !($0["tags"].array.contains(.string("vip"))) })
            let id = try #require(call["id"].string)
            #expect(try await sandbox.post("/v2/api/conversations/items/\(id)/tags", #"{"tags":["vip"]}"#).status == 200)
            let tagged = try #require(await receiver.next().first)
            #expect(tagged.json["topic"].string == "tag.added")
            #expect(tagged.json["data"]["id"].string == id)
            #expect(tagged.json["data"]["tag"].string == "vip")
        }
        await receiver.stop()
    }

    @Test("Non-loopback URLs are registered but not called without --allow-remote-webhooks")
    func remoteDeliveryNeedsTheFlag() async throws {
        try await withSandbox { sandbox in
            let created = try await sandbox.post("/v2/api/webhooks", #"{"url":"https://hooks.example.com/allo","topics":["sms.received"]}"#)
            #expect(created.status == 201)
            _ = try await sandbox.control("POST", "/activity", json: #"{"kind":"sms","allo_number":"+14155550100"}"#)
            // The skip is logged before the activity request returns.
            let log = try await sandbox.control("GET", "/webhooks/deliveries").json["data"].array
            #expect(log.count == 1)
            #expect(log.first?["delivered"].bool == false)
            #expect(log.first?["error"].string?.contains("--allow-remote-webhooks") == true)
        }
    }

    @Test("--activity makes customers call and text on their own, and their events are delivered")
    func liveActivity() async throws {
        let receiver = try await WebhookReceiver.start()
        try await withSandbox(configure: { $0.activityInterval = 0.05 }) { sandbox in
            let created = try await sandbox.post("/v2/api/webhooks", #"{"url":"\#(receiver.url)","topics":["sms.received","call.completed"]}"#)
            #expect(created.status == 201)
            let delivery = try #require(await receiver.next().first)
            #expect(["sms.received", "call.completed"].contains(delivery.json["topic"].string ?? ""))
            #expect(delivery.json["data"]["direction"].string == "INBOUND")
            // The item it announces is in the account and its conversation is unread.
            let id = try #require(delivery.json["data"]["id"].string)
            #expect(try await sandbox.get("/v2/api/conversations/items/\(id)").status == 200)
            let line = try #require(delivery.json["data"]["allo_number"].string).replacingOccurrences(of: "+", with: "%2B")
            let unread = try await sandbox.get("/v2/api/conversations?allo_number=\(line)&unread=true&size=100").json["data"].array
            #expect(unread.contains { $0["contact_number"] == delivery.json["data"]["contact_number"] })
        }
        await receiver.stop()
    }
}
