import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import AlloSandbox

/// A sandbox for one test: its own world on 127.0.0.1:0, a manual clock, raw HTTP over URLSession.
struct TestSandbox {
    /// 2026-11-18T11:06:40Z: seeded history ends here in every test.
    static let epoch: Int64 = 1_795_000_000

    let server: SandboxServer
    let clock: ManualClock
    let session: URLSession

    enum Auth {
        case apiKey       // Authorization: Api-Key <key>
        case raw          // Authorization: <key>
        case header(String)
        case none
    }

    /// Rate limits are off unless a test asks for them, so tests may send as fast as they like.
    static func start(contacts: Int = 60, seed: UInt64 = 42, rateLimits: RateLimits = RateLimits(enforced: false),
                      configure: (inout SandboxConfiguration) -> Void = { _ in }) async throws -> TestSandbox {
        let clock = ManualClock(Double(epoch) + 600)
        var configuration = SandboxConfiguration()
        configuration.port = 0
        configuration.seed = seed
        configuration.contacts = contacts
        configuration.epoch = epoch
        configuration.clock = clock
        configuration.rateLimits = rateLimits
        configuration.webhookRetryScale = 0
        configuration.adminToken = "test-admin-token"
        configure(&configuration)
        let server = try await SandboxServer.start(configuration)
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.timeoutIntervalForRequest = 30
        return TestSandbox(server: server, clock: clock, session: URLSession(configuration: sessionConfiguration))
    }

    func stop() async {
        session.finishTasksAndInvalidate()
        await server.stop()
    }

    func key(_ name: String) -> String { server.keys.first { $0.name == name }!.secret }
    var fullKey: String { key("full") }
    var seedV1Key: String { key("seed-v1") }
    var readOnlyKey: String { key("read-only") }

    /// One raw HTTP exchange. `path` includes any query string, exactly as it goes on the wire.
    func request(_ method: String, _ path: String, key: String? = nil, auth: Auth = .apiKey, json: String? = nil,
                 body: Data? = nil, contentType: String? = "application/json", headers: [String: String] = [:],
                 timeout: TimeInterval = 30) async throws -> HTTPResult {
        var request = URLRequest(url: URL(string: server.baseURL.absoluteString + path)!)
        request.httpMethod = method
        request.timeoutInterval = timeout
        let secret = key ?? fullKey
        switch auth {
        case .apiKey: request.setValue("Api-Key \(secret)", forHTTPHeaderField: "Authorization")
        case .raw: request.setValue(secret, forHTTPHeaderField: "Authorization")
        case .header(let value): request.setValue(value, forHTTPHeaderField: "Authorization")
        case .none: break
        }
        if let payload = json.map({ Data($0.utf8) }) ?? body {
            request.httpBody = payload
            if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields { fields[String(describing: name).lowercased()] = String(describing: value) }
        return HTTPResult(status: http.statusCode, headers: fields, data: data)
    }

    func get(_ path: String, key: String? = nil) async throws -> HTTPResult {
        try await request("GET", path, key: key)
    }

    func post(_ path: String, _ json: String, key: String? = nil) async throws -> HTTPResult {
        try await request("POST", path, key: key, json: json)
    }

    /// The control API, with the admin token.
    func control(_ method: String, _ path: String, json: String? = nil) async throws -> HTTPResult {
        try await request(method, "/_sandbox" + path, auth: .header("Bearer test-admin-token"), json: json)
    }

    /// Journal entries whose path starts with `prefix`.
    func journal(pathPrefix prefix: String) async throws -> [J] {
        let encoded = prefix.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? prefix
        return try await control("GET", "/journal?path_prefix=\(encoded)").json["data"].array
    }
}

struct HTTPResult {
    let status: Int
    let headers: [String: String]
    let data: Data

    var text: String { String(decoding: data, as: UTF8.self) }

    /// The body parsed as JSON; `J.missing` when it is not JSON.
    var json: J { J(data: data) }

    subscript(header name: String) -> String? { headers[name.lowercased()] }
}

/// Runs `body` against a fresh sandbox and stops it afterwards, whether the body throws or not.
func withSandbox<T>(contacts: Int = 60, seed: UInt64 = 42, rateLimits: RateLimits = RateLimits(enforced: false),
                    configure: (inout SandboxConfiguration) -> Void = { _ in },
                    _ body: (TestSandbox) async throws -> T) async throws -> T {
    let sandbox = try await TestSandbox.start(contacts: contacts, seed: seed, rateLimits: rateLimits, configure: configure)
    do {
        let result = try await body(sandbox)
        await sandbox.stop()
        return result
    } catch {
        await sandbox.stop()
        throw error
    }
}
