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
        canvas.writeRow(footerText(compose), leftStyle: theme.dim, right: "from " + Format.sender(compose.sender),
                        rightStyle: theme.dim, y: footer.y, in: footer)
        var textArea = Rect(x: inside.x, y: inside.y, width: inside.width, height: inside.height - 1)
        if let (line, style) = promptLine(compose, theme: theme), textArea.height >= 2 {
            // The prompt or problem wraps onto two lines at most, always leaving one for the text.
            let lines = WrapCache.shared.lines(line, width: max(1, inside.width))
            let shown = min(lines.count, 2, textArea.height - 1)
            for (row, text) in lines.prefix(shown).enumerated() {
                let cut = row == shown - 1 && shown < lines.count ? Truncate.fit(text + "…", width: inside.width) : text
                canvas.write(cut, x: inside.x, y: textArea.maxY - shown + row, style: style, clippedTo: inside)
            }
            textArea.height -= shown
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

    /// `80/160 · GSM-7 · 1 segment`: the length in the encoding's units (septets, UTF-16 units) against what the
    /// segments hold, the encoding, the segment count. The sender goes on the right.
    static func footerText(_ compose: ComposeState) -> String {
        let info = compose.validation.segments
        let encoding = info.encoding == .gsm7 ? "GSM-7" : "UCS-2"
        let capacity = info.perSegment * max(1, info.segments)
        return "\(info.units)/\(capacity) · \(encoding) · \(info.segments) segment\(info.segments == 1 ? "" : "s")"
    }

    /// The confirmation while confirming; else the first problem blocking the send, once there is text.
    static func promptLine(_ compose: ComposeState, theme: Theme) -> (String, Style)? {
        if compose.confirming {
            if compose.unknownText == compose.text { return (MessageLine.resendQuestion, theme.warning) }
            let n = compose.validation.segments.segments
            return ("Send \(n) segment\(n == 1 ? "" : "s") to \(compose.recipient) from \(Format.sender(compose.sender))? [y/N]",
                    theme.selection)
        }
        let problems = compose.validation.problems
        guard let first = problems.first, !compose.text.isEmpty else { return nil }
        return ("! " + first + (problems.count > 1 ? " (+\(problems.count - 1) more)" : ""), theme.warning)
    }
}
