import AlloKit
import Foundation

/// What a command runs with, resolved once: flags first, then the environment (`ALLO_API_KEY`, `ALLO_BASE_URL`,
/// `ALLO_PROFILE`, `ALLO_THEME`), then the profile in the config file, then the defaults.
struct Settings: Equatable, Sendable {
    /// Where the key came from, for `allo auth status` (never the key itself).
    enum KeySource: Equatable, Sendable {
        case environment
        case profile(path: String)
        case none
    }

    var profile: String
    var apiKey: String?
    var keySource: KeySource
    var baseURL: URL
    var alloNumber: String?
    var senderID: String?
    var theme: String?
    var configFile: URL

    /// The real API, used when nothing names another.
    static let defaultBaseURL = URL(string: "https://api.withallo.com")!
    static let defaultProfile = "default"

    /// The flags that take part in the precedence.
    struct Flags: Equatable, Sendable {
        var profile: String?
        var alloNumber: String?
        var senderID: String?
        var theme: String?
    }

    /// Reads the config file and resolves. A profile named by `--profile` or `ALLO_PROFILE` must exist, except for
    /// `allo auth login`, which makes it (`namedProfileMustExist: false`).
    static func resolve(flags: Flags, variables: [String: String],
                        namedProfileMustExist: Bool = true) throws(CLIError) -> Settings {
        let location = ConfigFile.location(variables)
        let file = try ConfigFile.load(location)
        return try resolve(flags: flags, variables: variables, file: file, location: location,
                           namedProfileMustExist: namedProfileMustExist)
    }

    static func resolve(flags: Flags, variables: [String: String], file: ConfigFile?, location: URL,
                        namedProfileMustExist: Bool = true) throws(CLIError) -> Settings {
        func variable(_ name: String) -> String? {
            variables[name].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        let named = flags.profile ?? variable("ALLO_PROFILE")
        let profileName = named ?? file?.defaultProfile ?? defaultProfile
        let profile = file?.profiles[profileName]
        if let named, profile == nil, namedProfileMustExist {
            let known = (file?.profiles.keys.sorted() ?? []).joined(separator: ", ")
            throw CLIError(code: "PROFILE", message: "no profile '\(named)' in \(location.path)"
                               + (known.isEmpty ? "" : " (profiles: \(known))"),
                           hint: "allo auth login --profile \(named)", exitStatus: ExitStatus.usage)
        }
        let environmentKey = variable("ALLO_API_KEY")
        let profileKey = profile?.apiKey.flatMap { $0.isEmpty ? nil : $0 }
        let baseText = variable("ALLO_BASE_URL") ?? profile?.baseURL
        var baseURL = defaultBaseURL
        if let baseText {
            guard OptionChecks.isHTTPURL(baseText), let url = URL(string: baseText) else {
                throw CLIError(code: "CONFIG", message: "base URL '\(baseText)' is not an http(s) URL with a host",
                               hint: "e.g. http://127.0.0.1:8787, or unset it to use \(defaultBaseURL.absoluteString)",
                               exitStatus: ExitStatus.usage)
            }
            baseURL = url
        }
        return Settings(profile: profileName, apiKey: environmentKey ?? profileKey,
                        keySource: environmentKey != nil ? .environment
                            : profileKey != nil ? .profile(path: location.path) : .none,
                        baseURL: baseURL,
                        alloNumber: flags.alloNumber ?? profile?.alloNumber,
                        senderID: flags.senderID ?? profile?.senderID,
                        theme: flags.theme ?? variable("ALLO_THEME") ?? profile?.theme,
                        configFile: location)
    }

    /// The key, or the error that says how to provide one.
    func requireKey() throws(CLIError) -> String {
        guard let apiKey else {
            throw CLIError(code: "NO_API_KEY", message: "no API key for profile '\(profile)'",
                           hint: "run `allo auth login` (the key is stored in \(configFile.path), mode 0600) "
                               + "or set ALLO_API_KEY; try `allo sandbox` for a local API",
                           exitStatus: ExitStatus.authentication)
        }
        return apiKey
    }

    /// The Allo number a command acts on: the flag, else the profile's default, else an error naming both.
    func requireAlloNumber() throws(CLIError) -> String {
        guard let number = try optionalAlloNumber() else {
            throw CLIError.usage("no Allo number given",
                                 hint: "pass --allo-number +E164 (see `allo numbers list`), or set allo_number in "
                                     + "profile '\(profile)' of \(configFile.path)")
        }
        return number
    }

    /// The Allo number when one is set, for commands that work without one. The flag was checked by `validate()`;
    /// a profile's number that is not E.164 is a usage error here, before any request.
    func optionalAlloNumber() throws(CLIError) -> String? {
        guard let alloNumber, !E164.isValid(alloNumber) else { return alloNumber }
        throw CLIError.usage("the profile's allo_number '\(alloNumber)' is not E.164",
                             hint: "fix allo_number in \(configFile.path), or pass --allo-number")
    }
}
