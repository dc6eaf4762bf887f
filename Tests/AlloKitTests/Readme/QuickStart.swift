import Foundation
import AlloKit

/// The README's Quick Start, verbatim between the markers (`QuickStartTests` checks that they match).
func quickStart(allo: AlloClient) async throws -> [String] {
    let out = PrintedLines()
    func print(_ items: Any...) { out.lines.append(items.map { "\($0)" }.joined(separator: " ")) }
    // README quick start begins
    // Your Allo numbers
    for number in try await allo.numbers.list() {
        print(number.number ?? "-", number.name ?? "", number.country ?? "")
    }

    // An SMS from one of them to a number of the same country
    let sms = try await allo.sms.send(from: "+14155550100", to: "+14155551234", message: "Thanks for your call!")
    print("sent", sms.content ?? "")

    // France: a verified sender ID, to a +33 number
    _ = try await allo.sms.sendFrance(senderID: "MaisonLum", to: "+33612345678", message: "Votre commande est prête.")

    // The latest calls on a line, with their transcripts
    for call in try await allo.calls.search(alloNumber: "+33184807512", size: 5) {
        print(call.startDate.map(AlloDate.format) ?? "", call.result?.wireValue ?? "", call.summary ?? "")
        for row in call.transcript ?? [] { print("  \(row.source): \(row.text)") }
    }

    // Create a contact, then read it back with its engagement and activity
    let contact = try await allo.contacts.create(ContactInput(numbers: ["+33612345678"], name: "Hélène", lastName: "Périer"))
    let details = try await allo.contacts.get(contact.id, extend: [.engagement, .activity])
    print(details.name ?? "", details.numbers)

    // A webhook for calls and texts on one line
    _ = try await allo.webhooks.create(WebhookInput(alloNumber: "+33184807512", url: "https://example.com/allo",
                                                    topics: [.callReceived, .smsReceived]))

    // Errors: branch on the API's stable code; the description has the code and the HTTP status
    do {
        _ = try await allo.contacts.get("cnt_does_not_exist")
    } catch {
        guard error.code == "CONTACT_NOT_FOUND" else { throw error }   // error is an AlloError here
        print("no such contact:", error)
    }

    // Every contact, fetched lazily, four pages in flight
    var count = 0
    for try await _ in allo.contacts.all(pagesInFlight: 4) { count += 1 }
    print(count, "contacts")

    // Retries: reads retry on 5xx, 429 and network errors by default; choose per client or per call
    let once = RequestOptions(timeout: .seconds(5), retry: .never)
    print(try await allo.numbers.list(options: once).count, "numbers")
    // README quick start ends
    return out.lines
}

/// What the Quick Start prints, kept for the test to read.
final class PrintedLines {
    var lines: [String] = []
}
