import AlloStore
import Foundation

/// The open conversation, oldest at the top and newest at the bottom: day separators, time, direction arrow, SMS text
/// wrapped, calls with result, duration, tag and a summary line, and where a send stands.
///
/// Cost: only rows near the window are measured and drawn (`ListWindow` walks back from the selection), and each SMS
/// is wrapped once per width (`WrapCache`), so 100 000 items cost what 20 do.
enum TimelinePane {
    /// Cells before the text: `14:05 ← `.
    static let gutter = 8

    static func arrow(_ direction: TimelineItem.Direction) -> String {
        switch direction {
        case .inbound: return "←"
        case .outbound: return "→"
        case .unknown: return "·"
        }
    }

    static func draw(_ state: AppState, in rect: Rect, on canvas: inout Canvas, context: PaneContext) {
        let theme = context.theme
        let focused = context.focus == .timeline
        let timeline = state.timeline
        let (title, right) = titles(state)
        var inside = Block(title: title, rightTitle: right, focused: focused, theme: theme).draw(in: rect, on: &canvas)
        guard timeline.key != nil else {
            canvas.writeNotice([("No conversation open", theme.dim), ("Enter on a conversation opens it", theme.dim)],
                               in: inside)
            return
        }
        if timeline.items.isEmpty {
            let notice: [(String, Style)]
            switch timeline.status {
            case .loading: notice = [("Loading the conversation…", theme.dim)]
            case .failed(let error, _): notice = errorLines(error, what: "messages and calls", theme: theme)
            case .idle: notice = [("No messages or calls yet", theme.dim), ("c writes the first one", theme.dim)]
            }
            canvas.writeNotice(notice, in: inside)
            return
        }
        // Older pages: a line at the top while one loads or after one failed.
        if inside.height > 3 {
            var banner: (String, Style)?
            switch timeline.status {
            case .loading: banner = ("↑ loading older items…", theme.dim)
            case .failed(let error, _): banner = ("↑ older items failed: \(error.message)", theme.warning)
            case .idle: banner = nil
            }
            if let banner {
                canvas.writeCentered(banner.0, y: inside.y, style: banner.1, in: inside)
                inside = Rect(x: inside.x, y: inside.y + 1, width: inside.width, height: inside.height - 1)
            }
        }
        let textWidth = max(1, inside.width - 1 - gutter)
        let items = timeline.items
        ListWindow(count: items.count, cursor: timeline.cursor, focused: focused, theme: theme, anchor: .bottom)
            .draw(in: inside, on: &canvas, rowHeight: { index in
                (timeline.startsDay(at: index, calendar: context.calendar) ? 1 : 0)
                    + bodyLines(items[index], width: textWidth).count
            }) { canvas, row in
                drawItem(items[row.index], separator: timeline.startsDay(at: row.index, calendar: context.calendar),
                         row: row, textWidth: textWidth, on: &canvas, context: context)
            }
    }

    private static func titles(_ state: AppState) -> (String, String?) {
        guard let key = state.timeline.key else { return ("Conversation", nil) }
        let entry = state.inbox.selectedEntry.flatMap { $0.key == key ? $0 : nil }
        if let entry, entry.title != key.contactNumber { return (Format.oneLine(entry.title), key.contactNumber) }
        return (key.contactNumber, nil)
    }

