import AlloStore

/// The transcript of the open call: its summary and recording on top, then speaker-coloured rows with their offsets
/// (`mm:ss`); rows matching the transcript search are highlighted, the current match selected.
enum TranscriptPane {
    static let gutter = 6

    static func speaker(_ speaker: TranscriptRow.Speaker) -> String {
        switch speaker {
        case .user: return "You"
        case .external: return "Caller"
        case .agent: return "AI"
        case .other(let name): return name.isEmpty ? "?" : Format.oneLine(name)
        }
    }

    static func draw(_ state: AppState, in rect: Rect, on canvas: inout Canvas, context: PaneContext) {
        let theme = context.theme
        let focused = context.focus == .transcript
        let transcript = state.transcript
        var right: String?
        if !transcript.query.isEmpty {
            right = transcript.matches.isEmpty ? "no match"
                : "\(min(transcript.currentMatch + 1, transcript.matches.count))/\(transcript.matches.count)"
        }
        var inside = Block(title: "Transcript", rightTitle: right, focused: focused, theme: theme)
            .draw(in: rect, on: &canvas)
        guard let value = transcript.transcript.value else {
            switch transcript.transcript {
            case .failed(let error, _):
                canvas.writeNotice(errorLines(error, what: "transcript", theme: theme), in: inside)
            default:
                canvas.writeNotice([("Loading the transcript…", theme.dim)], in: inside)
            }
            return
        }
        // Summary, formatted (at most a third of the pane), and recording.
        if let summary = value.summary, !summary.isEmpty, inside.height > 4 {
            let shown = drawSummary(summary, in: Rect(x: inside.x, y: inside.y, width: inside.width,
                                                      height: max(1, inside.height / 3)), on: &canvas, theme: theme)
            inside = Rect(x: inside.x, y: inside.y + shown, width: inside.width, height: inside.height - shown)
        }
        if let url = value.recordingURL, !url.isEmpty, inside.height > 3 {
            let label = "♪ "
            canvas.write(label, x: inside.x, y: inside.y, style: theme.dim, clippedTo: inside)
            canvas.write(Truncate.fit(url, width: inside.width - Truncate.cells(label), position: .start),
                         x: inside.x + Truncate.cells(label), y: inside.y, style: theme.base, clippedTo: inside)
            inside = Rect(x: inside.x, y: inside.y + 1, width: inside.width, height: inside.height - 1)
        }
        if value.summary?.isEmpty == false || value.recordingURL?.isEmpty == false, inside.height > 3 {
            canvas.write(String(repeating: "─", count: inside.width), x: inside.x, y: inside.y, style: theme.border,
                         clippedTo: inside)
            inside = Rect(x: inside.x, y: inside.y + 1, width: inside.width, height: inside.height - 1)
        }
        let rows = value.rows
        if rows.isEmpty {
            canvas.writeNotice([("No transcript for this call", theme.dim)], in: inside)
            return
        }
        let textWidth = max(1, inside.width - 1 - gutter)
        let query = transcript.query
        ListWindow(count: rows.count, cursor: transcript.cursor, focused: focused, theme: theme)
            .draw(in: inside, on: &canvas, rowHeight: { index in
                WrapCache.shared.height(text(rows[index]), width: textWidth)
            }) { canvas, row in
                let line = rows[row.index]
                if let offset = line.offsetSeconds {
                    canvas.write(Format.offset(offset), x: row.rect.x, y: row.rect.y, style: row.styled(theme.dim),
                                 clippedTo: row.rect)
                }
                let area = Rect(x: row.rect.x + gutter, y: row.rect.y, width: max(0, row.rect.width - gutter),
                                height: row.rect.height)
                Paragraph(text(line), style: row.styled(style(line.speaker, theme: theme)),
                          highlight: query.isEmpty ? nil : query, highlightStyle: theme.match)
                    .draw(in: Rect(x: area.x, y: area.y, width: min(area.width, textWidth), height: area.height),
                          on: &canvas)
            }
    }

    static func text(_ row: TranscriptRow) -> String { speaker(row.speaker) + ": " + row.text }

    /// The summary's Markdown laid out in `rect`, styled by the theme. A summary taller than `rect` loses the blank
    /// lines between its blocks, and if still too tall ends with " …" on its last row. Returns the rows used.
    private static func drawSummary(_ summary: String, in rect: Rect, on canvas: inout Canvas, theme: Theme) -> Int {
        var lines = MarkdownCache.shared.lines(summary, width: max(1, rect.width))
        if lines.count > rect.height { lines.removeAll { $0.spans.isEmpty } }
        let shown = min(lines.count, rect.height)
        for (row, line) in lines.prefix(shown).enumerated() {
            let y = rect.y + row
            guard row == shown - 1, shown < lines.count else {
                canvas.write(line, y: y, theme: theme, clippedTo: rect)
                continue
            }
            let used = canvas.write(line, y: y, theme: theme,
                                    clippedTo: Rect(x: rect.x, y: y, width: rect.width - 2, height: 1))
            canvas.write(" …", x: rect.x + used, y: y, style: theme.dim, clippedTo: rect)
        }
        return shown
    }

    static func style(_ speaker: TranscriptRow.Speaker, theme: Theme) -> Style {
        switch speaker {
        case .user: return theme.speakerUser
        case .external: return theme.speakerExternal
        case .agent, .other: return theme.speakerAgent
        }
    }
}

/// The selected conversation's contact, in the right column when no call is open.
enum DetailsPane {
    static func draw(_ state: AppState, in rect: Rect, on canvas: inout Canvas, context: PaneContext) {
        let theme = context.theme
        let inside = Block(title: "Contact", theme: theme).draw(in: rect, on: &canvas)
        let entry = state.inbox.search == nil ? state.inbox.selectedEntry : nil
        guard let entry else {
            canvas.writeNotice([("No conversation selected", theme.dim)], in: inside)
            return
        }
        var lines: [(String, String, Style)] = [
            ("Name", Format.oneLine(entry.title), theme.title),
            ("Number", entry.key.contactNumber, theme.base),
            ("Line", entry.key.alloNumber, theme.base),
        ]
        if let date = entry.lastActivity { lines.append(("Last", context.shortDate(date), theme.base)) }
        var flags: [String] = []
        if entry.unread { flags.append("unread") }
        if entry.archived { flags.append("archived") }
        if !flags.isEmpty { lines.append(("State", flags.joined(separator: ", "), theme.unread)) }
        var y = inside.y
        for (label, value, style) in lines where y < inside.maxY {
            canvas.write(label, x: inside.x, y: y, style: theme.dim, clippedTo: inside)
            canvas.write(Truncate.fit(value, width: inside.width - 8), x: inside.x + 8, y: y, style: style,
                         clippedTo: inside)
            y += 1
        }
        if let snippet = Format.snippet(entry), y + 2 < inside.maxY {
            y += 1
            let area = Rect(x: inside.x, y: y, width: inside.width, height: min(4, inside.maxY - y))
            y += Paragraph(snippet, style: theme.dim).draw(in: area, on: &canvas)
        }
        if y + 2 < inside.maxY {
            canvas.write(Truncate.fit("Enter on a call: its transcript", width: inside.width), x: inside.x, y: inside.maxY - 1, style: theme.dim,
                         clippedTo: inside)
        }
    }
}
