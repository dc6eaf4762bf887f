import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import AlloKit

/// Issue 7 §1–2: the SDK against the bare-URLSession floor (and their ratio), and walking every contact.
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

        let group = "SDK vs bare URLSession (sequential requests on loopback, rate limit off)"
        figures += try await againstFloor(group, "numbers.list()", "GET /v1/api/numbers", sdk: {
            _ = try await allo.numbers.list()
        }, bare: {
            _ = try await environment.raw("/v1/api/numbers", session: session)
        })
        figures += try await againstFloor(group, "contacts.search(size: 100)", "GET /v1/api/contacts?size=100", sdk: {
            _ = try await allo.contacts.search(page: 0, size: 100)
        }, bare: {
            _ = try await environment.raw("/v1/api/contacts?page=0&size=100", session: session)
        })

        let walkGroup = "Walking \(environment.server.settings.contacts.formatted()) contacts with contacts.all(size: 100)"
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
        return figures
    }

    /// Requests per second through the SDK and bare, rounds interleaved (so load from elsewhere on the machine hits
    /// both alike), and the ratio SDK ÷ bare per pair of rounds: what the SDK costs.
    private func againstFloor(_ group: String, _ call: String, _ path: String, sdk: () async throws -> Void,
                              bare: () async throws -> Void) async throws -> [Figure] {
        for _ in 0..<20 {  // warm the connections and caches
            try await sdk()
            try await bare()
        }
        var sdkRates: [Double] = []
        var bareRates: [Double] = []
        for _ in 0..<rounds {
            sdkRates.append(try await rate(sdk))
            bareRates.append(try await rate(bare))
        }
        return [Figure(group: group, name: "\(call) via AlloKit", unit: "req/s", samples: sdkRates, higherIsBetter: true),
                Figure(group: group, name: "\(path), bare URLSession", unit: "req/s", samples: bareRates, higherIsBetter: true),
                Figure(group: group, name: "\(call): AlloKit ÷ bare", unit: "ratio",
                       samples: zip(sdkRates, bareRates).map { $0 / $1 }, higherIsBetter: true)]
    }

    /// Requests per second over one round of `roundSeconds`.
    private func rate(_ request: () async throws -> Void) async throws -> Double {
        var count = 0
        let elapsed = try await milliseconds {
            let end = ContinuousClock.now + .milliseconds(Int(roundSeconds * 1000))
            while ContinuousClock.now < end {
                try await request()
                count += 1
            }
        }
        return Double(count) / (elapsed / 1000)
    }
}
