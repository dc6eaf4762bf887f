import ArgumentParser

/// `allo calls …`.
struct CallsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calls",
        abstract: "Calls of an Allo number (v1).",
        subcommands: [CallsSearch.self])
}
