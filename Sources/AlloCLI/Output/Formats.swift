import AlloTUI
import Foundation

/// How dates, durations and flags read in human output. JSON output never uses these.
enum Formats {
    /// `2026-11-28 14:03` in the local time zone (set TZ to change it).
    static func date(_ date: Date?) -> String {
        guard let date else { return "" }
        return formatter.string(from: date)
    }

    /// `45s`, `3m 12s`, `1h 02m`.
    static func duration(seconds: Int?) -> String {
        guard let seconds else { return "" }
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m \(String(format: "%02d", seconds % 60))s" }
        return "\(seconds / 3600)h \(String(format: "%02d", (seconds % 3600) / 60))m"
    }

    static func yesNo(_ value: Bool) -> String { value ? "yes" : "no" }

    /// A call summary (Markdown) for a table cell: its text on one line, without markers (`Markdown.oneLine`).
    static func summary(_ markdown: String?) -> String { Markdown.oneLine(markdown ?? "") }

    /// A message's first line that is not blank, trimmed, for a table cell.
    static func firstLine(_ text: String?) -> String {
        let lines = (text ?? "").split(whereSeparator: \.isNewline).lazy.map { $0.trimmingCharacters(in: .whitespaces) }
        return lines.first { !$0.isEmpty } ?? ""
    }

    private static let formatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter
    }()
}
