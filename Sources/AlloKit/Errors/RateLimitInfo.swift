public import Foundation

/// The rate-limit reading of one response (contract §4): `X-RateLimit-*` headers, and on a 429 how long to wait.
public struct RateLimitInfo: Sendable, Equatable {
    /// Requests allowed per window (`X-RateLimit-Limit`).
    public var limit: Int?
    /// Requests left in the window (`X-RateLimit-Remaining`).
    public var remaining: Int?
    /// When the window resets (`X-RateLimit-Reset`, Unix seconds).
    public var reset: Date?
    /// The server's wait before trying again: `Retry-After` (seconds or HTTP date), or the body's
    /// `retry_after_seconds` (v2) or `reset_in` (v1 quota).
    public var retryAfter: Duration?
    /// When a v1 daily quota or an SMS cap resets (`reset_in`): not worth waiting for in a retry loop.
    public var quotaResetsIn: Duration?
    /// When this reading was taken.
    public var observedAt: Date

    /// Builds a reading by hand, e.g. for tests; the client makes them from response headers and error bodies.
    public init(limit: Int? = nil, remaining: Int? = nil, reset: Date? = nil, retryAfter: Duration? = nil,
                quotaResetsIn: Duration? = nil, observedAt: Date = Date()) {
        self.limit = limit
        self.remaining = remaining
        self.reset = reset
        self.retryAfter = retryAfter
        self.quotaResetsIn = quotaResetsIn
        self.observedAt = observedAt
    }

    /// Reads the headers; nil when the response carries none of them.
    init?(headers: [String: String], now: Date) {
        let limit = headers["x-ratelimit-limit"].flatMap { Int($0.trimmed) }
        let remaining = headers["x-ratelimit-remaining"].flatMap { Int($0.trimmed) }
        let reset = headers["x-ratelimit-reset"].flatMap { Double($0.trimmed) }.map { Date(timeIntervalSince1970: $0) }
        let retryAfter = headers["retry-after"].flatMap { Self.parseRetryAfter($0, now: now) }
        if limit == nil, remaining == nil, reset == nil, retryAfter == nil { return nil }
        self.init(limit: limit, remaining: remaining, reset: reset, retryAfter: retryAfter, observedAt: now)
    }

    /// `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 §10.2.3).
    static func parseRetryAfter(_ value: String, now: Date) -> Duration? {
        let text = value.trimmed
        if let seconds = Double(text), seconds >= 0, seconds.isFinite { return .milliseconds(Int64(seconds * 1000)) }
        guard let date = HTTPDate.parse(text) else { return nil }
        return .milliseconds(Int64(max(0, date.timeIntervalSince(now)) * 1000))
    }
}

/// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the form servers send in `Retry-After`.
enum HTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func parse(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[5].uppercased() == "GMT",
              let day = Int(parts[1]), let month = months.firstIndex(of: parts[2].lowercased()), let year = Int(parts[3])
        else { return nil }
        let clock = parts[4].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3 else { return nil }
        var components = DateComponents()
        (components.year, components.month, components.day) = (year, month + 1, day)
        (components.hour, components.minute, components.second) = (clock[0], clock[1], clock[2])
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: components)
    }
}

extension StringProtocol {
    var trimmed: String { trimmingCharacters(in: .whitespaces) }
}
