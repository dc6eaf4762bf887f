import AlloKit
import ArgumentParser

/// `allo contacts list`: `GET /v1/api/contacts`.
struct ContactsList: APICommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the account's contacts, one page at a time or all of them.",
        discussion: """
            Pages count from 1. Without --all, one page is shown and a note on stderr says how to get the next.

            Examples:
              allo contacts list
              allo contacts list --page 2 --size 50
              allo contacts list --all --json | jq -r '.[] | [.id, .name] | @tsv'
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var paging: PageOptions

    func execute(_ context: CommandContext) async throws {
        let client = try context.client()
        let output = context.output
        if paging.all {
            let contacts = try await client.contacts.all(size: 100, pagesInFlight: 2).collect()
            if global.json { return try output.json(contacts) }
            if !contacts.isEmpty { Self.show(contacts, output: output) }
            PageNote.all(contacts.count, noun: "contact", output: output)
            return
        }
        let page = try await client.contacts.search(page: paging.v1Page, size: paging.size)
        if global.json {
            try output.json(page.items)
        } else if !page.items.isEmpty {
            Self.show(page.items, output: output)
        }
        PageNote.show(page, shown: paging.page, noun: "contact", output: output)
    }

    static func show(_ contacts: [Contact], output: Output) {
        output.table(["ID", "NAME", "NUMBERS", "COMPANY", "ENGAGEMENT", "LAST ACTIVITY"], contacts.map { contact in
            [contact.id, [contact.name, contact.lastName].compactMap { $0 }.joined(separator: " "),
             contact.numbers.joined(separator: ", "), contact.company?.name ?? "", V1Listing.word(contact.engagement),
             Formats.date(contact.lastActivityDate)]
        })
    }
}
