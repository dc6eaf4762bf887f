import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import AlloKit

/// The SDK figures of issue 3: the SDK against the bare-URLSession floor, walking every contact, decoding.
struct SDKBenchmarks {
    let environment: BenchEnvironment
    let rounds: Int
    let roundSeconds: Double
    let walkRuns: Int

    func run() async throws -> [Figure] {
        var figures: [Figure] = []
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        let allo = try environment.client()

        let group = "SDK vs bare URLSession (sequential requests on loopback)"
        figures.append(try await requestsPerSecond(group, "numbers.list() via AlloKit") { _ = try await allo.numbers.list() })
        figures.append(try await requestsPerSecond(group, "GET /v1/api/numbers, bare URLSession") {
            _ = try await environment.raw("/v1/api/numbers", session: session)
        })
        figures.append(try await requestsPerSecond(group, "contacts.search(size: 100) via AlloKit") {
            _ = try await allo.contacts.search(page: 0, size: 100)
        })
        figures.append(try await requestsPerSecond(group, "GET /v1/api/contacts?size=100, bare URLSession") {
            _ = try await environment.raw("/v1/api/contacts?page=0&size=100", session: session)
        })

        let walkGroup = "Walking \(environment.server.settings.contacts) contacts with contacts.all(size: 100)"
        for inFlight in [1, 2, 4] {
            var samples: [Double] = []
            for _ in 0..<walkRuns {
                var count = 0
                samples.append(try await milliseconds {
                    for try await _ in allo.contacts.all(size: 100, pagesInFlight: inFlight) { count += 1 }
                })
                guard count == environment.server.settings.contacts else { throw BenchError("walked \(count) contacts") }
            }
            figures.append(Figure(group: walkGroup, name: "\(inFlight) page\(inFlight == 1 ? "" : "s") in flight", unit: "ms",
                                  samples: samples, higherIsBetter: false))
        }

        figures.append(try await decodeCalls(session: session))
        return figures
    }

    /// Requests per second, one sample per round of `roundSeconds`.
    private func requestsPerSecond(_ group: String, _ name: String, _ request: () async throws -> Void) async throws -> Figure {
        for _ in 0..<20 { try await request() }  // warm the connection and caches
        var samples: [Double] = []
        for _ in 0..<rounds {
            var count = 0
            let elapsed = try await milliseconds {
                let end = ContinuousClock.now + .milliseconds(Int(roundSeconds * 1000))
                while ContinuousClock.now < end {
                    try await request()
                    count += 1
                }
            }
            samples.append(Double(count) / (elapsed / 1000))
        }
        return Figure(group: group, name: name, unit: "req/s", samples: samples, higherIsBetter: true)
    }

    /// MB/s through `calls.search` over a transport that hands back a real 100-call page at once.
    private func decodeCalls(session: URLSession) async throws -> Figure {
        let line = "+33184807512"
        let encoded = line.replacingOccurrences(of: "+", with: "%2B")
        let body = try await environment.raw("/v1/api/calls?allo_number=\(encoded)&page=0&size=100", session: session)
        let page = try await environment.client().calls.search(alloNumber: line, page: 0, size: 100)
        let withTranscript = page.filter { !($0.transcript ?? []).isEmpty }.count
        guard page.count == 100 else { throw BenchError("the calls page has \(page.count) calls, not 100") }
        let canned = try AlloClient(apiKey: environment.key, transport: CannedTransport(body: body), retry: .never)
        let iterations = 50
        var samples: [Double] = []
        for _ in 0..<rounds {
            let elapsed = try await milliseconds {
                for _ in 0..<iterations { _ = try await canned.calls.search(alloNumber: line, page: 0, size: 100) }
            }
            samples.append(Double(body.count * iterations) / 1_000_000 / (elapsed / 1000))
        }
        return Figure(group: "Decoding", name: "100 calls, \(withTranscript) with transcripts (\(body.count / 1024) KiB)",
                      unit: "MB/s", samples: samples, higherIsBetter: true)
    }
}
