/// A box centred over the canvas for help, prompts and confirmations: it blanks what is beneath, draws a `Block`, and
/// gives back the inside for the content.
///
///     let inside = Overlay(title: "Help", size: Size(width: 60, height: 20), theme: theme).draw(on: &canvas)
///     Paragraph(helpText, style: theme.base).draw(in: inside, on: &canvas)
public struct Overlay: Sendable {
    public var block: Block
    /// The outer size wanted, border included; shrunk to the area when larger.
    public var size: Size
    /// Cells kept free around the box when it has to shrink.
    public var margin: Int

    public init(block: Block, size: Size, margin: Int = 1) {
        self.block = block
        self.size = size
        self.margin = margin
    }

    /// An overlay styled by `theme`, drawn focused (it has the keyboard).
    public init(title: String? = nil, rightTitle: String? = nil, size: Size, theme: Theme, margin: Int = 1) {
        self.init(block: Block(title: title, rightTitle: rightTitle, focused: true, theme: theme), size: size,
                  margin: margin)
    }

    /// An overlay just big enough for `lines` of text (plus a border and one cell of padding each side), at most
    /// `maxWidth` wide.
    public static func fitting(_ lines: [String], title: String? = nil, theme: Theme, maxWidth: Int = 76) -> Overlay {
        let textWidth = max(lines.map { Truncate.cells($0) }.max() ?? 0, Truncate.cells(title ?? "") + 2)
        return Overlay(title: title, size: Size(width: min(maxWidth, textWidth + 4), height: lines.count + 2),
                       theme: theme)
    }

    /// Where the box goes in `area`: centred, shrunk to leave `margin` free on every side when it is too large.
    public func frame(in area: Rect) -> Rect {
        let room = Rect(x: area.x + margin, y: area.y + margin, width: area.width - 2 * margin,
                        height: area.height - 2 * margin)
        let available = room.isEmpty ? area : room
        return area.centered(Size(width: min(size.width, available.width), height: min(size.height, available.height)))
    }

    /// Clears the box's frame in `area` (the whole canvas by default), draws its border and returns the inside,
    /// padded by one cell left and right.
    @discardableResult
    public func draw(on canvas: inout Canvas, in area: Rect? = nil) -> Rect {
        let frame = frame(in: (area ?? canvas.bounds).intersection(canvas.bounds))
        guard !frame.isEmpty else { return frame }
        // A wide glyph straddling the frame's edge would spill into the box: blank its outer half first.
        for y in frame.y..<frame.maxY {
            if frame.x > 0, canvas[frame.x, y].glyph.isEmpty { canvas[frame.x - 1, y].glyph = " " }
            if frame.maxX < canvas.size.width, canvas[frame.maxX, y].glyph.isEmpty { canvas[frame.maxX, y].glyph = " " }
        }
        canvas.fill(frame, style: block.fill ?? .plain)
        let inner = block.draw(in: frame, on: &canvas)
        guard inner.width > 2 else { return inner }
        return Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
    }
}
