import Foundation
import Testing
import AlloKit
import AlloSandbox

/// Every v1 method against the in-process sandbox over loopback.
@Suite("v1 against the sandbox")
struct V1LiveTests {
    static let paris = "+33184807512"
    static let sales = "+14155550100"

    @Test("numbers.list decodes the seeded lines, shared flag included")
    func numbers() async throws {
        try await withLiveSandbox { sandbox in
            let numbers = try await sandbox.client().numbers.list()
            #expect(numbers.contains(AlloNumber(number: Self.paris, name: "Paris — Showroom", country: "FR", isSharedNumber: false)))
            #expect(numbers.contains { $0.number == "+33757012288" && $0.isSharedNumber })
            #expect(numbers.allSatisfy { $0.number != nil })
        }
    }

    @Test("contacts.all walks every page to the end, in order, at 1 and 4 pages in flight")
    func contactsAll() async throws {
        try await withLiveSandbox(contacts: 57) { sandbox in
            let allo = try sandbox.client()
            let first = try await allo.contacts.search(page: 0, size: 10)
            #expect(first.count == 10)
            #expect(first.totalPages == 6)
            #expect(first.hasMore)
            let one = try await allo.contacts.all(size: 10).collect()
            let four = try await allo.contacts.all(size: 10, pagesInFlight: 4).collect()
            #expect(one.count == 57)
            #expect(Set(one.map(\.id)).count == 57)
            #expect(four.map(\.id) == one.map(\.id))
            let last = try await allo.contacts.search(page: 5, size: 10)
            #expect(last.count == 7)
            #expect(!last.hasMore)
            let requests = try await sandbox.journal(pathPrefix: "/v1/api/contacts?")
            #expect(requests.count == 2 + 6 + 6)
        }
    }

    @Test("contacts.get returns the detailed form, with engagement and activity on request")
    func contactsGet() async throws {
        try await withLiveSandbox { sandbox in
            let allo = try sandbox.client()
            let listed = try #require(try await allo.contacts.search(size: 20).first { !$0.numbers.isEmpty })
            let plain = try await allo.contacts.get(listed.id)
            #expect(plain.id == listed.id)
            #expect(plain.numbers == listed.numbers)
            #expect(plain.engagement == nil)
            #expect(plain.activity == nil)
            #expect(plain.conversationURL == "/v1/api/contact/\(listed.id)/conversation")
            let extended = try await allo.contacts.get(listed.id, extend: [.engagement, .activity])
            #expect(extended.activity != nil)
            #expect(extended.engagement == listed.engagement)
        }
    }

    @Test("An unknown contact is 400 CONTACT_NOT_FOUND (not 404) on get, update and conversation")
    func contactNotFound() async throws {
        try await withLiveSandbox { sandbox in
            let allo = try sandbox.client()
            let errors = [
                await alloError { _ = try await allo.contacts.get("cnt_missing") },
                await alloError { _ = try await allo.contacts.update("cnt_missing", ContactInput(name: "X")) },
                await alloError { _ = try await allo.contacts.conversation("cnt_missing") },
            ]
            #expect(errors.map { $0?.code } == Array(repeating: "CONTACT_NOT_FOUND", count: 3))
            #expect(errors.map { $0?.status } == [400, 400, 400])
        }
    }

    @Test("contacts.create then update changes only what was sent; arrays replace")
    func createAndUpdate() async throws {
        try await withLiveSandbox { sandbox in
            let allo = try sandbox.client()
            let created = try await allo.contacts.create(ContactInput(numbers: ["+33612345678"], name: "Hélène", lastName: "Périer",
                                                                      jobTitle: "Gérante", emails: ["helene@example.fr"]))
            #expect(created.name == "Hélène")
            #expect(created.numbers == ["+33612345678"])
            let updated = try await allo.contacts.update(created.id, ContactInput(numbers: ["+33698765432", "+33611112222"]))
            #expect(updated.name == "Hélène")
            #expect(updated.lastName == "Périer")
            #expect(updated.jobTitle == "Gérante")
            #expect(updated.numbers == ["+33698765432", "+33611112222"])
            let details = try await allo.contacts.get(created.id)
            #expect(details.emails == ["helene@example.fr"])
        }
    }