    /// The lines of an item after its gutter (the first shares the row with time and arrow).
    static func bodyLines(_ item: TimelineItem, width: Int) -> [Line] {
        switch item.content {
        case .sms(let sms):
            var lines = WrapCache.shared.lines(sms.text, width: width).map { Line(text: $0, role: .text) }
            var status: Line?
            switch sms.delivery {
            case .pending: status = Line(text: "sending…", role: .dim)
            case .failed(_, let error):
                status = Line(text: "✗ not sent: \(Format.oneLine(error.message)) · Enter retries, e edits", role: .warning)
            case .unknown(_, let unknown):
                status = Line(text: unknownStatus(unknown), role: .warning)
            case .api(let value):
                if let value, value.uppercased() == "FAILED" || value.uppercased() == "UNDELIVERED" {
                    status = Line(text: "✗ \(Format.result(value))", role: .warning)
                }
            }
            if let status {
                lines += WrapCache.shared.lines(status.text, width: width).map { Line(text: $0, role: status.role) }
            }
            return lines
        case .call(let call):
            var head = "☎ " + (call.result.map(Format.result) ?? "call")
            if let duration = call.durationSeconds, duration > 0 { head += " · " + Format.duration(duration) }
            if let tag = call.tag, !tag.isEmpty { head += " · #" + Format.oneLine(tag) }
            if let by = call.handledBy, !by.isEmpty { head += " · " + Format.oneLine(by) }
            var lines = [Line(text: head, role: Format.isMissed(call.result) ? .missed : .call)]
            if let summary = call.summary, !summary.isEmpty {
                lines.append(Line(text: Truncate.fit(Format.summary(summary), width: width), role: .dim))
            }
            return lines
        }
    }

    /// What an unknown send's item says: "unknown" while the server is checked, then why it is still not settled.
    static func unknownStatus(_ unknown: UnknownSend) -> String {
        switch unknown.phase {
        case .checking:
            return "? unknown: \(Format.oneLine(unclearAnswer(unknown.cause))); checking the server…"
        case .notFound:
            return "? not found on the server yet · Enter checks again, R sends again, e edits"
        case .checkFailed(let error):
            return "? unknown: could not check the server (\(Format.oneLine(error.message))) · Enter checks again, "
                + "R sends again"
        case .cannotCheck(let reason):
            return "? unknown: \(Format.oneLine(reason)) · R sends again, e edits"
        }
    }

    /// The unclear answer in a few words: the status or what went wrong, not the server's message.
    private static func unclearAnswer(_ cause: ErrorInfo) -> String {
        switch cause.kind {
        case .http(let status): return "the API answered \(status)"
        case .timeout: return "no answer in time"
        case .network: return "the connection was lost"
        case .undecodable: return "the answer could not be read"
        case .cancelled, .invalid: return cause.message
        }
    }

    struct Line: Equatable {
        enum Role { case text, dim, warning, call, missed }
        var text: String
        var role: Role
    }

    private static func drawItem(_ item: TimelineItem, separator: Bool, row: ListWindow.Row, textWidth: Int,
                                 on canvas: inout Canvas, context: PaneContext) {
        let theme = context.theme
        var y = row.rect.y
        if separator {
            // The separator is not part of the selection bar.
            let line = Rect(x: row.rect.x, y: y, width: row.rect.width, height: 1)
            canvas.fill(line, style: theme.base)
            let label = " " + context.dayLabel(item.date) + " "
            let width = Truncate.cells(label)
            let left = max(0, (line.width - width) / 2)
            canvas.write(String(repeating: "─", count: left), x: line.x, y: y, style: theme.daySeparator, clippedTo: line)
            canvas.write(label, x: line.x + left, y: y, style: theme.daySeparator, clippedTo: line)
            canvas.write(String(repeating: "─", count: max(0, line.width - left - width)), x: line.x + left + width,
                         y: y, style: theme.daySeparator, clippedTo: line)
            y += 1
        }
        guard y < row.rect.maxY else { return }
        let directionStyle = item.direction == .outbound ? theme.outbound : theme.inbound
        canvas.write(context.time(item.date), x: row.rect.x, y: y, style: row.styled(theme.dim), clippedTo: row.rect)
        canvas.write(arrow(item.direction), x: row.rect.x + 6, y: y, style: row.styled(directionStyle),
                     clippedTo: row.rect)
        let text = Rect(x: row.rect.x + gutter, y: row.rect.y, width: max(0, row.rect.width - gutter),
                        height: row.rect.height)
        for line in bodyLines(item, width: textWidth) {
            guard y < row.rect.maxY else { break }
            let style: Style
            switch line.role {
            case .text: style = directionStyle
            case .dim: style = theme.dim
            case .warning: style = theme.warning
            case .call: style = theme.callAnswered
            case .missed: style = theme.callMissed
            }
            canvas.write(line.text, x: text.x, y: y, style: row.styled(style), clippedTo: text)
            y += 1
        }
    }
}
