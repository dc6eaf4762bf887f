import AlloKit
import ArgumentParser
import Foundation

/// A date on the command line: `2026-11-28`, an ISO 8601 time (`2026-11-28T09:00:00Z`), or a time ago (`90m`, `12h`,
/// `7d`, `2w`).
struct DateArgument: ExpressibleByArgument, Sendable, Equatable {
    enum Value: Sendable, Equatable {
        case absolute(Date)
        case ago(TimeInterval)
    }

    var value: Value

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces)
        if let unit = text.last, let amount = Double(text.dropLast()), amount >= 0,
           let seconds = ["m": 60.0, "h": 3600, "d": 86_400, "w": 604_800][String(unit)] {
            value = .ago(amount * seconds)
        } else if let date = AlloDate.parse(text) {
            value = .absolute(date)
        } else {
            return nil
        }
    }

    /// The date meant, relative to `now` for a time ago.
    func date(now: Date = Date()) -> Date {
        switch value {
        case .absolute(let date): return date
        case .ago(let interval): return now.addingTimeInterval(-interval)
        }
    }

    static var defaultCompletionKind: CompletionKind { .default }
}
