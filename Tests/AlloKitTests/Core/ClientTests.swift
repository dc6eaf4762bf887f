import Foundation
import Testing
@testable import AlloKit

@Suite("Client construction and request basics")
struct ClientTests {
    static let key = "ak_live_Zq8secretSECRET123"

    func client(_ transport: RecordingTransport, baseURL: String = "https://api.withallo.com",
                scheme: AuthScheme = .apiKey, headers: [String: String] = [:]) throws -> AlloClient {
        try AlloClient(apiKey: Self.key, baseURL: URL(string: baseURL)!, headers: headers, transport: transport,
                       retry: .never, authScheme: scheme)
    }

    @Test("An empty or blank key is rejected at construction", arguments: ["", "   ", "\n"])
    func blankKey(_ key: String) {
        #expect {
            _ = try AlloClient(apiKey: key)
        } throws: { error in
            guard case AlloError.invalidArgument(let message) = error else { return false }
            return message.contains("empty")
        }
    }

    @Test("A key with spaces inside is rejected")
    func keyWithSpace() {
        #expect(throws: AlloError.self) { _ = try AlloClient(apiKey: "ak_live_ab cd") }
    }

    @Test("The base URL in the seed's /v1/api form and with slashes is understood",
          arguments: ["https://api.withallo.com", "https://api.withallo.com/", "https://api.withallo.com/v1/api",
                      "https://api.withallo.com/v1/api/", "https://api.withallo.com/v2/api"])
    func baseURLForms(_ base: String) async throws {
        let transport = RecordingTransport()
        _ = try await client(transport, baseURL: base).numbers.list()
        #expect(transport.last?.url.absoluteString == "https://api.withallo.com/v1/api/numbers")
    }

    @Test("A base URL with a path prefix keeps it")
    func baseURLPrefix() async throws {
        let transport = RecordingTransport()
        _ = try await client(transport, baseURL: "http://127.0.0.1:8787/proxy/allo").numbers.list()
        #expect(transport.last?.url.absoluteString == "http://127.0.0.1:8787/proxy/allo/v1/api/numbers")
    }

    @Test("Auth is `Api-Key <key>` by default and the raw key on request")
    func authSchemes() async throws {
        let transport = RecordingTransport([.response(.init(status: 200, body: Data(#"{"data":[]}"#.utf8)))])
        _ = try await client(transport).numbers.list()
        _ = try await client(transport, scheme: .raw).numbers.list()
        #expect(transport.requests.map { $0.headers["Authorization"] } == ["Api-Key \(Self.key)", Self.key])
    }

    @Test("Bodiless requests send Accept but no Content-Type; extra headers are added but cannot replace auth")
    func headers() async throws {
        let transport = RecordingTransport()
        _ = try await client(transport, headers: ["X-Team": "sales", "authorization": "Bearer nope"]).numbers.list()
        let sent = try #require(transport.last)
        #expect(sent.headers["Accept"] == "application/json")
        #expect(sent.headers["Content-Type"] == nil)
        #expect(sent.headers["X-Team"] == "sales")
        #expect(sent.headers["Authorization"] == "Api-Key \(Self.key)")
        #expect(sent.headers["authorization"] == nil)
    }

    @Test("Per-call headers, timeout and retry override the client's")
    func perCallOptions() async throws {
        let transport = RecordingTransport([.response(.init(status: 503)), .response(.init(status: 503))])
        let allo = try AlloClient(apiKey: Self.key, timeout: .seconds(30), transport: transport,
                                  retry: RetryPolicy(maxAttempts: 3, baseDelay: .zero), clock: SandboxSleeper())
        await #expect(throws: AlloError.self) {
            _ = try await allo.numbers.list(options: RequestOptions(timeout: .seconds(2), retry: .never, headers: ["X-Request-Id": "abc"]))
        }
        #expect(transport.requests.count == 1)
        #expect(transport.last?.timeout == .seconds(2))
        #expect(transport.last?.headers["X-Request-Id"] == "abc")
    }

    @Test("The key appears in no description, error or dump")
    func keyNeverShown() async throws {
        let failure = TransportFailure(.other, message: "proxy refused header Authorization: Api-Key \(Self.key)")
        let transport = RecordingTransport([.failure(failure),
                                            .response(.init(status: 401, body: Data(#"{"code":"API_KEY_INVALID","details":null}"#.utf8)))])
        let allo = try client(transport)
        var texts = [String(describing: allo), String(reflecting: allo)]
        var dump = ""
        Swift.dump(allo, to: &dump)
        texts.append(dump)
        for _ in 0..<2 {
            do { _ = try await allo.numbers.list() } catch {
                texts.append(String(describing: error))
                texts.append(String(reflecting: error))
                texts.append(error.localizedDescription)
            }
        }
        #expect(texts.count == 9)
        for text in texts { #expect(!text.contains(Self.key), "\(text)") }
    }

    @Test("The last rate-limit reading is kept for a status bar")
    func lastRateLimit() async throws {
        let transport = RecordingTransport([.response(.init(status: 200, headers: ["X-RateLimit-Limit": "20", "X-RateLimit-Remaining": "17",
                                                                                    "X-RateLimit-Reset": "1795000001"],
                                                            body: Data(#"{"data":[]}"#.utf8)))])
        let allo = try client(transport)
        #expect(allo.lastRateLimit == nil)
        _ = try await allo.numbers.list()
        #expect(allo.lastRateLimit?.limit == 20)
        #expect(allo.lastRateLimit?.remaining == 17)
    }

    @Test("An undecodable body says where and shows at most 512 characters")
    func undecodable() async throws {
        let junk = #"{"data":[{"number":12}]}"# + String(repeating: " ", count: 2000)
        let allo = try client(RecordingTransport(json: junk))
        do {
            _ = try await allo.numbers.list()
            Issue.record("expected a decoding failure")
        } catch {
            guard case .undecodable(let body) = error else { Issue.record("got \(error)"); return }
            #expect(body.status == 200)
            #expect(body.reason.contains("number"))
            #expect(body.snippet.count == UndecodableBody.snippetLimit)
            #expect(error.description.contains("GET /v1/api/numbers"))
        }
    }
}
