import Foundation
import Testing
import AlloKit
import AlloSandbox
import SandboxTestSupport

/// `sms.findSent`: after an unclear answer to a send, the server's copy is found by what it says, on v2 and on v1.
@Suite("Finding a sent SMS on the server")
struct FindSentTests {
    static let sales = "+14155550100"
    static let fresh = "+14155559876"
    /// The sandbox's clock in every test (`withLiveSandbox` starts it 600 s after the seeded history).
    static let now = Date(timeIntervalSince1970: Double(LiveSandbox.epoch + 600))

    static func query(_ text: String, to: String = fresh, from origin: SentSMSQuery.Origin = .number(sales),
                      sentAt: Date = now) -> SentSMSQuery {
        SentSMSQuery(origin: origin, to: to, message: text, sentAt: sentAt)
    }

    @Test("v2: the copy of an SMS that went out is found with its id; another text, line or window finds nothing")
    func v2() async throws {
        try await withLiveSandbox { sandbox in
            let allo = try sandbox.client()
            _ = try await allo.sms.send(from: Self.sales, to: Self.fresh, message: "Rendez-vous à 10 h")
            let found = try await allo.sms.findSent(Self.query("Rendez-vous à 10 h"), in: .v2)
            #expect(found.place == .v2)
            #expect(found.cannotLook == nil)
            let match = try #require(found.matches.first)
            #expect(found.matches.count == 1)
            #expect(match.id?.hasPrefix("msg-") == true)
            #expect(match.to == Self.fresh && match.from == Self.sales && match.text == "Rendez-vous à 10 h")

            #expect(try await allo.sms.findSent(Self.query("Rendez-vous à 11 h"), in: .v2).matches.isEmpty)
            #expect(try await allo.sms.findSent(Self.query("Rendez-vous à 10 h", from: .number("+33184807512")),
                                                in: .v2).matches.isEmpty)
            // Sent more than the allowed skew before the send we are asking about: an earlier message, not this one.
            let later = Self.now.addingTimeInterval(Double(SentSMSQuery.skew.components.seconds) + 5)
            #expect(try await allo.sms.findSent(Self.query("Rendez-vous à 10 h", sentAt: later), in: .v2).matches.isEmpty)
            let search = try await sandbox.journal(pathPrefix: "/v2/api/conversations/items/search")
            #expect(search.allSatisfy { $0.body.contains("\"direction\":\"OUTBOUND\"") && $0.body.contains("\"type\":\"SMS\"") })
        }
    }

    @Test("A sender-ID SMS is found by its sender ID")
    func senderID() async throws {
        try await withLiveSandbox { sandbox in
            let allo = try sandbox.client()
            _ = try await allo.sms.sendFrance(senderID: "MaisonLum", to: "+33612345678", message: "Votre commande est prête.")
            let found = try await allo.sms.findSent(Self.query("Votre commande est prête.", to: "+33612345678",
                                                               from: .senderID("MaisonLum")))
            #expect(found.matches.map(\.senderID) == ["MaisonLum"])
            #expect(found.matches.first?.from == nil)
        }
    }

    @Test("v1: the contact is found by its number (pages walked), then its conversation holds the copy; the next look goes straight there")
    func v1() async throws {
        try await withLiveSandbox(contacts: 250) { sandbox in
            let allo = try sandbox.client()
            let contact = try await allo.contacts.create(ContactInput(numbers: [Self.fresh], name: "Zoé"))
            _ = try await allo.sms.send(from: Self.sales, to: Self.fresh, message: "Colis livré")
            let first = try await allo.sms.findSent(Self.query("Colis livré"), in: .v1(contactID: nil))
            #expect(first.place == .v1(contactID: contact.id))
            #expect(first.matches.count == 1)
            #expect(first.matches.first?.id == nil)
            #expect(first.matches.first?.from == Self.sales)

            let before = try await sandbox.journal(pathPrefix: "/v1/api/contacts?").count
            let again = try await allo.sms.findSent(Self.query("Colis livré"), in: first.place)
            #expect(again.matches == first.matches)
            #expect(try await sandbox.journal(pathPrefix: "/v1/api/contacts?").count == before)
        }
    }

    @Test("v1: a recipient no contact has cannot be looked up, and the lookup says why")
    func v1WithoutContact() async throws {
        try await withLiveSandbox { sandbox in
            let allo = try sandbox.client()
            _ = try await allo.sms.send(from: Self.sales, to: Self.fresh, message: "Personne")
            let found = try await allo.sms.findSent(Self.query("Personne"), in: .v1(contactID: nil))
            #expect(found.matches.isEmpty)
            #expect(found.cannotLook?.contains(Self.fresh) == true)
        }
    }

    @Test("Walking the contacts stays under the rate limit: it waits for the window instead of running into 429s")
    func pacedUnderTheLimit() async throws {
        try await withLiveSandbox(contacts: 450, rateLimits: RateLimits(readsPerSecond: 2, writesPerSecond: 5)) { sandbox in
            let sleeper = SandboxSleeper(sandbox.clock)
            let allo = try sandbox.client(sleeper: sleeper)
            let found = try await allo.sms.findSent(Self.query("Nobody"), in: .v1(contactID: nil))
            #expect(found.cannotLook != nil)
            let pages = try await sandbox.journal(pathPrefix: "/v1/api/contacts?")
            #expect(pages.count >= 5)
            #expect(pages.allSatisfy { $0.status == 200 }, "statuses: \(pages.map(\.status))")
            #expect(!sleeper.sleeps.isEmpty)
        }
    }

    @Test("The checks fall within the window: at once, then later, the last at its end")
    func checkTimes() {
        #expect(SentSMSQuery.checkTimes() == [.zero, .milliseconds(2500), .milliseconds(5500), .seconds(10)])
        #expect(SentSMSQuery.checkTimes(within: .milliseconds(200)).last == .milliseconds(200))
    }
}
