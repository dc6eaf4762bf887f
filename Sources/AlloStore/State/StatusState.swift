public import AlloKit
public import Foundation

/// The status bar and message line: toasts, the last rate-limit reading, connectivity.
public struct StatusState: Equatable, Sendable {
    /// Oldest first; the message line shows the last.
    public var toasts: [Toast] = []
    public var nextToastID = 1
    /// The last rate-limit headers seen.
    public var rateLimit: RateLimitInfo? = nil
    /// When the API stopped answering at the network level; nil while online.
    public var offlineSince: Date? = nil
    /// The clock as of the last action that carried it (`started`, `tick`).
    public var now: Date = Date(timeIntervalSince1970: 0)

    public init() {}

    public var isOffline: Bool { offlineSince != nil }
}

/// A message for the message line.
public struct Toast: Equatable, Sendable, Identifiable {
    public enum Level: Equatable, Sendable { case info, notice, error }

    public var id: Int
    public var level: Level
    public var text: String
    /// The API's code, for errors.
    public var code: String?
    public var hint: String?

    public init(id: Int, level: Level, text: String, code: String? = nil, hint: String? = nil) {
        self.id = id
        self.level = level
        self.text = text
        self.code = code
        self.hint = hint
    }
}
