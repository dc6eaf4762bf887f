import AlloKit
import ArgumentParser

/// `allo calls search`: `GET /v1/api/calls`.
struct CallsSearch: APICommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "List the calls on an Allo number, newest first, optionally only those with one contact number.",
        discussion: """
            --allo-number may come from the profile's allo_number. Pages count from 1; --json prints the calls as \
            the API returns them, transcripts included. `allo transcript ID` shows one call's transcript.

            Examples:
              allo calls search --allo-number +14155550100
              allo calls search --allo-number +14155550100 --contact-number +14155551234
              allo calls search --all --json | jq -r '.[] | select(.tag == "sales") | .id'
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Your Allo number, E.164 (default: the profile's allo_number).", valueName: "E164"))
    var alloNumber: String?

    @Option(help: ArgumentHelp("Only calls with this number, E.164.", valueName: "E164"))
    var contactNumber: String?

    @OptionGroup var paging: PageOptions

    var settingsFlags: Settings.Flags { Settings.Flags(profile: global.profile, alloNumber: alloNumber) }

    func validate() throws {
        try OptionChecks.e164(alloNumber, option: "--allo-number")
        try OptionChecks.e164(contactNumber, option: "--contact-number")
    }

    func execute(_ context: CommandContext) async throws {
        let settings = try context.settings()
        let line = try settings.requireAlloNumber()
        let client = try context.client(settings)
        let output = context.output
        if paging.all {
            let calls = try await client.calls.all(alloNumber: line, contactNumber: contactNumber, size: 100,
                                                   pagesInFlight: 2).collect()
            if global.json { return try output.json(calls) }
            if !calls.isEmpty { Self.show(calls, line: line, output: output) }
            output.note("\(calls.count) call\(calls.count == 1 ? "" : "s") on \(line)")
            return
        }
        let page = try await client.calls.search(alloNumber: line, contactNumber: contactNumber, page: paging.v1Page,
                                                 size: paging.size)
        if global.json {
            try output.json(page.items)
        } else if !page.items.isEmpty {
            Self.show(page.items, line: line, output: output)
        }
        PageNote.show(page, shown: paging.page, noun: "call", output: output)
    }

    static func show(_ calls: [Call], line: String, output: Output) {
        output.table(["DATE", "ID", "DIRECTION", "WITH", "RESULT", "DURATION", "SUMMARY"], calls.map { call in
            [Formats.date(call.startDate), call.id, V1Listing.word(call.direction), otherParty(call, line: line) ?? "",
             V1Listing.word(call.result), Formats.duration(seconds: call.durationSeconds), Formats.summary(call.summary)]
        })
    }

    /// The number on the other end of `call` from `line`.
    static func otherParty(_ call: Call, line: String?) -> String? {
        if let line {
            if call.fromNumber == line { return call.toNumber }
            if call.toNumber == line { return call.fromNumber }
        }
        return call.direction == .outbound ? call.toNumber : call.fromNumber
    }
}
