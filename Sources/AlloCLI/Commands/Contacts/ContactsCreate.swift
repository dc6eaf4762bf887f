import AlloKit
import ArgumentParser

/// `allo contacts create`: `POST /v1/api/contacts`.
struct ContactsCreate: APICommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a contact (at least one --number).",
        discussion: """
            Needs a key with CONTACTS_READ_WRITE. Prints the new contact; --json prints it as the API returns it.

            Examples:
              allo contacts create --number +14155551234 --name John --last-name Doe
              allo contacts create --number +14155551234 --number +14155559876 \\
                --email john@acme.com --job-title CEO --website https://acme.com
              allo contacts create --number +14155551234 --json | jq -r .id
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var fields: ContactFields

    func validate() throws {
        guard !fields.numbers.isEmpty else {
            throw ValidationError("a new contact needs at least one --number (E.164, e.g. +14155551234)")
        }
    }

    func execute(_ context: CommandContext) async throws {
        let contact = try await context.client().contacts.create(fields.input)
        let output = context.output
        if global.json { return try output.json(contact) }
        ContactFields.show(contact, output: output)
        output.note("created contact \(contact.id)")
    }
}
