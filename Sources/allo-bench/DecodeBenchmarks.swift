import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import AlloKit

/// Issue 7 §3: MB/s through the SDK's decoding of real pages, over a transport that hands the page back at once (no
/// network): a 100-call v1 page with transcripts and a 100-conversation v2 page.
struct DecodeBenchmarks {
    let environment: BenchEnvironment
    let rounds: Int
    let iterations: Int

    private static let line = "+33184807512"

    func run() async throws -> [Figure] {
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        let encoded = Self.line.replacingOccurrences(of: "+", with: "%2B")
        let allo = try environment.client()
        let line = Self.line

        let calls = try await environment.raw("/v1/api/calls?allo_number=\(encoded)&page=0&size=100", session: session)
        let callPage = try await allo.calls.search(alloNumber: line, page: 0, size: 100)
        guard callPage.count == 100 else { throw BenchError("the calls page has \(callPage.count) calls, not 100") }
        let withTranscript = callPage.filter { !($0.transcript ?? []).isEmpty }.count
        let callsFigure = try await megabytesPerSecond(
            "100 v1 calls, \(withTranscript) with transcripts (\(calls.count / 1024) KiB)", body: calls) { client in
            _ = try await client.calls.search(alloNumber: line, page: 0, size: 100)
        }

        let conversations = try await environment.raw("/v2/api/conversations?allo_number=\(encoded)&page=1&size=100",
                                                      session: session)
        let conversationPage = try await allo.conversations.list(alloNumber: line, page: 1, size: 100)
        guard conversationPage.count == 100 else {
            throw BenchError("the conversations page has \(conversationPage.count) conversations, not 100")
        }
        let conversationsFigure = try await megabytesPerSecond(
            "100 v2 conversations (\(conversations.count / 1024) KiB)", body: conversations) { client in
            _ = try await client.conversations.list(alloNumber: line, page: 1, size: 100)
        }
        return [callsFigure, conversationsFigure]
    }

    private func megabytesPerSecond(_ name: String, body: Data,
                                    _ request: (AlloClient) async throws -> Void) async throws -> Figure {
        let canned = try AlloClient(apiKey: environment.key, transport: CannedTransport(body: body), retry: .never)
        for _ in 0..<3 { try await request(canned) }
        var samples: [Double] = []
        for _ in 0..<rounds {
            let elapsed = try await milliseconds {
                for _ in 0..<iterations { try await request(canned) }
            }
            samples.append(Double(body.count * iterations) / 1_000_000 / (elapsed / 1000))
        }
        return Figure(group: "Decoding a page through AlloKit (canned transport, no network)", name: name, unit: "MB/s",
                      samples: samples, higherIsBetter: true)
    }
}
