import ArgumentParser

/// `allo auth logout`: removes the profile's key from the config file.
struct AuthLogout: APICommand {
    static let configuration = CommandConfiguration(
        commandName: "logout",
        abstract: "Remove the API key of a profile from the config file.",
        discussion: """
            The profile's other settings (base URL, default number, theme) stay. Logging out of a profile without a \
            key is not an error. ALLO_API_KEY, when set, still gives commands a key: unset it too.

            Examples:
              allo auth logout
              allo auth logout --profile work
            """)

    @OptionGroup var global: GlobalOptions

    func execute(_ context: CommandContext) async throws {
        let settings = try context.settings()
        let output = context.output
        var file = try ConfigFile.load(settings.configFile) ?? ConfigFile()
        let hadKey = file.profiles[settings.profile]?.apiKey != nil
        if hadKey {
            file.profiles[settings.profile]?.apiKey = nil
            if file.profiles[settings.profile] == ConfigFile.Profile() { file.profiles[settings.profile] = nil }
            try file.save(to: settings.configFile)
        }
        if global.json {
            return try output.json(Result(profile: settings.profile, removed: hadKey))
        }
        output.line(hadKey ? "Removed the key of profile '\(settings.profile)' from \(settings.configFile.path)"
                           : "Profile '\(settings.profile)' has no stored key")
        if settings.keySource == .environment {
            output.note("ALLO_API_KEY is still set in the environment and still gives commands a key")
        }
    }

    private struct Result: Encodable {
        var profile: String
        var removed: Bool
    }
}
