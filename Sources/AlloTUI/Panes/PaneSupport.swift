import AlloStore
import Foundation

/// What every pane draws with: the theme, the clock and the calendar of the frame.
struct PaneContext {
    var theme: Theme
    var now: Date
    var calendar: Calendar
    var focus: Pane

    init(theme: Theme, now: Date, timeZone: TimeZone, focus: Pane) {
        self.theme = theme
        self.now = now
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.locale = Locale(identifier: "en_US_POSIX")
        self.calendar = calendar
        self.focus = focus
    }

    // MARK: Dates (fixed English formats, so the screen and snapshots do not depend on the locale)

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `14:05`.
    func time(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return pad2(parts.hour ?? 0) + ":" + pad2(parts.minute ?? 0)
    }

    /// Last activity, short: `14:05` today, `Yesterday`, `Tue` within a week, `12 Mar` this year, `12 Mar 23` before.
    func shortDate(_ date: Date) -> String {
        if calendar.isDate(date, inSameDayAs: now) { return time(date) }
        let today = calendar.startOfDay(for: now)
        let day = calendar.startOfDay(for: date)
        let days = calendar.dateComponents([.day], from: day, to: today).day ?? 0
        let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
        if days == 1 { return "Yesterday" }
        if days > 1, days < 7 { return Self.weekdays[(parts.weekday ?? 1) - 1] }
        let dayMonth = "\(parts.day ?? 1) \(Self.months[(parts.month ?? 1) - 1])"
        if parts.year == calendar.component(.year, from: now) { return dayMonth }
        return dayMonth + " " + pad2((parts.year ?? 0) % 100)
    }

    /// A day separator's label: `Today`, `Yesterday`, or `Tue 12 Mar 2024`.
    func dayLabel(_ date: Date) -> String {
        if calendar.isDate(date, inSameDayAs: now) { return "Today" }
        if let yesterday = calendar.date(byAdding: .day, value: -1, to: now), calendar.isDate(date, inSameDayAs: yesterday) {
            return "Yesterday"
        }
        let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
        return "\(Self.weekdays[(parts.weekday ?? 1) - 1]) \(parts.day ?? 1) \(Self.months[(parts.month ?? 1) - 1]) \(parts.year ?? 0)"
    }

    private func pad2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

enum Format {
    /// `3:07`, `1:02:03`.
    static func duration(_ seconds: Int) -> String {
        let s = max(0, seconds)
        let hours = s / 3600, minutes = (s % 3600) / 60, rest = s % 60
        let sec = rest < 10 ? "0\(rest)" : "\(rest)"
        if hours > 0 { return "\(hours):" + (minutes < 10 ? "0\(minutes)" : "\(minutes)") + ":" + sec }
        return "\(minutes):" + sec
    }

    /// A transcript offset, `mm:ss`.
    static func offset(_ seconds: Double) -> String {
        let s = max(0, Int(seconds))
        let minutes = s / 60, rest = s % 60
        return (minutes < 10 ? "0\(minutes)" : "\(minutes)") + ":" + (rest < 10 ? "0\(rest)" : "\(rest)")
    }

    /// `ANSWERED` → `answered`, `TRANSFERRED_AI` → `transferred ai`.
    static func result(_ value: String) -> String {
        value.lowercased().replacingOccurrences(of: "_", with: " ")
    }

    /// Whether a call result reads as missed (drawn in the `callMissed` role).
    static func isMissed(_ result: String?) -> Bool {
        guard let result = result?.uppercased() else { return false }
        return ["MISSED", "NO_ANSWER", "VOICEMAIL", "BUSY", "FAILED", "CANCELED", "CANCELLED", "REJECTED"].contains(result)
    }

    static func sender(_ sender: Sender?) -> String {
        switch sender {
        case .number(let number): return number
        case .senderID(let id): return id
        case nil: return "no sender"
        }
    }

    /// The first line of `text`, for one-line snippets (line breaks shown as spaces).
    static func oneLine(_ text: String) -> String {
        guard text.contains(where: { Wrap.isHardBreak($0) }) else { return text }
        return String(text.map { Wrap.isHardBreak($0) ? " " : $0 })
    }

    /// A call summary (Markdown) on one line, without its markers.
    static func summary(_ markdown: String) -> String { MarkdownCache.shared.oneLine(markdown) }

    /// An inbox entry's snippet on one line: a call summary without its markers, an SMS as it is.
    static func snippet(_ entry: InboxEntry) -> String? {
        entry.snippet.map { entry.snippetIsSummary ? summary($0) : oneLine($0) }
    }
}

extension Canvas {
    /// Writes `left` from the start of row `y` of `rect` and `right` flush with its end; the left text is cut with an
    /// ellipsis to leave room for the right one (which is dropped when even that does not fit).
    mutating func writeRow(_ left: String, leftStyle: Style, right: String?, rightStyle: Style, y: Int, in rect: Rect) {
        var room = rect.width
        if let right, !right.isEmpty {
            let width = Truncate.cells(right)
            if width + 2 <= rect.width {
                write(right, x: rect.maxX - width, y: y, style: rightStyle, clippedTo: rect)
                room = rect.width - width - 1
            }
        }
        write(Truncate.fit(left, width: room), x: rect.x, y: y, style: leftStyle, clippedTo: rect)
    }

    /// Writes `text` centred on row `y` of `rect`, cut to fit.
    mutating func writeCentered(_ text: String, y: Int, style: Style, in rect: Rect) {
        let fitted = Truncate.fit(text, width: rect.width)
        let x = rect.x + max(0, (rect.width - Truncate.cells(fitted)) / 2)
        write(fitted, x: x, y: y, style: style, clippedTo: rect)
    }

    /// A short message in the middle of an empty pane (loading, empty, error), wrapped to its width.
    mutating func writeNotice(_ lines: [(String, Style)], in rect: Rect) {
        guard !rect.isEmpty else { return }
        var wrapped: [(String, Style)] = []
        for (text, style) in lines {
            for line in WrapCache.shared.lines(text, width: max(1, rect.width - 2)) { wrapped.append((line, style)) }
        }
        let top = rect.y + max(0, (rect.height - wrapped.count) / 2)
        for (row, (line, style)) in wrapped.enumerated() where top + row < rect.maxY {
            writeCentered(line, y: top + row, style: style, in: rect)
        }
    }
}

extension ListWindow.Row {
    /// `style` on this row: on the selected row with the selection bar laid over it, so the bar stays whole.
    func styled(_ style: Style) -> Style { isSelected ? style.highlighted(by: self.style) : style }
}
