/// Everything `allo sandbox` can be started with. Defaults match the command's defaults.
public struct SandboxConfiguration: Sendable {
    public var host = "127.0.0.1"
    /// 0 picks a free port; read the bound one from `SandboxServer.port`.
    public var port = 8787
    public var seed: UInt64 = 42
    public var contacts = 300
    public var itemsPerContact = 8
    /// Where seeded history ends, in Unix seconds; nil means now, to the hour.
    public var epoch: Int64?
    /// Keys accepted; nil means the three defaults derived from the seed.
    public var keys: [APIKey]?
    /// Guards `/_sandbox/`; nil means a random token.
    public var adminToken: String?
    public var stateFile: String?
    /// Seconds between simulated inbound calls and messages; nil for none.
    public var activityInterval: Double?
    public var rateLimits = RateLimits()
    public var faults: [FaultRule] = []
    public var allowRemoteWebhooks = false
    /// Multiplies the webhook retry schedule: 1 is the contract's, 0 retries at once.
    public var webhookRetryScale = 1.0
    public var maxBodyBytes = 1 << 20
    public var clock: any SandboxClock = SystemClock()
    /// One line per request (method, path, status, time, key name); nil for silence.
    public var requestLog: (@Sendable (String) -> Void)?
    /// Warnings the sandbox has for its operator (a state file that cannot be written…).
    public var warnings: (@Sendable (String) -> Void)?

    public init() {}
}
