import AlloStore

/// The selected number's conversations (v2) or contacts (v1), two lines each: unread mark, name or number, last
/// activity; then the snippet. A server search shows its results in its place. Notices (features the key lacks) sit at
/// the bottom, never in place of the list.
enum InboxPane {
    static let rowHeight = 2

    static func draw(_ state: AppState, in rect: Rect, on canvas: inout Canvas, context: PaneContext) {
        let theme = context.theme
        let focused = context.focus == .inbox
        let inbox = state.inbox
        if let search = inbox.search {
            drawSearch(search, in: rect, on: &canvas, context: context, focused: focused)
            return
        }
        let title = inbox.source == .contacts ? "Contacts" : "Inbox"
        var right: String?
        if !inbox.filter.isEmpty {
            right = "/\(Format.oneLine(inbox.filter)) \(inbox.visibleCount) of \(inbox.entries.count)"
        } else if inbox.status.isLoading, !inbox.entries.isEmpty {
            right = "loading…"
        } else if !inbox.entries.isEmpty {
            let unread = inbox.entries.count <= 500 ? inbox.entries.lazy.filter(\.unread).count : 0
            right = unread > 0 ? "\(unread) unread" : nil
        }
        var inside = Block(title: title, rightTitle: right, focused: focused, theme: theme).draw(in: rect, on: &canvas)
        inside = drawNotices(state, in: inside, on: &canvas, theme: theme)

        if inbox.visibleCount == 0 {
            canvas.writeNotice(emptyNotice(state, theme: theme), in: inside)
            return
        }
        ListWindow(count: inbox.visibleCount, cursor: inbox.cursor, focused: focused, theme: theme)
            .draw(in: inside, on: &canvas, rowHeight: { _ in rowHeight }) { canvas, row in
                guard let entry = inbox.entry(atVisible: row.index) else { return }
                let mark = entry.unread ? "● " : "  "
                let date = entry.lastActivity.map { context.shortDate($0) }
                canvas.writeRow(mark + Format.oneLine(entry.title) + (entry.archived ? " (archived)" : ""),
                                leftStyle: row.styled(entry.unread ? theme.unread : theme.base), right: date,
                                rightStyle: row.styled(theme.dim), y: row.rect.y, in: row.rect)
                if row.rect.height > 1 {
                    let snippet = Format.snippet(entry) ?? entry.key.contactNumber
                    canvas.write(Truncate.fit("  " + snippet, width: row.rect.width), x: row.rect.x, y: row.rect.y + 1,
                                 style: row.styled(theme.dim), clippedTo: row.rect)
                }
            }
    }

    private static func emptyNotice(_ state: AppState, theme: Theme) -> [(String, Style)] {
        let inbox = state.inbox
        if !inbox.filter.isEmpty, !inbox.entries.isEmpty {
            return [("Nothing matches “\(Format.oneLine(inbox.filter))”", theme.dim), ("Esc clears the filter", theme.dim)]
        }
        let what = inbox.source == .contacts ? "contacts" : "conversations"
        switch inbox.status {
        case .loading: return [("Loading \(what)…", theme.dim)]
        case .failed(let error, _): return errorLines(error, what: what, theme: theme)
        case .idle: break
        }
        if inbox.alloNumber == nil {
            if state.numbers.list.isLoading || state.numbers.list == .idle { return [("Loading…", theme.dim)] }
            if let error = state.numbers.list.error { return errorLines(error, what: "numbers", theme: theme) }
            return [("Choose a number", theme.dim)]
        }
        return [("No \(what) yet", theme.dim)]
    }

    /// The session's notices at the bottom of `rect`, above a rule; returns what is left for the list.
    private static func drawNotices(_ state: AppState, in rect: Rect, on canvas: inout Canvas, theme: Theme) -> Rect {
        let notices = state.session.notices
        guard !notices.isEmpty, rect.height >= 6 else { return rect }
        var lines: [String] = []
        for notice in notices { lines += WrapCache.shared.lines("! " + notice, width: max(1, rect.width)) }
        let shown = min(lines.count, rect.height / 3)
        let top = rect.maxY - shown
        for (row, line) in lines.prefix(shown).enumerated() {
            canvas.write(line, x: rect.x, y: top + row, style: theme.warning, clippedTo: rect)
        }
        return Rect(x: rect.x, y: rect.y, width: rect.width, height: rect.height - shown)
    }

    private static func drawSearch(_ search: SearchState, in rect: Rect, on canvas: inout Canvas, context: PaneContext,
                                   focused: Bool) {
        let theme = context.theme
        let right = search.status.isLoading ? "searching…" : "\(search.results.count)\(search.nextPage == nil ? "" : "+")"
        let inside = Block(title: "Search: \(Format.oneLine(search.query))", rightTitle: right, focused: focused,
                           theme: theme).draw(in: rect, on: &canvas)
        if search.results.isEmpty {
            let notice: [(String, Style)]
            switch search.status {
            case .loading: notice = [("Searching…", theme.dim)]
            case .failed(let error, _): notice = errorLines(error, what: "search results", theme: theme)
            case .idle: notice = [("No results", theme.dim), (":search alone closes the search", theme.dim)]
            }
            canvas.writeNotice(notice, in: inside)
            return
        }
        ListWindow(count: search.results.count, cursor: search.cursor, focused: focused, theme: theme)
            .draw(in: inside, on: &canvas, rowHeight: { _ in rowHeight }) { canvas, row in
                let item = search.results[row.index]
                canvas.writeRow((TimelinePane.arrow(item.direction)) + " " + (item.contactNumber ?? "unknown number"),
                                leftStyle: row.style, right: context.shortDate(item.date),
                                rightStyle: row.styled(theme.dim), y: row.rect.y, in: row.rect)
                if row.rect.height > 1 {
                    canvas.write(Truncate.fit("  " + snippet(item), width: row.rect.width),
                                 x: row.rect.x, y: row.rect.y + 1, style: row.styled(theme.dim), clippedTo: row.rect)
                }
            }
    }

    /// What a result says, on one line.
    private static func snippet(_ item: TimelineItem) -> String {
        switch item.content {
        case .sms(let sms): return Format.oneLine(sms.text)
        case .call(let call): return call.summary.map(Format.summary) ?? call.result.map(Format.result) ?? "call"
        }
    }
}
