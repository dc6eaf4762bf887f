import AlloKit
import ArgumentParser

/// `allo numbers list`: `GET /v1/api/numbers`.
struct NumbersList: APICommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the account's Allo numbers.",
        discussion: """
            Examples:
              allo numbers list
              allo numbers list --json | jq -r '.[].number'
            """)

    @OptionGroup var global: GlobalOptions

    func execute(_ context: CommandContext) async throws {
        let numbers = try await context.client().numbers.list()
        let output = context.output
        if global.json { return try output.json(numbers) }
        output.table(["NUMBER", "NAME", "COUNTRY", "SHARED"], numbers.map { number in
            [number.number ?? "-", number.name ?? "", number.country ?? "", number.isSharedNumber ? "yes" : "no"]
        })
        if numbers.isEmpty { output.note("no Allo numbers on this account") }
    }
}