    @Test("contacts.conversation and conversationAll: calls and texts, filtered by Allo number")
    func conversation() async throws {
        try await withLiveSandbox { sandbox in
            let allo = try sandbox.client()
            var contact: Contact?
            for try await candidate in allo.contacts.all(size: 50) where candidate.lastActivityDate != nil {
                contact = candidate
                break
            }
            let id = try #require(contact).id
            let entries = try await allo.contacts.conversationAll(id, size: 3).collect()
            #expect(!entries.isEmpty)
            #expect(entries.allSatisfy { if case .unknown = $0 { return false } else { return true } })
            let firstPage = try await allo.contacts.conversation(id, size: 3)
            #expect(firstPage.totalPages == (entries.count + 2) / 3)
            let line = try #require(entries.lazy.compactMap { entry -> String? in
                switch entry {
                case .call(let call): return call.direction == .inbound ? call.toNumber : call.fromNumber
                case .message(let message): return message.direction == .inbound ? message.toNumber : message.fromNumber
                case .unknown: return nil
                }
            }.first)
            let filtered = try await allo.contacts.conversationAll(id, alloNumber: line).collect()
            #expect(!filtered.isEmpty)
            #expect(filtered.count <= entries.count)
        }
    }

    @Test("calls.all walks every call of a line with transcripts decoded")
    func callsAll() async throws {
        try await withLiveSandbox { sandbox in
            let allo = try sandbox.client()
            let first = try await allo.calls.search(alloNumber: Self.paris, size: 25)
            let all = try await allo.calls.all(alloNumber: Self.paris, size: 25, pagesInFlight: 2).collect()
            #expect(all.count > 25)
            #expect(first.totalPages == (all.count + 24) / 25)
            #expect(all.allSatisfy { $0.id.hasPrefix("call_") && $0.startDate != nil })
            #expect(all.contains { !($0.transcript ?? []).isEmpty })
            #expect(Set(all.compactMap(\.result)).isSubset(of: Set(CallResult.wireValues.map(\.0))))
            let contactNumber = try #require(all.first { $0.direction == .inbound }?.fromNumber)
            let withContact = try await allo.calls.all(alloNumber: Self.paris, contactNumber: contactNumber).collect()
            #expect(!withContact.isEmpty)
            #expect(withContact.allSatisfy { $0.fromNumber == contactNumber || $0.toNumber == contactNumber })
        }
    }

    @Test("sms.send and sms.sendFrance go out once each and appear in the journal")
    func smsSend() async throws {
        try await withLiveSandbox { sandbox in
            let allo = try sandbox.client()
            let us = try await allo.sms.send(from: Self.sales, to: "+14155551234", message: "Thanks for your call! 👋")
            #expect(us.fromNumber == Self.sales)
            #expect(us.senderID == nil)
            #expect(us.content == "Thanks for your call! 👋")
            let france = try await allo.sms.sendFrance(senderID: "MaisonLum", to: "+33612345678", message: "Votre commande est prête.")
            #expect(france.senderID == "MaisonLum")
            #expect(france.fromNumber == nil)
            let sameCountry = try await allo.sms.send(from: Self.paris, to: "+33612345678", message: "Bonjour de Paris")
            #expect(sameCountry.toNumber == "+33612345678")
            let journal = try await sandbox.journal(pathPrefix: "/v1/api/sms")
            #expect(journal.map(\.status) == [200, 200, 200])
        }
    }

    @Test("SMS errors the API reports come back with their codes",
          arguments: [
            ("+12125550147", "+12125550199", "NUMBER_NOT_SMS_ENABLED"),
            ("+442071838750", "+447700900123", "PROVIDER_NOT_SUPPORTED"),
            ("+14155550999", "+14155551234", "FROM_NUMBER_NOT_FOUND"),
          ])
    func smsErrors(from: String, to: String, code: String) async throws {
        try await withLiveSandbox { sandbox in
            let error = await alloError { _ = try await sandbox.client().sms.send(from: from, to: to, message: "hello") }
            #expect(error?.code == code)
            #expect(error?.status == 400)
        }
    }

    @Test("France SMS from an unverified sender ID is SENDER_ID_NOT_ACTIVE; an unknown one INVALID_SENDER_ID",
          arguments: [("PROMO2026", "SENDER_ID_NOT_ACTIVE"), ("Nobody", "INVALID_SENDER_ID")])
    func franceErrors(senderID: String, code: String) async throws {
        try await withLiveSandbox { sandbox in
            let error = await alloError {
                _ = try await sandbox.client().sms.sendFrance(senderID: senderID, to: "+33612345678", message: "Bonjour")
            }
            #expect(error?.code == code)
        }
    }

    @Test("v1 webhooks: create, list, delete, and 404 WEBHOOK_NOT_FOUND after")
    func webhooks() async throws {
        try await withLiveSandbox { sandbox in
            let allo = try sandbox.client()
            let created = try await allo.webhooks.create(WebhookInput(alloNumber: Self.paris, url: "https://example.com/allo/hook",
                                                                      topics: [.callReceived, .smsReceived]))
            let id = try #require(created.id)
            #expect(created.alloNumber == Self.paris)
            #expect(created.topics == [.callReceived, .smsReceived])
            let listed = try await allo.webhooks.list()
            #expect(listed.contains { $0.alloNumber == Self.paris && $0.url == "https://example.com/allo/hook" })
            try await allo.webhooks.delete(id)
            let error = await alloError { try await allo.webhooks.delete(id) }
            #expect(error?.code == "WEBHOOK_NOT_FOUND")
            #expect(error?.status == 404)
        }
    }

    @Test("The raw-key auth form works; a wrong key is 401 API_KEY_INVALID")
    func auth() async throws {
        try await withLiveSandbox { sandbox in
            let numbers = try await sandbox.client(authScheme: .raw).numbers.list()
            #expect(!numbers.isEmpty)
            let error = await alloError { _ = try await sandbox.client(key: "ak_live_notakey").numbers.list() }
            #expect(error?.code == "API_KEY_INVALID")
            #expect(error?.status == 401)
        }
    }

    @Test("A key without the scope gets 403 naming the scope actually required")
    func missingScope() async throws {
        try await withLiveSandbox { sandbox in
            let error = await alloError {
                _ = try await sandbox.client(key: sandbox.readOnlyKey).contacts.create(ContactInput(numbers: ["+33612345678"]))
            }
            guard case .http(let failure)? = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(failure.status == 403)
            #expect(failure.code == "API_KEY_INSUFFICIENT_SCOPE")
            #expect(failure.requiredScopes == ["CONTACTS_READ_WRITE"])
        }
    }
}
