/// How many times, and how patiently, a call is repeated. The decision itself is `decide(…)`, a pure function.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts in all, the first included; 1 means never retry.
    public var maxAttempts: Int
    /// The first backoff; each further one doubles, up to `maxDelay`.
    public var baseDelay: Duration
    /// The cap on the backoff between attempts; 8 seconds by default.
    public var maxDelay: Duration
    /// The longest server-requested wait (`Retry-After`, `retry_after_seconds`) worth sleeping through;
    /// a longer one throws at once with the wait in the error.
    public var maxServerWait: Duration

    /// Defaults: 4 attempts, 250 ms first backoff, 8 s cap, server waits up to 30 s. `maxAttempts` below 1 counts as 1.
    public init(maxAttempts: Int = 4, baseDelay: Duration = .milliseconds(250), maxDelay: Duration = .seconds(8),
                maxServerWait: Duration = .seconds(30)) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxServerWait = maxServerWait
    }

    /// The init's defaults; what `AlloClient` uses unless given another policy.
    public static let `default` = RetryPolicy()
    /// One attempt: every failure throws at once.
    public static let never = RetryPolicy(maxAttempts: 1)
}

/// What came of one attempt, reduced to what the retry decision needs.
enum AttemptOutcome: Sendable, Equatable {
    case status(Int, code: String?, serverWait: Duration?, quotaResetsIn: Duration?)
    case transport(mayHaveBeenSent: Bool)
    case timeout
}

enum RetryDecision: Sendable, Equatable {
    case retry(after: Duration)
    case fail
}

extension RetryPolicy {
    /// 429 codes that mean a daily cap, not a per-second window: waiting seconds will not help (contract §4, §9).
    static let quotaCodes: Set<String> = ["API_KEY_QUOTA_EXCEEDED", "SMS_LIMIT_REACHED", "TRIAL_SMS_LIMIT_REACHED",
                                           "DAILY_SMS_LIMIT_REACHED"]

    /// Whether to try again after `attempt` attempts ended in `outcome`. `jitter` is a random number in 0..<1.
    ///
    /// - 429 means the server did not act: any request waits and retries, unless the wait is a quota reset or longer
    ///   than `maxServerWait`.
    /// - A failure after which the request may have been done (`ServerEffect`: 5xx, 408, timeouts, a connection lost
    ///   after sending) is retried only when repeating is harmless (`.idempotent`); an SMS or a create is never sent twice.
    /// - A request that provably never left (connection refused) is always retried.
    func decide(_ outcome: AttemptOutcome, safety: APIRequest.Safety, attempt: Int, jitter: Double) -> RetryDecision {
        guard attempt < maxAttempts else { return .fail }
        let backoff = backoff(attempt: attempt, jitter: jitter)
        let repeatable = safety == .idempotent || outcome.serverEffect == .notDone
        switch outcome {
        case .status(429, let code, let serverWait, let quotaResetsIn):
            if quotaResetsIn != nil || code.map(Self.quotaCodes.contains) == true { return .fail }
            guard let serverWait else { return .retry(after: backoff) }
            if serverWait > maxServerWait { return .fail }
            return .retry(after: serverWait + baseDelay * jitter)
        case .status(let status, _, let serverWait, _) where Self.transientStatuses.contains(status):
            guard repeatable else { return .fail }
            if let serverWait, serverWait > maxServerWait { return .fail }
            return .retry(after: max(backoff, serverWait ?? .zero))
        case .status:
            return .fail
        case .transport, .timeout:
            return repeatable ? .retry(after: backoff) : .fail
        }
    }

    /// Statuses worth another attempt: the server or a gateway failed for a moment.
    static let transientStatuses: Set<Int> = [408, 500, 502, 503, 504]

    /// Exponential with "equal jitter": half fixed, half random, so clients spread out but never retry instantly.
    func backoff(attempt: Int, jitter: Double) -> Duration {
        var delay = baseDelay
        for _ in 1..<max(1, attempt) where delay < maxDelay { delay *= 2 }
        delay = min(delay, maxDelay)
        return delay / 2 + (delay / 2) * min(max(jitter, 0), 1)
    }
}
