public import Foundation

/// Background refresh: when the next one is due and how far it has backed off.
public struct LiveState: Equatable, Sendable {
    /// The usual pause between refreshes.
    public var interval: Duration = .seconds(15)
    /// The pause now in force: `interval`, doubled after each failure up to `maxInterval`, or longer to honour a 429.
    public var currentInterval: Duration = .seconds(15)
    public var maxInterval: Duration = .seconds(300)
    /// When the next refresh is due; nil before the first load finishes.
    public var nextRefreshAt: Date? = nil
    /// A refresh is running; ticks start no other.
    public var inFlight = false
    /// Failures in a row.
    public var failures = 0
    /// When each Allo number was last synced, for `last_activity_since` (v2).
    public var lastSync: [String: Date] = [:]

    public init() {}
}
