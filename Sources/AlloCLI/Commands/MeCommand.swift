import AlloKit
import ArgumentParser

/// `allo me`: the key's identity, scopes and rate limits (`GET /v2/api/me`).
struct MeCommand: APICommand {
    static let configuration = CommandConfiguration(
        commandName: "me",
        abstract: "Show the API key's identity, team, scopes and rate limits.",
        discussion: """
            Examples:
              allo me
              allo me --json | jq -r '.scopes[]'
            """)

    @OptionGroup var global: GlobalOptions

    func execute(_ context: CommandContext) async throws {
        let me = try await context.client().me()
        let output = context.output
        if global.json { return try output.json(me) }
        output.fields([
            ("key", me.apiKeyID),
            ("team", me.team.map { [$0.name, $0.id].compactMap { $0 }.joined(separator: " · ") }),
            ("scopes", me.scopes.joined(separator: " ")),
            ("rate limits", "\(me.rateLimits.readPerSecond) reads/s, \(me.rateLimits.writePerSecond) writes/s"),
            ("endpoints", "\(me.endpoints.count) allowed"),
        ])
    }
}
