/// One cell of the grid.
public struct Cell: Equatable, Hashable, Sendable {
    /// The grapheme drawn here; `" "` for blank, and `""` for the right half of a two-cell glyph on its left.
    public var glyph: String
    public var style: Style

    public init(glyph: String = " ", style: Style = .plain) {
        self.glyph = glyph
        self.style = style
    }
}

/// A value-type grid of styled cells: what a frame looks like, before any terminal is involved.
/// Panes draw into it; the terminal layer copies it out; tests compare its text.
public struct Canvas: Equatable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size, style: Style = .plain) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        cells = Array(repeating: Cell(style: style), count: self.size.width * self.size.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
        set { cells[y * size.width + x] = newValue }
    }

    /// Blanks `rect` (clipped to the canvas) with `style`.
    public mutating func fill(_ rect: Rect, style: Style) {
        let area = clip(rect)
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { self[x, y] = Cell(style: style) }
        }
    }

    /// Changes the style of every cell in `rect`, keeping the glyphs (a selection bar, a dimmed pane).
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        let area = clip(rect)
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { change(&cells[y * size.width + x].style) }
        }
    }

    /// Writes `text` on one line from column `x`, never past `x + maxWidth` nor the canvas edge; returns the columns used.
    /// Control characters and escape sequences from the text are drawn as visible placeholders (`␛`, `␇`, `�`) and never
    /// reach the terminal raw. A two-cell glyph that does not fit is replaced by a space.
    @discardableResult
    public mutating func write(_ text: some StringProtocol, x: Int, y: Int, style: Style, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < size.height, x < size.width else { return 0 }
        let limit = min(size.width, maxWidth.map { x + max(0, $0) } ?? size.width)
        var column = x
        for character in text {
            if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F {
                if column >= limit { break }
                put(Glyph(String(character), width: 1), x: column, y: y, style: style)
                column += 1
                continue
            }
            // A lone combining mark takes no room and is left out; a cluster may be drawn in pieces (`GraphemeMode`).
            for glyph in TextWidth.glyphs(of: Self.visible(character)) {
                if column + glyph.width > limit {
                    if glyph.width == 2, column < limit, column >= 0 { self[column, y] = Cell(glyph: " ", style: style) }
                    return max(0, min(limit, column + 1) - x)
                }
                put(glyph, x: column, y: y, style: style)
                column += glyph.width
            }
        }
        return max(0, column - x)
    }

    /// One glyph in its cell (and a two-cell glyph's right half, empty), never leaving half of a wide glyph behind.
    private mutating func put(_ glyph: Glyph, x: Int, y: Int, style: Style) {
        guard x >= 0 else { return }
        clearWideGlyph(at: x, y: y)
        self[x, y] = Cell(glyph: glyph.text, style: style)
        if glyph.width == 2 {
            clearWideGlyph(at: x + 1, y: y)
            self[x + 1, y] = Cell(glyph: "", style: style)
        }
    }

    /// The canvas as text, one string per row, trailing blanks kept (snapshots compare exact columns).
    public func rows() -> [String] {
        (0..<size.height).map { y in
            var line = ""
            for x in 0..<size.width { line += self[x, y].glyph }
            return line
        }
    }

    /// A placeholder for characters that must not reach the terminal raw: C0 controls as their control pictures (`␛`,
    /// `␇`), DEL as `␡`, C1 controls and the bidirectional controls as `�` (so U+202E cannot reorder a row).
    public static func visible(_ character: Character) -> Character {
        guard let first = character.unicodeScalars.first else { return character }
        let value = first.value
        if value == 0x1B { return "␛" }
        if value < 0x20 { return Character(Unicode.Scalar(0x2400 + value)!) }
        if value == 0x7F { return "␡" }
        if (0x80..<0xA0).contains(value) { return "�" }
        if character.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) || isBidiControl($0) }) {
            return "�"
        }
        return character
    }

    /// LRM, RLM, ALM and the embedding, override and isolate controls.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    private func clip(_ rect: Rect) -> Rect {
        let x0 = max(0, rect.x), y0 = max(0, rect.y)
        return Rect(x: x0, y: y0, width: min(size.width, rect.maxX) - x0, height: min(size.height, rect.maxY) - y0)
    }

    /// Overwriting half of a two-cell glyph blanks its other half, so no half glyph is ever left on screen.
    private mutating func clearWideGlyph(at x: Int, y: Int) {
        guard x >= 0, x < size.width else { return }
        if self[x, y].glyph.isEmpty, x > 0 { self[x - 1, y].glyph = " " }
        if x + 1 < size.width, self[x + 1, y].glyph.isEmpty { self[x + 1, y].glyph = " " }
    }
}
