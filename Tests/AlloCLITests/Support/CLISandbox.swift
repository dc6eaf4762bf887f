import AlloSandbox
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An in-process sandbox on 127.0.0.1:0 for one test, with a private config folder, and `allo` run against it.
struct CLISandbox {
    /// 2026-11-18T11:06:40Z: seeded history ends here.
    static let epoch: Int64 = 1_795_000_000
    /// The seeded world's US line, which has conversations.
    static let usLine = "+14155550100"

    let server: SandboxServer
    /// `XDG_CONFIG_HOME` and `XDG_STATE_HOME` of this test: nothing of the user's own config is read.
    let home: URL

    func key(_ name: String) -> String { server.keys.first { $0.name == name }!.secret }
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

    /// One call to the control API (`/_sandbox/…`); returns the status and the parsed JSON body.
    @discardableResult
    func control(_ method: String, _ path: String, json: String? = nil) async throws -> (status: Int, body: Any?) {
        var request = URLRequest(url: URL(string: server.baseURL.absoluteString + "/_sandbox" + path)!)
        request.httpMethod = method
        request.setValue("Bearer \(server.adminToken)", forHTTPHeaderField: "Authorization")
        if let json {
            request.httpBody = Data(json.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as! HTTPURLResponse).statusCode, try? JSONSerialization.jsonObject(with: data))
    }

    /// Requests the sandbox received whose path starts with `prefix`: (method, path, body).
    func journal(pathPrefix prefix: String) async throws -> [(method: String, path: String, body: String)] {
        let encoded = prefix.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? prefix
        let (_, body) = try await control("GET", "/journal?path_prefix=\(encoded)")
        let entries = (body as? [String: Any])?["data"] as? [[String: Any]] ?? []
        return entries.map { ($0["method"] as? String ?? "", $0["path"] as? String ?? "", $0["body"] as? String ?? "") }
    }

    /// Adds a fault rule, e.g. `{"kind":"status","status":500,"count":1,"path_prefix":"/v1/api/sms"}`.
    func fault(_ json: String) async throws {
        let (status, body) = try await control("POST", "/faults", json: json)
        precondition(status < 300, "fault rejected: \(String(describing: body))")
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
