import Foundation

/// Text wrapped to its rectangle by cell width (see `Wrap`): hard breaks kept, words moved whole, long words split by
/// cells. Wrapping goes through a `WrapCache`, so redrawing the same text at the same width costs a lookup.
public struct Paragraph: Sendable {
    public var text: String
    public var style: Style
    /// Wrapped lines skipped at the top (to scroll a long text).
    public var scroll: Int
    public var alignment: Truncate.Alignment
    public var cache: WrapCache?
    /// Occurrences of this text (case- and accent-insensitive, as the store's search) are drawn in `highlightStyle`
    /// laid over the text's style; an occurrence split by a line break is marked on neither line.
    public var highlight: String?
    public var highlightStyle: Style

    public init(_ text: String, style: Style = .plain, scroll: Int = 0, alignment: Truncate.Alignment = .left,
                cache: WrapCache? = .shared, highlight: String? = nil, highlightStyle: Style = Style(underline: true)) {
        self.text = text
        self.style = style
        self.scroll = scroll
        self.alignment = alignment
        self.cache = cache
        self.highlight = highlight
        self.highlightStyle = highlightStyle
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
            if let highlight, !highlight.isEmpty { mark(highlight, in: line, x: x, y: rect.y + row, rect: rect, on: &canvas) }
        }
        return shown.count
    }

    private func mark(_ term: String, in line: String, x: Int, y: Int, rect: Rect, on canvas: inout Canvas) {
        var searchStart = line.startIndex
        while searchStart < line.endIndex,
              let found = line.range(of: term, options: [.caseInsensitive, .diacriticInsensitive],
                                     range: searchStart..<line.endIndex) {
            let start = x + Truncate.cells(line[..<found.lowerBound])
            let width = Truncate.cells(line[found])
            canvas.restyle(Rect(x: start, y: y, width: width, height: 1).intersection(rect)) {
                $0 = $0.highlighted(by: highlightStyle)
            }
            searchStart = found.upperBound > found.lowerBound ? found.upperBound : line.index(after: found.lowerBound)
        }
    }
}
