/// Text wrapped to its rectangle by cell width (see `Wrap`): hard breaks kept, words moved whole, long words split by
/// cells. Wrapping goes through a `WrapCache`, so redrawing the same text at the same width costs a lookup.
public struct Paragraph: Sendable {
    public var text: String
    public var style: Style
    /// Wrapped lines skipped at the top (to scroll a long text).
    public var scroll: Int
    public var alignment: Truncate.Alignment
    public var cache: WrapCache?

    public init(_ text: String, style: Style = .plain, scroll: Int = 0, alignment: Truncate.Alignment = .left,
                cache: WrapCache? = .shared) {
        self.text = text
        self.style = style
        self.scroll = scroll
        self.alignment = alignment
        self.cache = cache
    }

    /// The wrapped lines at `width`.
    public func lines(width: Int) -> [String] {
        cache?.lines(text, width: width) ?? Wrap.lines(text, width: width)
    }

    /// Lines the text takes at `width` (what a list row of this text needs).
    public func height(width: Int) -> Int { lines(width: width).count }

    /// Draws the lines from `scroll` into `rect`, clipped to it; returns the number of lines drawn.
    @discardableResult
    public func draw(in rect: Rect, on canvas: inout Canvas) -> Int {
        guard !rect.isEmpty else { return 0 }
        let all = lines(width: rect.width)
        let start = min(max(0, scroll), all.count)
        let shown = all[start..<min(all.count, start + rect.height)]
        for (row, line) in shown.enumerated() {
            var x = rect.x
            if alignment != .left {
                let room = max(0, rect.width - Truncate.cells(line))
                x += alignment == .right ? room : room / 2
            }
            canvas.write(line, x: x, y: rect.y + row, style: style, clippedTo: rect)
        }
        return shown.count
    }
}
