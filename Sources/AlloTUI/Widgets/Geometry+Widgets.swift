/// A cell position on the canvas (column `x`, row `y`), such as where the terminal should show its cursor.
public struct Point: Equatable, Hashable, Sendable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

extension Rect {
    /// The part of this rectangle inside `other` (empty, at this origin, when they do not meet).
    public func intersection(_ other: Rect) -> Rect {
        let x0 = max(x, other.x), y0 = max(y, other.y)
        let x1 = min(maxX, other.maxX), y1 = min(maxY, other.maxY)
        guard x1 > x0, y1 > y0 else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// A rectangle of `size` centred in this one, shrunk to fit.
    public func centered(_ size: Size) -> Rect {
        let w = min(max(0, size.width), width), h = min(max(0, size.height), height)
        return Rect(x: x + (width - w) / 2, y: y + (height - h) / 2, width: w, height: h)
    }

    /// Whether the cell at (`x`, `y`) is inside.
    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }
}

extension Canvas {
    /// Writes `text` on row `y` of `rect` from column `x`, clipped to the rectangle (and the canvas); returns the columns
    /// used. Widgets draw through this so they never draw outside their rectangle.
    @discardableResult
    public mutating func write(_ text: some StringProtocol, x: Int, y: Int, style: Style, clippedTo rect: Rect) -> Int {
        let area = rect.intersection(bounds)
        guard y >= area.y, y < area.maxY, x < area.maxX, !area.isEmpty else { return 0 }
        if x >= area.x { return write(text, x: x, y: y, style: style, maxWidth: area.maxX - x) }
        // Starts left of the rectangle: skip the cells that fall outside, never drawing half a wide glyph.
        var column = x
        var rest = Substring(text)
        while let first = rest.first, column < area.x {
            column += Truncate.cells(first)
            rest = rest.dropFirst()
        }
        var used = column - x
        if column > area.x {
            // A wide glyph straddled the left edge: its visible half is a blank.
            self[area.x, y] = Cell(glyph: " ", style: style)
        }
        used += write(rest, x: column, y: y, style: style, maxWidth: area.maxX - column)
        return used
    }

    /// Sets one cell when it lies inside `rect` and the canvas.
    public mutating func put(_ glyph: String, x: Int, y: Int, style: Style, clippedTo rect: Rect) {
        guard rect.contains(x: x, y: y), bounds.contains(x: x, y: y) else { return }
        write(glyph, x: x, y: y, style: style, maxWidth: 1)
    }
}
