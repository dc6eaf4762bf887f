import Foundation
import Testing
import AlloWebhooks

@Suite("v1 receiver guard")
struct ReceiverGuardTests {
    static let token = V1ReceiverGuard.makeToken()
    static let sms = Data(#"{"topic":"SMS_RECEIVED","data":{"direction":"INBOUND","content":"Hi","from_number":"+33612345678","to_number":"+33184807512"}}"#.utf8)

    func guardian(rate: Int = 120, maxBody: Int = 4096) -> V1ReceiverGuard {
        V1ReceiverGuard(.init(pathToken: Self.token, allowedNumbers: ["+33184807512"], maxBodyBytes: maxBody, requestsPerMinutePerIP: rate))
    }

    @Test("Tokens are long and differ")
    func tokens() {
        #expect(Self.token.count >= 43)
        #expect(V1ReceiverGuard.makeToken() != V1ReceiverGuard.makeToken())
    }

    @Test("The right token, size, rate and number pass")
    func accepts() {
        let decision = guardian().check(path: "/allo/\(Self.token)", remoteAddress: "203.0.113.9", body: Self.sms)
        guard case .accept(let event) = decision else { Issue.record("\(decision)"); return }
        #expect(event.topic == "SMS_RECEIVED")
    }

    @Test("Each rule answers its own status",
          arguments: [("/allo/wrong", 404), ("/allo/", 404), ("/allo/\(token)x", 404)])
    func wrongToken(path: String, status: Int) {
        #expect(guardian().check(path: path, remoteAddress: "203.0.113.9", body: Self.sms).status == status)
    }

    @Test("Too large, not JSON, another number")
    func otherRejections() {
        let path = "/allo/\(Self.token)"
        #expect(guardian(maxBody: 10).check(path: path, remoteAddress: "a", body: Self.sms).status == 413)
        #expect(guardian().check(path: path, remoteAddress: "a", body: Data("{".utf8)).status == 400)
        let foreign = Data(#"{"topic":"SMS_RECEIVED","data":{"from_number":"+33699999999","to_number":"+33188888888"}}"#.utf8)
        #expect(guardian().check(path: path, remoteAddress: "a", body: foreign).status == 403)
        #expect(guardian().check(path: path, remoteAddress: "a", body: Data(#"{"topic":"PING","data":{}}"#.utf8)).status == 200)
    }

    @Test("The per-address rate refills with time")
    func rate() {
        let guardian = guardian(rate: 2)
        let path = "/allo/\(Self.token)"
        let start = Date(timeIntervalSince1970: 1_795_000_000)
        #expect(guardian.check(path: path, remoteAddress: "a", body: Self.sms, now: start).status == 200)
        #expect(guardian.check(path: path, remoteAddress: "a", body: Self.sms, now: start).status == 200)
        #expect(guardian.check(path: path, remoteAddress: "a", body: Self.sms, now: start).status == 429)
        #expect(guardian.check(path: path, remoteAddress: "b", body: Self.sms, now: start).status == 200)
        #expect(guardian.check(path: path, remoteAddress: "a", body: Self.sms, now: start.addingTimeInterval(30)).status == 200)
    }
}
