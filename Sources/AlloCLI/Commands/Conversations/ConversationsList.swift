import AlloKit
import ArgumentParser
import Foundation

/// `allo conversations list`: `GET /v2/api/conversations` (v1 has no per-line conversation list).
struct ConversationsList: APICommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List a line's conversations, newest activity first.",
        discussion: """
            One row per other party: their number, contact names, when they last called or texted, and that last item. \
            Archived conversations are not listed. Without --allo-number the profile's allo_number is used. --since \
            takes YYYY-MM-DD, an ISO 8601 time, or a time ago such as 2h or 7d.

            Examples:
              allo conversations list --allo-number +14155550100
              allo conversations list --allo-number +14155550100 --unread --since 7d
              allo conversations list --all --json | jq -r '.[].contact_number'
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The line, E.164 (default: the profile's allo_number).", valueName: "e164"))
    var alloNumber: String?

    @Flag(help: "Only unread conversations.")
    var unread = false

    @Option(help: ArgumentHelp("Only conversations active since then.", valueName: "date"))
    var since: DateArgument?

    @OptionGroup var paging: PageOptions

    var settingsFlags: Settings.Flags { Settings.Flags(profile: global.profile, alloNumber: alloNumber) }

    func validate() throws {
        try OptionChecks.e164(alloNumber, option: "--allo-number")
    }

    func execute(_ context: CommandContext) async throws {
        let settings = try context.settings()
        let line = try settings.requireAlloNumber()
        let client = try context.client(settings)
        let since = since?.date()
        let unread: Bool? = unread ? true : nil
        let output = context.output
        let conversations: [ConversationSummary]
        var page: Page<ConversationSummary>?
        if paging.all {
            conversations = try await client.conversations.all(alloNumber: line, lastActivitySince: since, unread: unread,
                                                               size: paging.size, pagesInFlight: 4).collect()
        } else {
            let one = try await client.conversations.list(alloNumber: line, lastActivitySince: since, unread: unread,
                                                          page: paging.page, size: paging.size)
            conversations = one.items
            page = one
        }
        if global.json { return try output.json(conversations) }
        output.table(["CONTACT", "NAME", "LAST ACTIVITY", "LAST ITEM", "ITEM ID"], conversations.map { conversation in
            [conversation.contactNumber, ItemText.names(conversation.contacts), Formats.date(conversation.lastActivity),
             conversation.lastItem.map(ItemText.summary) ?? "", conversation.lastItem?.id ?? ""]
        })
        PageNote.show(page, shown: paging.page, noun: "conversation", output: output, allCount: conversations.count)
    }
}
