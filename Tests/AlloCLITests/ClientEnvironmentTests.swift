@testable import AlloCLI
import Foundation
import Testing

/// The rules the terminal client applies before it touches the terminal, as values.
@Suite("allo (the client): environment and refusals")
struct ClientEnvironmentTests {
    func environment(_ variables: [String: String], tty: Bool = true) -> ClientEnvironment {
        ClientEnvironment(variables: variables, stdinIsTerminal: tty, stdoutIsTerminal: tty)
    }

    @Test("A key and the default base URL; ALLO_BASE_URL when set")
    func target() throws {
        #expect(try environment(["ALLO_API_KEY": "ak_live_x", "XDG_CONFIG_HOME": "/nonexistent"]).target(demo: false)
                == .api(key: "ak_live_x", baseURL: URL(string: "https://api.withallo.com")!))
        #expect(try environment(["ALLO_API_KEY": "ak_live_x", "ALLO_BASE_URL": "http://127.0.0.1:9",
                                 "XDG_CONFIG_HOME": "/nonexistent"]).target(demo: false)
                == .api(key: "ak_live_x", baseURL: URL(string: "http://127.0.0.1:9")!))
        #expect(try environment([:]).target(demo: true) == .demo)
    }

    @Test("Refusals name the way forward, and never show the key")
    func refusals() {
        #expect(throws: ClientSetupError.missingKey) {
            try environment(["XDG_CONFIG_HOME": "/nonexistent"]).target(demo: false)
        }
        #expect(throws: ClientSetupError.dumbTerminal) { try environment(["TERM": "dumb"]).target(demo: true) }
        #expect(throws: ClientSetupError.notATerminal(stdin: false, stdout: false)) {
            try environment(["ALLO_API_KEY": "k"], tty: false).target(demo: false)
        }
        #expect {
            try environment(["ALLO_API_KEY": "k", "ALLO_BASE_URL": "ftp://x", "XDG_CONFIG_HOME": "/nonexistent"])
                .target(demo: false)
        } throws: { error in
            guard case .settings(let problem) = error as? ClientSetupError else { return false }
            return problem.message.contains("ftp://x")
        }
        #expect(ClientSetupError.missingKey.description.contains("ALLO_API_KEY"))
        #expect(ClientSetupError.missingKey.description.contains("allo --demo"))
        #expect(ClientSetupError.notATerminal(stdin: true, stdout: false).description.contains("allo sandbox"))
        #expect(ClientSetupError.notATerminal(stdin: true, stdout: false).description.contains("stdout is not"))
    }

    @Test("Without ALLO_API_KEY the client takes the profile's key, base URL and theme; ALLO_PROFILE picks the profile")
    func profileSettings() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("allo-client-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        try ConfigFile(defaultProfile: "a", profiles: [
            "a": .init(apiKey: "ak_live_a", baseURL: "http://a.test", theme: "light"),
            "b": .init(apiKey: "ak_live_b"),
        ]).save(to: home.appendingPathComponent("allo/config.toml"))
        let variables = ["XDG_CONFIG_HOME": home.path]
        #expect(try environment(variables).target(demo: false) == .api(key: "ak_live_a", baseURL: URL(string: "http://a.test")!))
        #expect(try environment(variables.merging(["ALLO_PROFILE": "b"]) { $1 }).target(demo: false)
                == .api(key: "ak_live_b", baseURL: URL(string: "https://api.withallo.com")!))
        #expect(environment(variables).themeVariables()["ALLO_THEME"] == "light")
        #expect(environment(variables.merging(["ALLO_THEME": "mono"]) { $1 }).themeVariables()["ALLO_THEME"] == "mono")
    }

    @Test("Log and drafts under $XDG_STATE_HOME/allo, else ~/.local/state/allo")
    func files() {
        #expect(environment(["XDG_STATE_HOME": "/s", "HOME": "/h"]).logFile.path == "/s/allo/allo.log")
        #expect(environment(["XDG_STATE_HOME": "/s"]).draftsFile.path == "/s/allo/drafts.json")
        #expect(environment(["XDG_STATE_HOME": "relative", "HOME": "/h"]).logFile.path == "/h/.local/state/allo/allo.log")
    }

    @Test("The log file is 0600 and never holds the key")
    func logRedactsTheKey() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("allo-log-\(UUID().uuidString)/allo.log")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let log = try #require(FileLog(url: url, secrets: ["ak_live_secret123"]))
        log.write("request with ak_live_secret123 failed")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("request with <key> failed"))
        #expect(!text.contains("ak_live_secret123"))
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
