import AlloSandbox
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An in-process sandbox on 127.0.0.1:0 for one test: the `allo` binary talks to it over loopback, the test reads its
/// journal and injects faults through its control API.
struct TestSandbox: Sendable {
    let server: SandboxServer

    /// Default world; no rate limit, so a loaded machine's bursts never turn into 429 waits.
    static func start() async throws -> TestSandbox {
        var configuration = SandboxConfiguration()
        configuration.port = 0
        configuration.rateLimits = RateLimits(enforced: false)
        return TestSandbox(server: try await SandboxServer.start(configuration))
    }

    var baseURL: URL { server.baseURL }
    /// The key with every scope.
    var fullKey: String { server.keys.first { $0.name == "full" }!.secret }

    func stop() async { await server.stop() }

    /// A JSON body from the API, read with the full key.
    func get(_ path: String) async throws -> [String: Any] {
        var request = URLRequest(url: URL(string: baseURL.absoluteString + path)!)
        request.setValue("Api-Key \(fullKey)", forHTTPHeaderField: "Authorization")
        let (data, _) = try await URLSession.shared.data(for: request)
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// One call to the control API (`/_sandbox/…`).
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
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, try? JSONSerialization.jsonObject(with: data))
    }

    struct Entry {
        var method: String
        var path: String
        var status: Int
        var body: String
    }

    /// The journal's requests whose path starts with `prefix`.
    func journal(pathPrefix prefix: String) async throws -> [Entry] {
        let encoded = prefix.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? prefix
        let (_, body) = try await control("GET", "/journal?path_prefix=\(encoded)")
        let entries = (body as? [String: Any])?["data"] as? [[String: Any]] ?? []
        return entries.map {
            Entry(method: $0["method"] as? String ?? "", path: $0["path"] as? String ?? "",
                  status: $0["status"] as? Int ?? 0, body: $0["body"] as? String ?? "")
        }
    }

    /// Adds a fault rule, e.g. `{"kind":"status","status":500,"count":1,"path_prefix":"/v1/api/sms"}`.
    func fault(_ json: String) async throws {
        let (status, body) = try await control("POST", "/faults", json: json)
        guard status < 300 else { throw FaultRejected(body: "\(String(describing: body))") }
    }

    struct FaultRejected: Error {
        var body: String
    }
}
