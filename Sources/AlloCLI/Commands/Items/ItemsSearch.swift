import AlloKit
import ArgumentParser
import Foundation

/// `allo items search [TEXT]`: `POST /v2/api/conversations/items/search` (v1 has calls only, no unified search).
struct ItemsSearch: APICommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search calls and messages: keywords, line, contact, type, direction, dates.",
        discussion: """
            TEXT is matched (every word, by prefix) against call transcripts, AI summaries and message text. Without \
            --allo-number the profile's allo_number, when set, limits the search to that line; with neither, every \
            line is searched.

            --from and --to take whole days (UTC): YYYY-MM-DD, an ISO 8601 time, or a time ago such as 12h, 7d or 2w. \
            One alone means since or until (from 1970-01-01, to today).

            Examples:
              allo items search refund --type call --from 30d
              allo items search --contact-number +14155551234 --sort date-asc --all
              allo items search --type sms --direction in --json | jq -r '.[].content'
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable, Sendable {
        case call, sms
        var filter: ItemSearch.TypeFilter { self == .call ? .call : .sms }
    }

    enum Direction: String, ExpressibleByArgument, CaseIterable, Sendable {
        case `in`, out
        var value: ItemDirection { self == .in ? .inbound : .outbound }
    }

    enum Sort: String, ExpressibleByArgument, CaseIterable, Sendable {
        case dateDesc = "date-desc", dateAsc = "date-asc", relevance
        var value: ItemSearch.Sort {
            switch self {
            case .dateDesc: return .dateDesc
            case .dateAsc: return .dateAsc
            case .relevance: return .relevance
            }
        }
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Keywords to look for (all must match).", valueName: "text"))
    var text: String?

    @Option(help: ArgumentHelp("Only this line of yours, E.164 (default: the profile's allo_number, if any).",
                               valueName: "e164"))
    var alloNumber: String?

    @Option(help: ArgumentHelp("Only items with this other party, E.164.", valueName: "e164"))
    var contactNumber: String?

    @Option(help: "Only calls or only messages.")
    var type: Kind?

    @Option(help: "Only inbound or only outbound items.")
    var direction: Direction?

    @Option(help: ArgumentHelp("From this day on (YYYY-MM-DD, ISO 8601, or 7d ago).", valueName: "date"))
    var from: DateArgument?

    @Option(help: ArgumentHelp("Up to this day, included.", valueName: "date"))
    var to: DateArgument?

    @Option(help: "Result order (default: date-desc, newest first).")
    var sort: Sort?

    @OptionGroup var paging: PageOptions

    var settingsFlags: Settings.Flags { Settings.Flags(profile: global.profile, alloNumber: alloNumber) }

    func validate() throws {
        try OptionChecks.e164(alloNumber, option: "--allo-number")
        try OptionChecks.e164(contactNumber, option: "--contact-number")
        if let text, !text.contains(where: { $0.isLetter || $0.isNumber }) {
            throw ValidationError("the search text must hold a letter or a digit; got '\(text)'")
        }
        if sort == .relevance, text == nil {
            throw ValidationError("--sort relevance ranks by the search text; give one")
        }
    }

    /// The search, with `now` for times ago.
    func query(alloNumber: String?, now: Date = Date()) throws(CLIError) -> ItemSearch {
        var range: ItemSearch.DateRange?
        if from != nil || to != nil {
            let start = from?.date(now: now) ?? Date(timeIntervalSince1970: 0)
            let end = to?.date(now: now) ?? now
            guard AlloDate.formatDay(start) <= AlloDate.formatDay(end) else {
                throw CLIError.usage("--from \(AlloDate.formatDay(start)) is after --to \(AlloDate.formatDay(end))")
            }
            range = ItemSearch.DateRange(from: start, to: end)
        }
        return ItemSearch(alloNumber: alloNumber, contactNumber: contactNumber, direction: direction?.value,
                          type: type?.filter, text: text, sort: sort?.value, dateRange: range)
    }

    func execute(_ context: CommandContext) async throws {
        let settings = try context.settings()
        let query = try query(alloNumber: settings.optionalAlloNumber())
        let client = try context.client(settings)
        let output = context.output
        let items: [ConversationItem]
        var page: Page<ConversationItem>?
        if paging.all {
            items = try await client.items.searchAll(query, size: paging.size, pagesInFlight: 4).collect()
        } else {
            let one = try await client.items.search(query, page: paging.page, size: paging.size)
            items = one.items
            page = one
        }
        if global.json { return try output.json(items) }
        output.table(["ID", "DATE", "TYPE", "DIR", "ALLO NUMBER", "CONTACT", "NAME", "OUTCOME", "TEXT"], items.map { item in
            [item.id, Formats.date(item.date), ItemText.kind(item), ItemText.direction(item.direction),
             item.alloNumber ?? item.senderID ?? "", item.contactNumber ?? "", ItemText.names(item.contacts),
             ItemText.outcome(item), ItemText.gist(item)]
        })
        PageNote.show(page, shown: paging.page, noun: "item", output: output, allCount: items.count)
    }
}
