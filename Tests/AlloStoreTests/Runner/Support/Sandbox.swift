import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import AlloKit
import AlloSandbox
import AlloStore
import SandboxTestSupport

/// An in-process sandbox on 127.0.0.1:0 for one test (a short copy of AlloKitTests' LiveSandbox: test targets cannot
/// share code). Its clock is manual; the runner's `now` reads the same clock, so `since` and item dates agree.
struct Sandbox: HoldsSandbox {
    /// 2026-11-18T11:06:40Z: seeded history ends here.
    static let epoch: Int64 = 1_795_000_000
    static let usLine = "+14155550100"

    let server: SandboxServer
    let clock: ManualClock

    var now: Date { Date(timeIntervalSince1970: clock.now()) }


    /// A client with the named key (`full`, `seed-v1`, `read-only`, or one of `extraKeys`). No retries by default, so
    /// a scripted failure is seen as it is; the timeout is generous (two busy cores).
    func client(key name: String = "full", timeout: Duration = .seconds(60), retry: RetryPolicy = .never) throws -> AlloClient {
        try AlloClient(apiKey: key(name), baseURL: server.baseURL, timeout: timeout, retry: retry)
    }

    /// A runner on this sandbox; drafts and the outbox go to `state` (a fresh temporary folder by default).
    func runner(key name: String = "full", timeout: Duration = .seconds(60), state: URL? = nil) throws -> EffectRunner {
        let clock = clock
        return EffectRunner(client: try client(key: name, timeout: timeout),
                            stateDirectory: state ?? FileManager.default.temporaryDirectory
                                .appendingPathComponent("allo-store-tests-\(UUID().uuidString)"),
                            now: { Date(timeIntervalSince1970: clock.now()) })
    }

    /// An inbound SMS from `contact` on `line`, dated now on the sandbox clock; returns the new item's id.
    @discardableResult
    func inboundSMS(from contact: String, on line: String = usLine, text: String) async throws -> String {
        let json = #"{"kind":"sms","allo_number":"\#(line)","contact_number":"\#(contact)","content":"\#(text)"}"#
        let (status, body) = try await control("POST", "/activity", json: json)
        precondition(status == 201, "activity rejected: \(String(describing: body))")
        return ((body as? [String: Any])?["data"] as? [String: Any])?["id"] as? String ?? ""
    }

    /// How many requests to `prefix` were answered (with `status`, if given), as the sandbox's journal records them.
    func requests(to prefix: String, status: Int? = nil) async throws -> Int {
        try await journal(pathPrefix: prefix).filter { status == nil || $0.status == status }.count
    }
}

/// Runs `body` against a fresh sandbox (rate limits not enforced, headers still sent) and stops it afterwards.
/// `extraKeys` adds keys by name with the given scopes (e.g. one lacking `PHONE_NUMBERS_READ`).
func withSandbox<T>(contacts: Int = 40, itemsPerContact: Int = 8, extraKeys: [String: [Scope]] = [:],
                    isolation: isolated (any Actor)? = #isolation,
                    _ body: (Sandbox) async throws -> T) async throws -> T {
    let clock = ManualClock(Double(Sandbox.epoch) + 600)
    var configuration = SandboxConfiguration()
    configuration.port = 0
    configuration.seed = 42
    configuration.contacts = contacts
    configuration.itemsPerContact = itemsPerContact
    configuration.epoch = Sandbox.epoch
    configuration.clock = clock
    configuration.rateLimits = RateLimits(enforced: false)
    configuration.webhookRetryScale = 0
    configuration.keys = APIKey.defaults(seed: 42) + extraKeys.sorted { $0.key < $1.key }.enumerated().map { index, entry in
        APIKey(id: "api-extra\(index)", name: entry.key, secret: "ak_live_storetests\(index)x\(entry.key.count)",
               scopes: Set(entry.value))
    }
    let server = try await SandboxServer.start(configuration)
    let sandbox = Sandbox(server: server, clock: clock)
    do {
        let result = try await body(sandbox)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}
