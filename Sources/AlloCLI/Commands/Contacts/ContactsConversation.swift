import AlloKit
import ArgumentParser

/// `allo contacts conversation ID`: `GET /v1/api/contact/{id}/conversation`.
struct ContactsConversation: APICommand {
    static let configuration = CommandConfiguration(
        commandName: "conversation",
        abstract: "Show the calls and texts with a contact, newest first.",
        discussion: """
            Covers every Allo number unless --allo-number (or the profile's allo_number) names one. Calls show their \
            id: pass it to `allo transcript`. Pages count from 1.

            Examples:
              allo contacts conversation cnt_abc123
              allo contacts conversation cnt_abc123 --allo-number +14155550100
              allo contacts conversation cnt_abc123 --page 2 --size 50
              allo contacts conversation cnt_abc123 --all --json | jq -r '.[].type'
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The contact's id, e.g. cnt_abc123.")
    var id: String

    @Option(help: ArgumentHelp("Only this Allo number's calls and texts (default: the profile's allo_number, else all).",
                               valueName: "E164"))
    var alloNumber: String?

    @OptionGroup var paging: PageOptions

    var settingsFlags: Settings.Flags { Settings.Flags(profile: global.profile, alloNumber: alloNumber) }

    func validate() throws {
        guard !id.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("the contact id is empty") }
        try OptionChecks.e164(alloNumber, option: "--allo-number")
    }

    func execute(_ context: CommandContext) async throws {
        let settings = try context.settings()
        let client = try context.client(settings)
        let line = try settings.optionalAlloNumber()
        let output = context.output
        if paging.all {
            let entries = try await client.contacts.conversationAll(id, alloNumber: line, size: 100, pagesInFlight: 2)
                .collect()
            if global.json { return try output.json(entries) }
            if !entries.isEmpty { Self.show(entries, output: output) }
            let calls = entries.filter { if case .call = $0 { true } else { false } }.count
            output.note("\(calls) call\(calls == 1 ? "" : "s") and \(entries.count - calls) text\(entries.count - calls == 1 ? "" : "s")"
                        + (line.map { " on \($0)" } ?? ""))
            return
        }
        let page = try await client.contacts.conversation(id, alloNumber: line, page: paging.v1Page, size: paging.size)
        if global.json {
            try output.json(page.items)
        } else if !page.items.isEmpty {
            Self.show(page.items, output: output)
        }
        PageNote.show(page, shown: paging.page, noun: "item", output: output)
    }

    static func show(_ entries: [ConversationEntry], output: Output) {
        output.table(["DATE", "TYPE", "DIRECTION", "ID", "SUMMARY / TEXT"], entries.map { entry in
            switch entry {
            case .call(let call):
                let outcome = [V1Listing.word(call.result), Formats.duration(seconds: call.durationSeconds)]
                    .filter { !$0.isEmpty }.joined(separator: ", ")
                let summary = Formats.summary(call.summary)
                return [Formats.date(call.startDate), "call", V1Listing.word(call.direction), call.id,
                        summary.isEmpty ? "(\(outcome))" : summary + (outcome.isEmpty ? "" : " (\(outcome))")]
            case .message(let message):
                return [Formats.date(message.startDate), "text", V1Listing.word(message.direction), "",
                        Formats.firstLine(message.content)]
            case .unknown(let type):
                return ["", type.lowercased(), "", "", ""]
            }
        })
    }
}
