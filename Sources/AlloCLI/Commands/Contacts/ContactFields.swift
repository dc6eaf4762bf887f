import AlloKit
import ArgumentParser

/// The fields `contacts create` and `contacts update` take. Only the options given are sent; `--number` and
/// `--email` list the whole set (on update they replace the contact's numbers or emails).
struct ContactFields: ParsableArguments, Sendable {
    @Option(name: .customLong("number"), help: ArgumentHelp("A phone number, E.164; repeat for several.", valueName: "E164"))
    var numbers: [String] = []

    @Option(help: "First name.")
    var name: String?

    @Option(help: "Last name.")
    var lastName: String?

    @Option(name: .customLong("email"), help: ArgumentHelp("An email address; repeat for several.", valueName: "address"))
    var emails: [String] = []

    @Option(help: "Job title.")
    var jobTitle: String?

    @Option(help: ArgumentHelp("Website, e.g. https://acme.com.", valueName: "URL"))
    var website: String?

    /// The fields given, and only those.
    var input: ContactInput {
        ContactInput(numbers: numbers.isEmpty ? nil : numbers, name: name, lastName: lastName, jobTitle: jobTitle,
                     website: website, emails: emails.isEmpty ? nil : emails)
    }

    var isEmpty: Bool { input == ContactInput() }

    func validate() throws {
        for number in numbers { try OptionChecks.e164(number, option: "--number") }
        for email in emails where !email.contains("@") || email.contains(where: \.isWhitespace) {
            throw ValidationError("--email '\(email)' is not an email address")
        }
    }

    /// One contact as `create`/`update` return it.
    static func show(_ contact: Contact, output: Output) {
        output.fields([
            ("id", contact.id),
            ("name", [contact.name, contact.lastName].compactMap { $0 }.joined(separator: " ")),
            ("numbers", contact.numbers.joined(separator: ", ")),
            ("company", contact.company.flatMap { $0.name ?? $0.id }),
            ("job title", contact.jobTitle),
            ("website", contact.website),
            ("status", contact.status),
            ("updated", Formats.date(contact.updatedAt)),
        ])
    }
}
