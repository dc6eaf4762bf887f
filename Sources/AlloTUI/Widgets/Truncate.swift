/// Cutting and padding text to a number of terminal cells. Widths are `TextWidth`'s, with control characters counted as
/// the one-cell placeholders `Canvas.write` draws for them; a wide glyph is never cut in half.
public enum Truncate {
    /// Where the ellipsis goes when text is cut.
    public enum Position: Equatable, Sendable {
        /// `Hello, w…`: the start is kept (names, snippets).
        case end
        /// `…/themes/dark.toml`: the end is kept (paths, URLs).
        case start
    }

    /// `text` cut to at most `width` cells, with `ellipsis` (`…`) where text was removed. Text that fits is returned
    /// unchanged; a result narrower than `width` by one cell means a wide glyph did not fit.
    public static func fit(_ text: some StringProtocol, width: Int, ellipsis: String = "…",
                           position: Position = .end) -> String {
        guard width > 0 else { return "" }
        if cells(text) <= width { return String(text) }
        let ellipsisWidth = cells(ellipsis)
        guard ellipsisWidth <= width else { return prefix(ellipsis, width: width).text }
        switch position {
        case .end:
            return prefix(text, width: width - ellipsisWidth).text + ellipsis
        case .start:
            return ellipsis + suffix(text, width: width - ellipsisWidth).text
        }
    }

    /// The longest start of `text` at most `width` cells wide, and its width (no ellipsis).
    public static func prefix(_ text: some StringProtocol, width: Int) -> (text: String, width: Int) {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let w = cells(text[index])
            if used + w > width { break }
            used += w
            end = text.index(after: index)
        }
        return (String(text[..<end]), used)
    }

    /// The longest end of `text` at most `width` cells wide, and its width (no ellipsis).
    public static func suffix(_ text: some StringProtocol, width: Int) -> (text: String, width: Int) {
        var used = 0
        var start = text.endIndex
        while start > text.startIndex {
            let before = text.index(before: start)
            let w = cells(text[before])
            if used + w > width { break }
            used += w
            start = before
        }
        return (String(text[start...]), used)
    }

    /// How text sits in a wider field.
    public enum Alignment: Equatable, Sendable {
        case left, center, right
    }

    /// `text` fitted to exactly `width` cells: cut with an ellipsis when too wide, padded with spaces when narrower.
    public static func padded(_ text: some StringProtocol, width: Int, alignment: Alignment = .left,
                              ellipsis: String = "…") -> String {
        let fitted = fit(text, width: width, ellipsis: ellipsis)
        let room = max(0, width - cells(fitted))
        switch alignment {
        case .left: return fitted + String(repeating: " ", count: room)
        case .right: return String(repeating: " ", count: room) + fitted
        case .center:
            let left = room / 2
            return String(repeating: " ", count: left) + fitted + String(repeating: " ", count: room - left)
        }
    }

    /// Cells `text` takes once drawn by `Canvas.write` (control characters shown as one-cell placeholders).
    public static func cells(_ text: some StringProtocol) -> Int {
        var ascii = true
        for byte in text.utf8 where byte < 0x20 || byte >= 0x7F {
            ascii = false
            break
        }
        if ascii { return text.utf8.count }
        var total = 0
        for character in text { total += cells(character) }
        return total
    }

    /// Cells one grapheme cluster takes once drawn by `Canvas.write`.
    @inline(__always)
    public static func cells(_ character: Character) -> Int {
        if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F { return 1 }
        return TextWidth.of(Canvas.visible(character))
    }
}
