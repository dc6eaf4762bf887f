import ArgumentParser

/// `allo auth …`.
struct AuthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auth",
        abstract: "Store, check and remove the API key of a profile.",
        subcommands: [AuthLogin.self, AuthStatus.self, AuthLogout.self])
}
