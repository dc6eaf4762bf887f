import Foundation
import Testing

/// The scriptable commands' questions at a real terminal: the hidden key prompt of `auth login` and the confirmation
/// of `sms send`, typed into a tmux pane.
@Suite("allo commands at a terminal: prompts", .serialized,
       .enabled(if: Tmux.path != nil || Tmux.required, Comment(rawValue: Tmux.missingMessage + "; skipped (set ALLO_E2E_REQUIRED=1 to fail instead)")))
struct CommandPromptTests {
    @Test("auth login: the key typed at the hidden prompt is not echoed, is stored 0600, and echo is back after")
    func hiddenKeyPrompt() async throws {
        try await TestSandbox.with { sandbox in
            try await ClientSession.with(["auth", "login", "--profile", "e2e"],
                                         environment: ["ALLO_BASE_URL": sandbox.baseURL.absoluteString]) { session in
                _ = try await session.tmux.waitFor(text: "API key (input hidden):")
                try await session.tmux.type(sandbox.fullKey)
                try await session.tmux.press("Enter")
                let (status, stty) = try await session.waitForExit()
                let screen = try await session.tmux.capture()
                #expect(status == 0, "\(screen)")
                #expect(screen.contains("Logged in: profile 'e2e'"))
                #expect(!screen.contains(sandbox.fullKey))
                #expect(stty.isCookedTerminal)
                let config = session.directory.appendingPathComponent("config/allo/config.toml")
                let mode = try FileManager.default.attributesOfItem(atPath: config.path)[.posixPermissions] as? Int
                #expect(mode == 0o600)
                #expect(try String(contentsOf: config, encoding: .utf8).contains(sandbox.fullKey))
            }
        }
    }

    @Test("sms send asks before sending at a terminal: n sends nothing (exit 1), y sends once (exit 0)")
    func confirmation() async throws {
        try await TestSandbox.with { sandbox in
            let line = "+14155550100"  // the seeded world's US line; the recipient is in the same country
            for (answer, expected, posts) in [("n", 1, 0), ("y", 0, 1)] {
                try await ClientSession.with(["sms", "send", "--from", line, "--to", "+14155550177", "--message", "Hello"],
                                             environment: sandbox.clientEnvironment) { session in
                    _ = try await session.tmux.waitFor(text: "Send? [y/N]")
                    try await session.tmux.type(answer)
                    try await session.tmux.press("Enter")
                    let (status, _) = try await session.waitForExit()
                    #expect(status == expected)
                }
                let sends = try await sandbox.journal(pathPrefix: "/v1/api/sms")
                #expect(sends.count == posts)
            }
        }
    }
}
