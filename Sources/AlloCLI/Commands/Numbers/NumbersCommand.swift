import ArgumentParser

/// `allo numbers …`: the account's Allo numbers.
struct NumbersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "numbers",
        abstract: "The account's Allo numbers.",
        subcommands: [NumbersList.self])
}
