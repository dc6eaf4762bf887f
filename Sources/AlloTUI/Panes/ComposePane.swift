import AlloKit
import AlloStore

/// The compose box: the text with its cursor, then a line for what blocks sending or for the confirmation, then a
/// footer with length, encoding, segments and the sender.
enum ComposePane {
    /// Draws the box; returns where the terminal's cursor goes while the box has the keyboard.
    @discardableResult
    static func draw(_ state: AppState, in rect: Rect, on canvas: inout Canvas, context: PaneContext) -> Point? {
        let theme = context.theme
        let compose = state.compose
        let focused = context.focus == .compose
        let to = compose.recipient.isEmpty ? nil : "to " + compose.recipient
        let inside = Block(title: "Compose", rightTitle: to, focused: focused, theme: theme).draw(in: rect, on: &canvas)
        guard inside.height >= 1 else { return nil }

        let footer = Rect(x: inside.x, y: inside.maxY - 1, width: inside.width, height: 1)
        canvas.writeRow(footerText(compose), leftStyle: theme.dim, right: nil, rightStyle: theme.dim, y: footer.y,
                        in: footer)
        var textArea = Rect(x: inside.x, y: inside.y, width: inside.width, height: inside.height - 1)
        if let (line, style) = promptLine(compose, theme: theme), textArea.height >= 2 {
            let y = textArea.maxY - 1
            canvas.write(Truncate.fit(line, width: inside.width), x: inside.x, y: y, style: style, clippedTo: inside)
            textArea.height -= 1
        }
        guard !textArea.isEmpty else { return nil }
        let input = TextInput(text: compose.text, cursor: compose.cursor, multiline: textArea.height > 1,
                              style: theme.base,
                              placeholder: focused ? "Type a message · Enter sends · Alt-Enter new line · Esc leaves"
                                  : "c to write",
                              placeholderStyle: theme.dim,
                              cursorStyle: focused && !compose.confirming ? theme.selection : nil)
        let drawn = input.draw(in: textArea, on: &canvas)
        return focused && !compose.confirming ? drawn.cursor : nil
    }

    /// `42 chars · GSM-7 · 1 segment (118 left) · from +33 1 23 45 67 89`.
    static func footerText(_ compose: ComposeState) -> String {
        let info = compose.validation.segments
        let encoding = info.encoding == .gsm7 ? "GSM-7" : "UCS-2"
        let count = compose.text.count
        var parts = ["\(count) char\(count == 1 ? "" : "s")", encoding,
                     "\(info.segments) segment\(info.segments == 1 ? "" : "s")"
                        + (info.segments > 0 ? " (\(info.remainingInSegment) left)" : "")]
        parts.append("from " + Format.sender(compose.sender))
        return parts.joined(separator: " · ")
    }

    /// The confirmation while confirming; else the first problem blocking the send, once there is text.
    static func promptLine(_ compose: ComposeState, theme: Theme) -> (String, Style)? {
        if compose.confirming {
            let n = compose.validation.segments.segments
            return ("Send \(n) segment\(n == 1 ? "" : "s") to \(compose.recipient) from \(Format.sender(compose.sender))? [y/N]",
                    theme.selection)
        }
        let problems = compose.validation.problems
        guard let first = problems.first, !compose.text.isEmpty else { return nil }
        return ("! " + first + (problems.count > 1 ? " (+\(problems.count - 1) more)" : ""), theme.warning)
    }
}
