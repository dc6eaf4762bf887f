import AlloKit
import ArgumentParser

/// `allo contacts get ID`: `GET /v1/api/contact/{id}`.
struct ContactsGet: APICommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Show one contact: numbers, emails, company, custom properties; engagement and activity on request.",
        discussion: """
            --extend adds what the API leaves out unless asked: engagement (engaged, cooling, cold) and activity \
            (the contact's latest calls and texts). An unknown id fails with CONTACT_NOT_FOUND (HTTP 400).

            Examples:
              allo contacts get cnt_abc123
              allo contacts get cnt_abc123 --extend engagement,activity
              allo contacts get cnt_abc123 --json | jq -r '.emails[]'
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The contact's id, e.g. cnt_abc123 (see `allo contacts list`).")
    var id: String

    @Option(help: ArgumentHelp("What to add: engagement, activity (comma-separated or repeated).",
                               valueName: "engagement,activity"))
    var extend: [String] = []

    var extensions: [ContactExtension] {
        extend.flatMap { $0.split(separator: ",") }.compactMap {
            ContactExtension(rawValue: $0.trimmingCharacters(in: .whitespaces).lowercased())
        }
    }

    func validate() throws {
        guard !id.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("the contact id is empty") }
        for value in extend.flatMap({ $0.split(separator: ",") }) {
            let name = value.trimmingCharacters(in: .whitespaces).lowercased()
            guard ContactExtension(rawValue: name) != nil else {
                throw ValidationError("--extend '\(value)' is not one of: engagement, activity")
            }
        }
    }

    func execute(_ context: CommandContext) async throws {
        var seen = Set<ContactExtension>()
        let extensions = extensions.filter { seen.insert($0).inserted }
        let contact = try await context.client().contacts.get(id, extend: extensions)
        let output = context.output
        if global.json { return try output.json(contact) }
        output.fields([
            ("id", contact.id),
            ("name", [contact.name, contact.lastName].compactMap { $0 }.joined(separator: " ")),
            ("numbers", contact.numbers.joined(separator: ", ")),
            ("emails", contact.emails.joined(separator: ", ")),
            ("company", contact.company.flatMap { $0.name ?? $0.id }),
            ("job title", contact.jobTitle),
            ("website", contact.website),
            ("engagement", V1Listing.word(contact.engagement)),
            ("integrations", contact.integrationData.map { $0.keys.sorted().joined(separator: ", ") }),
            ("custom", contact.customProperties.map(Self.describe)),
            ("conversation", "allo contacts conversation \(contact.id)"),
        ])
        guard let activity = contact.activity else { return }
        output.line()
        if activity.isEmpty { return output.note("no recent activity") }
        output.table(["DATE", "ACTIVITY", "BY", "DETAIL"], activity.map { entry in
            [Formats.date(entry.madeAt), V1Listing.word(entry.type), entry.madeBy ?? "",
             entry.content.map(Formats.firstLine) ?? entry.alloNumber ?? ""]
        })
    }

    /// `key=value` pairs of custom properties, sorted by key.
    static func describe(_ properties: [String: JSONValue]) -> String {
        properties.keys.sorted().map { key in "\(key)=\(text(properties[key]!))" }.joined(separator: ", ")
    }

    private static func text(_ value: JSONValue) -> String {
        switch value {
        case .string(let string): return string
        default:
            guard let data = try? AlloJSON.encoder().encode(value) else { return "?" }
            return String(decoding: data, as: UTF8.self)
        }
    }
}
