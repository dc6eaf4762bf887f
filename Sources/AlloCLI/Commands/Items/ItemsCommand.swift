import ArgumentParser

/// `allo items …`.
struct ItemsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "items",
        abstract: "Calls and messages across conversations: get one, search (v2).",
        subcommands: [ItemsGet.self, ItemsSearch.self])
}
