import AlloSandbox
import Foundation
import SandboxTestSupport

/// An in-process sandbox on 127.0.0.1:0 for one test, with a private config folder, and `allo` run against it.
struct CLISandbox: HoldsSandbox {
    /// 2026-11-18T11:06:40Z: seeded history ends here.
    static let epoch: Int64 = 1_795_000_000
    /// The seeded world's US line, which has conversations.
    static let usLine = "+14155550100"

    let server: SandboxServer
    /// `XDG_CONFIG_HOME` and `XDG_STATE_HOME` of this test: nothing of the user's own config is read.
    let home: URL

    var fullKey: String { key("full") }

    /// The environment of a run: this sandbox, the full key (unless `key` says another or nil), private XDG folders.
    func variables(key: String? = "full", _ extra: [String: String] = [:]) -> [String: String] {
        var variables = ["ALLO_BASE_URL": server.baseURL.absoluteString, "HOME": home.path,
                         "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
                         "XDG_STATE_HOME": home.appendingPathComponent("state").path,
                         // Two cores running the whole suite in parallel: generous, as the SDK's live tests are.
                         "ALLO_TIMEOUT": "120"]
        if let key { variables["ALLO_API_KEY"] = self.key(key) }
        return variables.merging(extra) { $1 }
    }

    /// `allo ARGUMENTS` against this sandbox with the full key.
    func run(_ arguments: String..., key: String? = "full", env: [String: String] = [:], stdin: String = "",
             tty: Bool = false, width: Int? = nil, lines: [String?] = []) async -> CapturedRun {
        await run(arguments, key: key, env: env, stdin: stdin, tty: tty, width: width, lines: lines)
    }

    func run(_ arguments: [String], key: String? = "full", env: [String: String] = [:], stdin: String = "",
             tty: Bool = false, width: Int? = nil, lines: [String?] = []) async -> CapturedRun {
        await runAllo(arguments, variables: variables(key: key, env), stdin: stdin, tty: tty, width: width, lines: lines)
    }

}

/// Runs `body` against a fresh sandbox (rate limits off) with a private home folder, and removes both afterwards.
func withCLISandbox<T>(contacts: Int = 40, configure: (inout SandboxConfiguration) -> Void = { _ in },
                       _ body: (CLISandbox) async throws -> T) async throws -> T {
    var configuration = SandboxConfiguration()
    configuration.port = 0
    configuration.seed = 42
    configuration.contacts = contacts
    configuration.epoch = CLISandbox.epoch
    configuration.clock = ManualClock(Double(CLISandbox.epoch) + 600)
    configuration.rateLimits = RateLimits(enforced: false)
    configuration.webhookRetryScale = 0
    configure(&configuration)
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("allo-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    let server = try await SandboxServer.start(configuration)
    defer { try? FileManager.default.removeItem(at: home) }
    do {
        let result = try await body(CLISandbox(server: server, home: home))
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}
