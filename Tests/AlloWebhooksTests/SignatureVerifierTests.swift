import Foundation
import Testing
import AlloWebhooks

@Suite("v2 webhook signatures")
struct SignatureVerifierTests {
    static let secret = "whsec_" + Data((0..<24).map { UInt8($0 * 7 % 256) }).base64EncodedString()
    static let body = Data(#"{"topic":"sms.received","version":"2.0","timestamp":"2026-11-18T11:06:40Z","data":{"content":"Bonjour"}}"#.utf8)
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    func headers(signature: String, id: String = "msg_2NfDKEm9sF8xK3pQr1Zt", timestamp: Int64 = 1_795_000_000) -> [String: String] {
        ["Webhook-Id": id, "webhook-timestamp": "\(timestamp)", "WEBHOOK-SIGNATURE": signature]
    }

    @Test("A good signature passes, header names in any case")
    func good() throws {
        let verifier = try WebhookSignatureVerifier(secret: Self.secret)
        let signature = verifier.sign(body: Self.body, id: "msg_2NfDKEm9sF8xK3pQr1Zt", timestamp: 1_795_000_000)
        try verifier.verify(body: Self.body, headers: headers(signature: signature), now: Self.now)
    }

    @Test("One matching entry among several is enough")
    func several() throws {
        let verifier = try WebhookSignatureVerifier(secret: Self.secret)
        let good = verifier.sign(body: Self.body, id: "msg_2NfDKEm9sF8xK3pQr1Zt", timestamp: 1_795_000_000)
        try verifier.verify(body: Self.body, headers: headers(signature: "v1,AAAA v2,zzz \(good)"), now: Self.now)
    }

    @Test("A changed body, another id or another secret fail")
    func tampered() throws {
        let verifier = try WebhookSignatureVerifier(secret: Self.secret)
        let signature = verifier.sign(body: Self.body, id: "msg_2NfDKEm9sF8xK3pQr1Zt", timestamp: 1_795_000_000)
        var changed = Self.body
        changed[changed.count - 3] = UInt8(ascii: "X")
        #expect(throws: WebhookVerificationError.noMatchingSignature) {
            try verifier.verify(body: changed, headers: headers(signature: signature), now: Self.now)
        }
        #expect(throws: WebhookVerificationError.noMatchingSignature) {
            try verifier.verify(body: Self.body, headers: headers(signature: signature, id: "msg_other"), now: Self.now)
        }
        let other = try WebhookSignatureVerifier(secret: "whsec_" + Data(repeating: 1, count: 24).base64EncodedString())
        #expect(throws: WebhookVerificationError.noMatchingSignature) {
            try other.verify(body: Self.body, headers: headers(signature: signature), now: Self.now)
        }
    }

    @Test("Timestamps more than 5 minutes away fail, either way", arguments: [(-301, false), (-299, true), (299, true), (301, false)])
    func tolerance(offset: Int64, passes: Bool) throws {
        let verifier = try WebhookSignatureVerifier(secret: Self.secret)
        let timestamp = 1_795_000_000 + offset
        let signature = verifier.sign(body: Self.body, id: "msg_1", timestamp: timestamp)
        let check = { try verifier.verify(body: Self.body, headers: headers(signature: signature, id: "msg_1", timestamp: timestamp), now: Self.now) }
        if passes { try check() } else { #expect(throws: WebhookVerificationError.self) { try check() } }
    }

    @Test("Missing headers and bad secrets are named")
    func missing() throws {
        let verifier = try WebhookSignatureVerifier(secret: Self.secret)
        #expect(throws: WebhookVerificationError.missingHeader("webhook-signature")) {
            try verifier.verify(body: Self.body, headers: ["webhook-id": "a", "webhook-timestamp": "1795000000"], now: Self.now)
        }
        #expect(throws: WebhookVerificationError.missingHeader("webhook-id")) { try verifier.verify(body: Self.body, headers: [:], now: Self.now) }
        #expect(throws: WebhookVerificationError.invalidSecret) { _ = try WebhookSignatureVerifier(secret: "whsec_***") }
        #expect(!String(describing: verifier).contains(Self.secret.dropFirst(6)))
    }
}
