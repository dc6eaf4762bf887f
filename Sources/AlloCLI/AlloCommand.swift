public import ArgumentParser

/// `allo`: the root command. The terminal client will run here; today it offers the sandbox.
public struct AlloCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "allo",
        abstract: "A terminal client, SDK companion and local sandbox for the Withallo (Allo) telephony API.",
        subcommands: [SandboxCommand.self])

    public init() {}
}

extension AlloCommand {
    /// The process entry point (`Sources/allo/main.swift`). Top-level code would pick the synchronous `main()`.
    public static func runAsRoot() async {
        await main()
    }
}
