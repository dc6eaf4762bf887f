import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import AlloKit
import AlloSandbox

/// An in-process sandbox on loopback with its rate limit off, and what the benchmarks need from it.
struct BenchEnvironment {
    let server: SandboxServer
    let key: String

    static func start(contacts: Int) async throws -> BenchEnvironment {
        var configuration = SandboxConfiguration()
        configuration.port = 0
        configuration.contacts = contacts
        configuration.rateLimits = RateLimits(enforced: false)
        configuration.adminToken = "bench"
        let server = try await SandboxServer.start(configuration)
        return BenchEnvironment(server: server, key: server.keys.first { $0.name == "full" }!.secret)
    }

    func client(retry: RetryPolicy = .never) throws -> AlloClient {
        try AlloClient(apiKey: key, baseURL: server.baseURL, retry: retry)
    }

    /// A plain request with the key, for the bare-URLSession floor and for fetching raw bodies.
    func urlRequest(_ pathAndQuery: String) -> URLRequest {
        var request = URLRequest(url: URL(string: server.baseURL.absoluteString + pathAndQuery)!)
        request.setValue("Api-Key \(key)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.timeoutInterval = 30
        return request
    }

    func raw(_ pathAndQuery: String, session: URLSession) async throws -> Data {
        let (data, response) = try await session.data(for: urlRequest(pathAndQuery))
        guard (response as? HTTPURLResponse)?.statusCode == 200 else { throw BenchError("GET \(pathAndQuery) failed") }
        return data
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Answers every request with the same body at once: measures the SDK's own work (building, decoding), no network.
struct CannedTransport: HTTPTransport {
    let body: Data

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        HTTPResponse(status: 200, headers: ["content-type": "application/json"], body: body)
    }
}
