public import AlloSandbox
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What the test targets do with an in-process sandbox besides calling its API: its control API (`/_sandbox/…`),
/// its journal of requests and its faults. One copy for every test target that starts a sandbox.
extension SandboxServer {
    /// One call to the control API; the status and the parsed JSON body.
    @discardableResult
    public func control(_ method: String, _ path: String, json: String? = nil) async throws -> (status: Int, body: Any?) {
        var request = URLRequest(url: URL(string: baseURL.absoluteString + "/_sandbox" + path)!)
        request.httpMethod = method
        request.setValue("Bearer \(adminToken)", forHTTPHeaderField: "Authorization")
        if let json {
            request.httpBody = Data(json.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, try? JSONSerialization.jsonObject(with: data))
    }

    /// The journal's entries whose path starts with `prefix` (query strings included, as received).
    public func journal(pathPrefix prefix: String) async throws -> [JournalEntry] {
        let encoded = prefix.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? prefix
        let (_, body) = try await control("GET", "/journal?path_prefix=\(encoded)")
        let entries = (body as? [String: Any])?["data"] as? [[String: Any]] ?? []
        return entries.map(JournalEntry.init)
    }

    /// Adds a fault rule, e.g. `{"kind":"status","status":500,"count":1,"path_prefix":"/v1/api/sms"}`.
    public func fault(_ json: String) async throws {
        let (status, body) = try await control("POST", "/faults", json: json)
        guard status < 300 else { throw FaultRejected(body: "\(String(describing: body))") }
    }

    /// The key named `name` (`full`, `seed-v1`, `read-only`, or one the test added).
    public func key(_ name: String) -> String { keys.first { $0.name == name }!.secret }
}

/// A fault rule the sandbox refused.
public struct FaultRejected: Error {
    public var body: String
}

/// One request as the sandbox's journal records it.
public struct JournalEntry: Sendable {
    public var method: String
    public var path: String
    public var status: Int
    public var body: String
    /// Header names lower-cased.
    public var headers: [String: String]
    public var faults: [String]

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

/// A test's handle on its sandbox: gets `control`, `journal`, `fault` and `key` from the server it holds.
public protocol HoldsSandbox {
    var server: SandboxServer { get }
}

extension HoldsSandbox {
    @discardableResult
    public func control(_ method: String, _ path: String, json: String? = nil) async throws -> (status: Int, body: Any?) {
        try await server.control(method, path, json: json)
    }

    public func journal(pathPrefix prefix: String) async throws -> [JournalEntry] {
        try await server.journal(pathPrefix: prefix)
    }

    public func fault(_ json: String) async throws {
        try await server.fault(json)
    }

    public func key(_ name: String) -> String { server.key(name) }
}
