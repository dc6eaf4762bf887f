import Synchronization

/// Per-second limits (§4). `enforced == false` keeps the headers but never refuses.
public struct RateLimits: Sendable, Equatable {
    public var readsPerSecond: Int
    public var writesPerSecond: Int
    public var enforced: Bool
    /// Requests per key per UTC day on `/v1/api/**`; nil means no daily quota.
    public var dailyQuota: Int?

    public init(readsPerSecond: Int = 20, writesPerSecond: Int = 5, enforced: Bool = true, dailyQuota: Int? = nil) {
        self.readsPerSecond = readsPerSecond
        self.writesPerSecond = writesPerSecond
        self.enforced = enforced
        self.dailyQuota = dailyQuota
    }
}

/// Fixed one-second windows per key and kind, which is what `X-RateLimit-Reset` (the window's end) describes.
final class RateLimiter: Sendable {
    struct Decision: Sendable {
        var limit: Int
        var remaining: Int
        var reset: Int64
        var allowed: Bool
        var retryAfter: Int

        var headers: [(String, String)] {
            [("X-RateLimit-Limit", String(limit)), ("X-RateLimit-Remaining", String(remaining)), ("X-RateLimit-Reset", String(reset))]
        }
    }

    struct QuotaDecision: Sendable {
        var allowed: Bool
        var limit: Int
        var resetIn: Int
    }

    private struct Window { var second: Int64; var count: Int }
    private struct Day { var day: Int64; var count: Int }

    private let state = Mutex<(windows: [String: Window], days: [String: Day], limits: RateLimits)>(([:], [:], RateLimits()))

    init(_ limits: RateLimits) {
        state.withLock { $0.limits = limits }
    }

    var limits: RateLimits {
        get { state.withLock { $0.limits } }
    }

    func setLimits(_ limits: RateLimits) {
        state.withLock { $0.limits = limits }
    }

    /// Counts one request of `key` and says whether it may proceed.
    func take(key: String, write: Bool, now: Double) -> Decision {
        state.withLock { state in
            let limit = write ? state.limits.writesPerSecond : state.limits.readsPerSecond
            let second = Int64(now.rounded(.down))
            let slot = key + (write ? "#w" : "#r")
            var window = state.windows[slot] ?? Window(second: second, count: 0)
            if window.second != second { window = Window(second: second, count: 0) }
            let allowed = !state.limits.enforced || window.count < limit
            if allowed { window.count += 1 }
            state.windows[slot] = window
            return Decision(limit: limit, remaining: max(0, limit - window.count), reset: second + 1, allowed: allowed,
                            retryAfter: 1)
        }
    }

    /// The v1 daily quota (§3.1 API_KEY_QUOTA_EXCEEDED); resets at midnight UTC.
    func takeDaily(key: String, now: Double) -> QuotaDecision? {
        state.withLock { state in
            guard let quota = state.limits.dailyQuota else { return nil }
            let seconds = Int64(now.rounded(.down))
            let day = seconds / 86_400
            var entry = state.days[key] ?? Day(day: day, count: 0)
            if entry.day != day { entry = Day(day: day, count: 0) }
            let allowed = entry.count < quota
            if allowed { entry.count += 1 }
            state.days[key] = entry
            return QuotaDecision(allowed: allowed, limit: quota, resetIn: Int((day + 1) * 86_400 - seconds))
        }
    }

    func reset() {
        state.withLock { $0.windows = [:]; $0.days = [:] }
    }
}
