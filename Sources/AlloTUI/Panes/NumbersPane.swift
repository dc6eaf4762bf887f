import AlloStore

/// The account's Allo numbers: name, number, country and unread count; the one the inbox shows is marked `▸`.
enum NumbersPane {
    static func draw(_ state: AppState, in rect: Rect, on canvas: inout Canvas, context: PaneContext) {
        let theme = context.theme
        let focused = context.focus == .numbers
        let list = state.numbers.list.value ?? []
        let inside = Block(title: "Numbers", rightTitle: list.isEmpty ? nil : "\(list.count)", focused: focused,
                           theme: theme).draw(in: rect, on: &canvas)
        if list.isEmpty {
            canvas.writeNotice(emptyNotice(state.numbers.list, theme: theme), in: inside)
            return
        }
        ListWindow(count: list.count, cursor: state.numbers.cursor, focused: focused, theme: theme)
            .draw(in: inside, on: &canvas) { canvas, row in
                let number = list[row.index]
                let marker = number.number == state.numbers.selected ? "▸ " : "  "
                let unread = state.numbers.unread[number.number] ?? 0
                var right = number.country ?? ""
                if unread > 0 { right += (right.isEmpty ? "" : " ") + "●\(unread)" }
                let rightWidth = right.isEmpty ? 0 : Truncate.cells(right)
                var room = row.rect.width - (rightWidth > 0 ? rightWidth + 1 : 0)
                if rightWidth > 0, room >= 4 {
                    canvas.write(right, x: row.rect.maxX - rightWidth, y: row.rect.y,
                                 style: row.styled(unread > 0 ? theme.unread : theme.dim), clippedTo: row.rect)
                } else {
                    room = row.rect.width
                }
                var x = row.rect.x
                let head = marker + (number.name.map { $0 + "  " } ?? "")
                let used = canvas.write(Truncate.fit(head, width: room), x: x, y: row.rect.y, style: row.style,
                                        clippedTo: row.rect)
                x += used
                room -= used
                canvas.write(Truncate.fit(number.number, width: room), x: x, y: row.rect.y,
                             style: row.styled(number.name == nil ? theme.base : theme.dim), clippedTo: row.rect)
            }
    }

    /// The one-line selector of the medium layout: `Numbers ◂ Sales +33 1 … FR ●2 ▸ 1/3`.
    static func drawSelector(_ state: AppState, in rect: Rect, on canvas: inout Canvas, context: PaneContext) {
        let theme = context.theme
        let focused = context.focus == .numbers
        canvas.fill(rect, style: focused ? theme.selection : theme.base)
        let list = state.numbers.list.value ?? []
        let label = focused ? " Number ◂ " : " Number: "
        var x = rect.x + canvas.write(label, x: rect.x, y: rect.y, style: focused ? theme.selection : theme.title,
                                      clippedTo: rect)
        guard !list.isEmpty else {
            let notice = emptyNotice(state.numbers.list, theme: theme).map(\.0).joined(separator: " ")
            canvas.write(notice, x: x, y: rect.y, style: focused ? theme.selection : theme.dim, clippedTo: rect)
            return
        }
        let index = min(max(0, state.numbers.cursor.selected), list.count - 1)
        let number = list[index]
        let unread = state.numbers.unread[number.number] ?? 0
        var text = (number.name.map { $0 + "  " } ?? "") + number.number
        if let country = number.country { text += "  " + country }
        if unread > 0 { text += "  ●\(unread)" }
        if number.number != state.numbers.selected, state.numbers.selected != nil { text += "  (Enter to show)" }
        let position = "\(index + 1)/\(list.count)" + (focused ? " ▸ " : " ")
        let positionWidth = Truncate.cells(position)
        x += canvas.write(Truncate.fit(text, width: rect.maxX - x - positionWidth - 1), x: x, y: rect.y,
                          style: focused ? theme.selection : theme.base, clippedTo: rect)
        canvas.write(position, x: rect.maxX - positionWidth, y: rect.y, style: focused ? theme.selection : theme.dim,
                     clippedTo: rect)
    }

    private static func emptyNotice(_ list: Loadable<[NumberInfo]>, theme: Theme) -> [(String, Style)] {
        switch list {
        case .idle, .loading: return [("Loading numbers…", theme.dim)]
        case .failed(let error, _): return errorLines(error, what: "numbers", theme: theme)
        case .loaded: return [("No Allo numbers on this account", theme.dim)]
        }
    }
}

/// An error in a pane: what failed, the API's code, and what to do (a missing scope is named).
func errorLines(_ error: ErrorInfo, what: String, theme: Theme) -> [(String, Style)] {
    var lines: [(String, Style)] = []
    if !error.requiredScopes.isEmpty {
        lines.append(("The \(what) need the \(error.requiredScopes.joined(separator: ", ")) scope", theme.warning))
        lines.append(("Add it to the API key in Settings > API", theme.dim))
        return lines
    }
    lines.append(("Could not load the \(what)", theme.warning))
    lines.append((error.message + (error.code.map { " [\($0)]" } ?? ""), theme.base))
    if let hint = error.hint { lines.append((hint, theme.dim)) }
    lines.append(("r to retry", theme.dim))
    return lines
}
