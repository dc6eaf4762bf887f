import AlloKit
import ArgumentParser

/// `allo items get ID`: `GET /v2/api/conversations/items/{id}` (v1 has no single-item read).
struct ItemsGet: APICommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Show one call or message by id (cll-… or msg-…).",
        discussion: """
            A call shows its result, length, recording and AI summary; --transcript adds what was said, one line per \
            turn. A message shows its text and delivery state.

            Examples:
              allo items get cll-7f3a2b
              allo items get cll-7f3a2b --transcript
              allo items get msg-91c0de --json | jq -r .content
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The item's id, as `allo items search` or `allo conversations list` show it.", valueName: "id"))
    var id: String

    @Flag(help: "Include a call's transcript (extend=transcript).")
    var transcript = false

    func validate() throws {
        guard !id.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("the item id is empty") }
    }

    func execute(_ context: CommandContext) async throws {
        let item = try await context.client().items.get(id, transcript: transcript)
        let output = context.output
        if global.json { return try output.json(item) }
        output.fields([
            ("id", item.id),
            ("type", ItemText.kind(item)),
            ("direction", ItemText.direction(item.direction)),
            ("date", Formats.date(item.date)),
            ("allo number", item.alloNumber ?? item.senderID),
            ("contact", [item.contactNumber, ItemText.names(item.contacts)].compactMap { $0 }.filter { !$0.isEmpty }
                .joined(separator: " · ")),
            ("user", item.user.flatMap { $0.name ?? $0.id }),
            ("result", item.result?.wireValue.lowercased()),
            ("duration", Formats.duration(seconds: item.duration)),
            ("status", item.status?.wireValue.lowercased()),
            ("tags", item.tags.joined(separator: " ")),
            ("recording", item.recordingURL),
            ("text", item.content),
            ("summary", item.summary.map(Formats.summary)),
        ])
        guard let lines = item.transcript, transcript else {
            if transcript, item.isCall { output.note("no transcript for this call") }
            return
        }
        output.line()
        output.heading("transcript:")
        for line in lines {
            let speaker = line.source.wireValue.lowercased()
            let time = line.time.map { Formats.date($0) + " " } ?? ""
            for text in Output.hanging("  \(time)\(speaker): ", line.text, width: context.io.width) { output.line(text) }
        }
        if lines.isEmpty { output.note("the transcript is empty") }
    }
}
