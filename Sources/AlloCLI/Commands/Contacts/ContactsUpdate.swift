import AlloKit
import ArgumentParser

/// `allo contacts update ID`: `PUT /v1/api/contacts/{id}`, a partial update.
struct ContactsUpdate: APICommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change a contact: only the fields given change.",
        discussion: """
            Fields not given are not sent and keep their value. --number and --email replace the whole list of \
            numbers or emails (give each one to keep). Needs a key with CONTACTS_READ_WRITE; an unknown id fails \
            with CONTACT_NOT_FOUND (HTTP 400).

            Examples:
              allo contacts update cnt_abc123 --job-title CTO
              allo contacts update cnt_abc123 --email john@acme.com --email j.doe@acme.com
              allo contacts update cnt_abc123 --name Jon --json
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The contact's id, e.g. cnt_abc123.")
    var id: String

    @OptionGroup var fields: ContactFields

    func validate() throws {
        guard !id.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("the contact id is empty") }
        guard !fields.isEmpty else {
            throw ValidationError("nothing to change: give at least one of --number, --name, --last-name, --email, "
                                  + "--job-title, --website")
        }
    }

    func execute(_ context: CommandContext) async throws {
        let contact = try await context.client().contacts.update(id, fields.input)
        let output = context.output
        if global.json { return try output.json(contact) }
        ContactFields.show(contact, output: output)
        output.note("updated contact \(contact.id)")
    }
}
