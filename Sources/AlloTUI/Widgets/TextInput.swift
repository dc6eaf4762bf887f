/// An editable text field's view: the text and a cursor in, the visible part drawn and the cursor's screen position
/// out. The cursor is always kept in view. Editing itself (keys changing text and cursor) belongs to the caller.
///
/// - Single line: the text scrolls sideways; when the cursor is past the right edge it sits in the last column.
/// - Multi-line: the text is word wrapped (see `Wrap`) one cell narrower than the rectangle, so a cursor at the end of
///   a full line still has a cell; hard breaks start new lines; the lines scroll to keep the cursor's line in view.
///
/// Positions are counted in grapheme clusters (`Character`s): `cursor` is how many come before it (0…`text.count`).
public struct TextInput: Sendable {
    public var text: String
    public var cursor: Int
    public var multiline: Bool
    public var style: Style
    /// Shown, in `placeholderStyle`, while the text is empty.
    public var placeholder: String?
    public var placeholderStyle: Style
    /// Paints the cell under the cursor too (for a view drawn without the terminal's cursor); nil leaves it.
    public var cursorStyle: Style?
    /// The first wrapped line shown (multi-line), as last drawn; moved only as far as needed to show the cursor.
    public var scroll: Int

    public init(text: String, cursor: Int? = nil, multiline: Bool = false, style: Style = .plain,
                placeholder: String? = nil, placeholderStyle: Style = Style(dim: true), cursorStyle: Style? = nil,
                scroll: Int = 0) {
        self.text = text
        self.cursor = cursor ?? text.count
        self.multiline = multiline
        self.style = style
        self.placeholder = placeholder
        self.placeholderStyle = placeholderStyle
        self.cursorStyle = cursorStyle
        self.scroll = scroll
    }

    /// What a draw showed.
    public struct Drawn: Equatable, Sendable {
        /// Where the terminal's cursor goes; nil when the rectangle is empty.
        public var cursor: Point?
        /// The first line shown (multi-line) or the first character shown (single line); keep it as the next `scroll`.
        public var scroll: Int
        /// Wrapped lines of the whole text (1 for a single line).
        public var lineCount: Int
    }

    /// The cursor as (wrapped line, cell column) in a rectangle `width` cells wide.
    public func location(width: Int) -> (line: Int, column: Int) {
        let characters = Array(text)
        let cursor = min(max(0, self.cursor), characters.count)
        guard multiline else { return (0, cells(characters[0..<cursor])) }
        let lines = Wrap.ranges(characters, width: max(1, width - 1))
        let line = Self.line(of: cursor, in: lines)
        let range = lines[line]
        let column = cells(characters[range.lowerBound..<min(cursor, range.upperBound)]) + max(0, cursor - range.upperBound)
        return (line, min(column, max(0, width - 1)))
    }

    /// The cursor offset nearest to cell `column` on wrapped `line` (for ↑/↓ in a multi-line input), clamped to the text.
    public func offset(line: Int, column: Int, width: Int) -> Int {
        let characters = Array(text)
        let lines = multiline ? Wrap.ranges(characters, width: max(1, width - 1)) : [0..<characters.count]
        let range = lines[min(max(0, line), lines.count - 1)]
        var used = 0
        var index = range.lowerBound
        while index < range.upperBound {
            let w = Truncate.cells(characters[index])
            if used + w > column { break }
            used += w
            index += 1
        }
        return index
    }

    /// Draws the visible part into `rect` (clipped to it) and says where the cursor is.
    @discardableResult
    public func draw(in rect: Rect, on canvas: inout Canvas) -> Drawn {
        let area = rect.intersection(canvas.bounds)
        guard !area.isEmpty else { return Drawn(cursor: nil, scroll: scroll, lineCount: 1) }
        canvas.fill(area, style: style)
        let characters = Array(text)
        let cursor = min(max(0, self.cursor), characters.count)
        if characters.isEmpty {
            if let placeholder {
                if multiline {
                    Paragraph(placeholder, style: placeholderStyle, cache: nil).draw(in: area, on: &canvas)
                } else {
                    canvas.write(Truncate.fit(placeholder, width: area.width), x: area.x, y: area.y,
                                 style: placeholderStyle, clippedTo: area)
                }
            }
            paintCursor(at: Point(x: area.x, y: area.y), on: &canvas)
            return Drawn(cursor: Point(x: area.x, y: area.y), scroll: 0, lineCount: 1)
        }
        return multiline
            ? drawLines(characters, cursor: cursor, in: area, on: &canvas)
            : drawLine(characters, cursor: cursor, in: area, on: &canvas)
    }

    private func drawLine(_ characters: [Character], cursor: Int, in area: Rect, on canvas: inout Canvas) -> Drawn {
        // Scroll sideways only as far as needed: keep the old start when the cursor is still visible from it.
        var start = min(max(0, scroll), cursor)
        var before = cells(characters[start..<cursor])
        while before > area.width - 1, start < cursor {
            before -= Truncate.cells(characters[start])
            start += 1
        }
        var x = area.x
        var index = start
        while index < characters.count {
            let w = Truncate.cells(characters[index])
            if x + w > area.maxX { break }
            canvas.write(String(characters[index]), x: x, y: area.y, style: style, clippedTo: area)
            x += w
            index += 1
        }
        let point = Point(x: min(area.x + before, area.maxX - 1), y: area.y)
        paintCursor(at: point, on: &canvas)
        return Drawn(cursor: point, scroll: start, lineCount: 1)
    }

    private func drawLines(_ characters: [Character], cursor: Int, in area: Rect, on canvas: inout Canvas) -> Drawn {
        let lines = Wrap.ranges(characters, width: max(1, area.width - 1))
        let line = Self.line(of: cursor, in: lines)
        var first = min(max(0, scroll), max(0, lines.count - 1))
        if line < first { first = line }
        if line >= first + area.height { first = line - area.height + 1 }
        for row in 0..<min(area.height, lines.count - first) {
            let range = lines[first + row]
            canvas.write(String(characters[range]), x: area.x, y: area.y + row, style: style, clippedTo: area)
        }
        let range = lines[line]
        let column = cells(characters[range.lowerBound..<min(cursor, range.upperBound)]) + max(0, cursor - range.upperBound)
        let point = Point(x: area.x + min(column, area.width - 1), y: area.y + line - first)
        paintCursor(at: point, on: &canvas)
        return Drawn(cursor: point, scroll: first, lineCount: lines.count)
    }

    private func paintCursor(at point: Point, on canvas: inout Canvas) {
        guard let cursorStyle else { return }
        var x = point.x
        if canvas[x, point.y].glyph.isEmpty, x > 0 { x -= 1 }
        canvas[x, point.y].style = cursorStyle
        if x + 1 < canvas.size.width, canvas[x + 1, point.y].glyph.isEmpty { canvas[x + 1, point.y].style = cursorStyle }
    }

    /// The wrapped line holding `cursor`: the last line starting at or before it (a cursor between a full line and the
    /// next goes to the start of the next).
    private static func line(of cursor: Int, in lines: [Range<Int>]) -> Int {
        var low = 0
        var high = lines.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lines[middle].lowerBound <= cursor { low = middle } else { high = middle - 1 }
        }
        return low
    }

    private func cells(_ characters: ArraySlice<Character>) -> Int {
        var total = 0
        for character in characters { total += Truncate.cells(character) }
        return total
    }
}
