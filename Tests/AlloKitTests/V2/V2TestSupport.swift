import Foundation
import Testing
import AlloKit

/// Helpers shared by the v2 tests.
enum V2Support {
    static let key = "ak_live_v2wireshape"

    /// A client whose requests go to `transport` (no retries, so a scripted failure is seen as it is).
    static func client(_ transport: RecordingTransport) throws -> AlloClient {
        try AlloClient(apiKey: key, baseURL: URL(string: "https://api.test.invalid")!, transport: transport, retry: .never)
    }

    /// A client answering every request with the fixture `Fixtures/<name>.json`.
    static func client(fixture name: String) throws -> (AlloClient, RecordingTransport) {
        let transport = RecordingTransport(json: try fixture(name))
        return (try client(transport), transport)
    }

    static func fixture(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// `2026-04-21T14:30:00Z` and friends, as the exact instants the three date forms of contract §1 stand for.
    static func date(_ text: String) -> Date { AlloDate.parse(text)! }

    /// The error a call threw, as `AlloError`; records an issue when it did not throw.
    static func error<T>(_ body: () async throws(AlloError) -> T, sourceLocation: SourceLocation = #_sourceLocation) async -> AlloError? {
        do {
            _ = try await body()
            Issue.record("expected an AlloError", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    /// The `HTTPFailure` of an `.http` error; records an issue for any other.
    static func failure<T>(_ body: () async throws(AlloError) -> T, sourceLocation: SourceLocation = #_sourceLocation) async -> HTTPFailure? {
        guard let error = await error(body, sourceLocation: sourceLocation) else { return nil }
        guard case .http(let failure) = error else {
            Issue.record("expected .http, got \(error)", sourceLocation: sourceLocation)
            return nil
        }
        return failure
    }
}
