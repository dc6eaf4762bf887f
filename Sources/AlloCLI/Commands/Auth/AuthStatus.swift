import AlloKit
import ArgumentParser
import Foundation

/// `allo auth status`: which profile and key commands use, and what the key may do.
struct AuthStatus: APICommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the profile in use, its masked key, its scopes and rate limits.",
        discussion: """
            Asks GET /v2/api/me for the key's scopes and rate limits (a v1-only key is checked with GET \
            /v1/api/numbers). Exits 4 when there is no key or the API refuses it.

            Examples:
              allo auth status
              allo auth status --profile work --json
            """)

    @OptionGroup var global: GlobalOptions

    func execute(_ context: CommandContext) async throws {
        let settings = try context.settings()
        let key = try settings.requireKey()
        let client = try context.client(settings)
        var status = Status(profile: settings.profile, configFile: settings.configFile.path,
                            keySource: settings.keySource == .environment ? "ALLO_API_KEY" : "config file",
                            key: KeyMask.mask(key), baseURL: settings.baseURL.absoluteString,
                            alloNumber: settings.alloNumber, senderID: settings.senderID, theme: settings.theme)
        let me = try await KeyCheck.run(client)
        status.apiVersion = me == nil ? "v1" : "v2"
        status.apiKeyID = me?.apiKeyID
        status.team = me?.team?.name
        status.scopes = me?.scopes
        status.rateLimits = me?.rateLimits
        if let reading = client.lastRateLimit {
            status.remaining = reading.remaining
            status.limit = reading.limit
        }
        let output = context.output
        if global.json { return try output.json(status) }
        output.fields([
            ("profile", status.profile),
            ("config file", status.configFile),
            ("key", "\(status.key) (from \(status.keySource))"),
            ("API", "\(status.baseURL) (\(status.apiVersion ?? "?"))"),
            ("key id", status.apiKeyID),
            ("team", status.team),
            ("scopes", status.scopes?.joined(separator: " ") ?? "(a v1 key: scopes are not listed)"),
            ("rate limits", status.rateLimits.map { "\($0.readPerSecond) reads/s, \($0.writePerSecond) writes/s" }),
            ("left now", status.remaining.map { "\($0)" + (status.limit.map { " of \($0)" } ?? "") }),
            ("Allo number", status.alloNumber),
            ("sender ID", status.senderID),
            ("theme", status.theme),
        ])
    }

    struct Status: Encodable {
        var profile: String
        var configFile: String
        var keySource: String
        var key: String
        var baseURL: String
        var alloNumber: String?
        var senderID: String?
        var theme: String?
        var apiVersion: String?
        var apiKeyID: String?
        var team: String?
        var scopes: [String]?
        var rateLimits: Me.RateLimits?
        var remaining: Int?
        var limit: Int?

        enum CodingKeys: String, CodingKey {
            case profile, key, theme, team, scopes, remaining, limit
            case configFile = "config_file", keySource = "key_source", baseURL = "base_url", alloNumber = "allo_number"
            case senderID = "sender_id", apiVersion = "api_version", apiKeyID = "api_key_id", rateLimits = "rate_limits"
        }
    }
}
