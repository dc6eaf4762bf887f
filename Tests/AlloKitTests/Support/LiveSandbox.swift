import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import AlloKit
import AlloSandbox

/// An in-process sandbox on 127.0.0.1:0 for one test, with a manual clock and its control API at hand.
struct LiveSandbox {
    /// 2026-11-18T11:06:40Z: seeded history ends here in every test.
    static let epoch: Int64 = 1_795_000_000

    let server: SandboxServer
    let clock: ManualClock

    var baseURL: URL { server.baseURL }

    func key(_ name: String) -> String { server.keys.first { $0.name == name }!.secret }
    var fullKey: String { key("full") }
    var seedV1Key: String { key("seed-v1") }
    var readOnlyKey: String { key("read-only") }

    /// A client on this sandbox. Retries sleep on `SandboxSleeper`, which moves the sandbox clock instead of waiting.
    /// The timeout is generous: under the whole suite on two cores a plain request can take seconds.
    func client(key: String? = nil, timeout: Duration = .seconds(60), retry: RetryPolicy = .default,
                authScheme: AuthScheme = .apiKey, transport: (any HTTPTransport)? = nil,
                sleeper: SandboxSleeper? = nil) throws -> AlloClient {
        try AlloClient(apiKey: key ?? fullKey, baseURL: baseURL, timeout: timeout,
                       transport: transport ?? URLSessionTransport(), retry: retry, authScheme: authScheme,
                       clock: sleeper ?? SandboxSleeper(clock))
    }

    /// One call to the control API (`/_sandbox/…`); returns the status and the parsed JSON body.
    @discardableResult
    func control(_ method: String, _ path: String, json: String? = nil) async throws -> (status: Int, body: Any?) {
        var request = URLRequest(url: URL(string: baseURL.absoluteString + "/_sandbox" + path)!)
        request.httpMethod = method
        request.setValue("Bearer \(server.adminToken)", forHTTPHeaderField: "Authorization")
        if let json {
            request.httpBody = Data(json.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as! HTTPURLResponse).statusCode, try? JSONSerialization.jsonObject(with: data))
    }

    /// The journal's entries whose path starts with `prefix` (query strings included, as received).
    func journal(pathPrefix prefix: String) async throws -> [JournalEntry] {
        let encoded = prefix.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? prefix
        let (_, body) = try await control("GET", "/journal?path_prefix=\(encoded)")
        let entries = (body as? [String: Any])?["data"] as? [[String: Any]] ?? []
        return entries.map(JournalEntry.init)
    }

    /// Adds a fault rule, e.g. `{"kind":"status","status":503,"count":1,"path_prefix":"/v1/api/numbers"}`.
    func fault(_ json: String) async throws {
        let (status, body) = try await control("POST", "/faults", json: json)
        precondition(status < 300, "fault rejected: \(String(describing: body))")
    }
}

struct JournalEntry {
    var method: String
    var path: String
    var status: Int
    var body: String
    var headers: [String: String]
    var faults: [String]

    init(_ object: [String: Any]) {
        method = object["method"] as? String ?? ""
        path = object["path"] as? String ?? ""
        status = object["status"] as? Int ?? 0
        body = object["body"] as? String ?? ""
        let raw = object["headers"] as? [String: Any] ?? [:]
        headers = Dictionary(raw.map { ($0.key.lowercased(), "\($0.value)") }, uniquingKeysWith: { first, _ in first })
        faults = object["faults"] as? [String] ?? []
    }
}

/// Runs `body` against a fresh sandbox (rate limits off unless asked for) and stops it afterwards.
func withLiveSandbox<T>(contacts: Int = 60, seed: UInt64 = 42, rateLimits: RateLimits = RateLimits(enforced: false),
                        configure: (inout SandboxConfiguration) -> Void = { _ in },
                        _ body: (LiveSandbox) async throws -> T) async throws -> T {
    let clock = ManualClock(Double(LiveSandbox.epoch) + 600)
    var configuration = SandboxConfiguration()
    configuration.port = 0
    configuration.seed = seed
    configuration.contacts = contacts
    configuration.epoch = LiveSandbox.epoch
    configuration.clock = clock
    configuration.rateLimits = rateLimits
    configuration.webhookRetryScale = 0
    configure(&configuration)
    let server = try await SandboxServer.start(configuration)
    let sandbox = LiveSandbox(server: server, clock: clock)
    do {
        let result = try await body(sandbox)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}
