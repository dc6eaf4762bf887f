import AlloKit
import ArgumentParser
import Foundation

/// `allo auth login`: reads a key from a hidden prompt or stdin, checks it, stores it in the profile (mode 0600).
struct AuthLogin: APICommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Check an API key and store it in a profile of the config file (mode 0600).",
        discussion: """
            The key is read from a hidden prompt, or from stdin when stdin is not a terminal — never from a flag, so it \
            stays out of shell history and the process list. It is checked with GET /v2/api/me (a key without v2 \
            access is checked with GET /v1/api/numbers) and stored only when the API accepts it. The profile is \
            --profile, else ALLO_PROFILE, else the config's default_profile, else "default"; the first profile stored \
            becomes the default.

            Examples:
              allo auth login
              allo auth login --profile work --allo-number +33612345678
              pass show allo/work | allo auth login --profile work
              allo sandbox & echo "$KEY" | allo auth login --profile sandbox --base-url http://127.0.0.1:8787
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("API address to store with the key (default: ALLO_BASE_URL, else the real API).",
                               valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("Default Allo number of the profile (E.164).", valueName: "e164"))
    var alloNumber: String?

    @Option(help: ArgumentHelp("Default sender ID of the profile (France, 3-11 letters or digits).", valueName: "name"))
    var senderID: String?

    func validate() throws {
        try OptionChecks.e164(alloNumber, option: "--allo-number")
        if let senderID, !SMSRules.isValidSenderID(senderID) {
            throw ValidationError("--sender-id '\(senderID)' is not 3-11 letters or digits with a letter")
        }
    }

    func execute(_ context: CommandContext) async throws {
        var variables = context.io.variables
        if let baseURL { variables["ALLO_BASE_URL"] = baseURL }
        let settings = try Settings.resolve(flags: Settings.Flags(profile: global.profile), variables: variables,
                                            namedProfileMustExist: false)
        let key = try readKey(context.io)
        let me = try await KeyCheck.run(try AlloClient(apiKey: key, baseURL: settings.baseURL, timeout: context.timeout()))

        var file = try ConfigFile.load(settings.configFile) ?? ConfigFile()
        var profile = file.profiles[settings.profile] ?? ConfigFile.Profile()
        profile.apiKey = key
        if settings.baseURL != Settings.defaultBaseURL { profile.baseURL = settings.baseURL.absoluteString }
        if let alloNumber { profile.alloNumber = alloNumber }
        if let senderID { profile.senderID = senderID }
        file.profiles[settings.profile] = profile
        if file.defaultProfile == nil { file.defaultProfile = settings.profile }
        try file.save(to: settings.configFile)

        let output = context.output
        if global.json {
            return try output.json(LoginResult(profile: settings.profile, configFile: settings.configFile.path,
                                               key: KeyMask.mask(key), baseURL: settings.baseURL.absoluteString,
                                               apiVersion: me == nil ? "v1" : "v2", scopes: me?.scopes))
        }
        output.line("Logged in: profile '\(settings.profile)', key \(KeyMask.mask(key)), \(settings.baseURL.absoluteString)")
        output.line(me.map(\.scopes).map { "Scopes: " + $0.joined(separator: " ") }
                    ?? "A v1 key: GET /v2/api/me is not open to it; v1 commands work")
        output.note("Stored in \(settings.configFile.path) (mode 0600).")
    }

    private func readKey(_ io: CommandIO) throws(CLIError) -> String {
        let text: String?
        if io.stdinIsTerminal {
            text = io.readLine("API key (input hidden): ", true)
        } else {
            text = String(data: io.readInput(), encoding: .utf8)?.components(separatedBy: .newlines).first
        }
        let key = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !key.isEmpty else {
            throw CLIError.usage("no API key given", hint: "type it at the prompt, or pipe it: `pass show allo | allo auth login`")
        }
        guard !key.contains(where: { $0.isWhitespace }) else { throw CLIError.usage("an API key has no spaces") }
        return key
    }

    private struct LoginResult: Encodable {
        var profile: String
        var configFile: String
        var key: String
        var baseURL: String
        var apiVersion: String
        var scopes: [String]?

        enum CodingKeys: String, CodingKey {
            case profile, key, scopes
            case configFile = "config_file", baseURL = "base_url", apiVersion = "api_version"
        }
    }
}
