import AlloSandbox
import ArgumentParser
import Dispatch
import Foundation

/// `allo sandbox`: a stateful local Withallo API for trying code without an account.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run a stateful local Withallo API (v1 and v2) on loopback.",
        discussion: """
            Prints three API keys (every scope; the five scopes of the v1 seed SDK; read-only) and an admin token for \
            the control API under /_sandbox/, then 'sandbox listening on http://HOST:PORT', then one line per request.

            A fault is {"kind": K, "when": "before"|"after", "probability": P, "count": N, "path_prefix": "/v1/", \
            "method": "POST", …} with kind latency, status, rate_limit, malformed_json, drop_connection or trickle. \
            "before" answers without running the request; "after" runs it (an SMS goes out) and then answers with the \
            fault: the case a client must not repeat blindly. See the README's fault table.

            Examples:
              allo sandbox
              allo sandbox --port 0 --seed 7 --contacts 100000 --no-rate-limit
              allo sandbox --fault '{"kind":"status","status":502,"when":"after"}'
              allo sandbox --state ~/.allo-sandbox.json --activity 10
              curl -s -H "Authorization: Api-Key $KEY" http://127.0.0.1:8787/v1/api/numbers
            """)

    @Option(help: "Address to bind. Anything but loopback exposes the sandbox to the network.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free one.")
    var port = 8787

    @Option(help: "Seed of the generated world: the same seed gives the same data and keys.")
    var seed: UInt64 = 42

    @Option(help: "Number of saved contacts.")
    var contacts = 300

    @Option(help: "Average calls and messages per conversation.")
    var itemsPerContact = 8

    @Option(help: "Keep the world's changes in this JSON file across restarts.")
    var state: String?

    @Option(help: "Simulate an inbound call or SMS about every this many seconds.")
    var activity: Double?

    @Flag(help: "Never answer 429 (the X-RateLimit headers are still sent).")
    var noRateLimit = false

    @Option(help: "Read requests per second per key.")
    var readLimit = 20

    @Option(help: "Write requests per second per key.")
    var writeLimit = 5

    @Option(help: "Requests per key per UTC day on /v1/api (API_KEY_QUOTA_EXCEEDED past it).")
    var dailyQuota: Int?

    @Flag(help: "Deliver webhooks to non-loopback URLs too.")
    var allowRemoteWebhooks = false

    @Option(help: "Multiply the webhook retry schedule (immediate, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h).")
    var webhookRetryScale = 1.0

    @Option(help: "Add this many milliseconds to every API request.")
    var latency: Int?

    @Option(help: "Answer this fraction of API requests with 500, 502 or 503.")
    var errorRate: Double?

    @Option(help: ArgumentHelp("Inject a fault, as JSON (repeatable); \"when\": \"after\" runs the request first.",
                               valueName: "json"))
    var fault: [String] = []

    @Option(help: ArgumentHelp("Accept this key instead of the defaults (repeatable), e.g. ak_live_abc=SMS_SEND,CONTACTS_READ.",
                               valueName: "key=scopes"))
    var key: [String] = []

    @Option(help: "Admin token for /_sandbox/ (default: random).")
    var adminToken: String?

    @Flag(help: "Do not log requests.")
    var quiet = false

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0 to 65535.") }
        guard (0...1_000_000).contains(contacts) else { throw ValidationError("--contacts must be 0 to 1000000.") }
        guard (1...500).contains(itemsPerContact) else { throw ValidationError("--items-per-contact must be 1 to 500.") }
        if let activity, activity <= 0 { throw ValidationError("--activity must be a positive number of seconds.") }
        if let errorRate, !(0...1).contains(errorRate) { throw ValidationError("--error-rate must be between 0 and 1.") }
        if let latency, !(0...120_000).contains(latency) { throw ValidationError("--latency must be 0 to 120000 ms.") }
        guard readLimit > 0, writeLimit > 0 else { throw ValidationError("Rate limits must be positive.") }
        if let dailyQuota, dailyQuota <= 0 { throw ValidationError("--daily-quota must be positive.") }
        guard webhookRetryScale >= 0 else { throw ValidationError("--webhook-retry-scale cannot be negative.") }
        _ = try faults()
        _ = try keys()
    }

    func run() async throws {
        var configuration = SandboxConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.seed = seed
        configuration.contacts = contacts
        configuration.itemsPerContact = itemsPerContact
        configuration.stateFile = state.map { NSString(string: $0).expandingTildeInPath }
        configuration.activityInterval = activity
        configuration.rateLimits = RateLimits(readsPerSecond: readLimit, writesPerSecond: writeLimit,
                                              enforced: !noRateLimit, dailyQuota: dailyQuota)
        configuration.allowRemoteWebhooks = allowRemoteWebhooks
        configuration.webhookRetryScale = webhookRetryScale
        configuration.faults = try faults()
        configuration.keys = try keys()
        configuration.adminToken = adminToken
        if !quiet { configuration.requestLog = { line in Console.out(line) } }
        configuration.warnings = { Console.err($0) }

        // Before the server starts, so a SIGTERM sent the moment the listening line appears is not lost.
        let stop = ShutdownSignals()
        let server: SandboxServer
        do {
            server = try await SandboxServer.start(configuration)
        } catch {
            Console.err("error: \(error)")
            throw ExitCode(1)
        }
        let settings = server.settings
        Console.out("allo sandbox: seed \(settings.seed), \(settings.contacts) contacts, ~\(settings.itemsPerContact) items each"
                    + " (ready in \(String(format: "%.2f", server.startupSeconds)) s)")
        Console.out("API keys (send 'Authorization: Api-Key <key>'):")
        for key in server.keys {
            let scopes = key.scopes.count == Scope.allCases.count ? "every scope"
                : Scope.allCases.filter(key.scopes.contains).map(\.rawValue).joined(separator: " ")
            Console.out("  \(key.name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(key.secret)  \(scopes)")
        }
        Console.out("admin token (/_sandbox/, 'Authorization: Bearer <token>'): \(server.adminToken)")
        if !(host == "localhost" || host == "::1" || host.hasPrefix("127.")) {
            Console.err("warning: listening on \(host): anyone who can reach this address can use the sandbox's keys")
        }
        Console.out("sandbox listening on \(server.baseURL.absoluteString)")

        Task {
            await server.wait()
            stop.trigger()
        }
        await stop.wait()
        await server.stop()
    }

    private func faults() throws -> [FaultRule] {
        var rules: [FaultRule] = []
        if let latency { rules.append(FaultRule(kind: .latency, latencyMs: latency)) }
        if let errorRate, errorRate > 0 { rules.append(FaultRule(kind: .status, probability: errorRate)) }
        for text in fault {
            do {
                rules.append(try JSONDecoder().decode(FaultRule.self, from: Data(text.utf8)).validated())
            } catch {
                throw ValidationError("--fault '\(text)': \(error). Example: {\"kind\":\"status\",\"status\":503,\"count\":2}")
            }
        }
        return rules
    }

    private func keys() throws -> [APIKey]? {
        guard !key.isEmpty else { return nil }
        return try key.enumerated().map { index, text in
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[0].contains(" ") else {
                throw ValidationError("--key '\(text)' should look like ak_live_abc=SMS_SEND,CONTACTS_READ")
            }
            var scopes = Set<Scope>()
            for name in parts[1].split(separator: ",") {
                guard let scope = Scope(rawValue: String(name)) else {
                    throw ValidationError("--key: unknown scope \(name); scopes are \(Scope.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                scopes.insert(scope)
            }
            return APIKey(id: "api-key\(index + 1)", name: "key\(index + 1)", secret: parts[0], scopes: scopes)
        }
    }
}
