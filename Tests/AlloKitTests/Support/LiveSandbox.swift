import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import AlloKit
import AlloSandbox
import SandboxTestSupport

/// An in-process sandbox on 127.0.0.1:0 for one test, with a manual clock and its control API at hand.
struct LiveSandbox: HoldsSandbox {
    /// 2026-11-18T11:06:40Z: seeded history ends here in every test.
    static let epoch: Int64 = 1_795_000_000

    let server: SandboxServer
    let clock: ManualClock

    var baseURL: URL { server.baseURL }

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
