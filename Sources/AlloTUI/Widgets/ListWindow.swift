public import AlloStore

/// A window over `count` rows: draws only the rows that are visible, so its cost is proportional to the window,
/// never to the length of the list. Rows are drawn by a closure; the widget paints the selection bar and, when the
/// list is longer than the window, a scroll indicator in the rightmost column.
///
///     ListWindow(count: items.count, cursor: state.cursor, focused: true, theme: theme)
///         .draw(in: rect, on: &canvas) { canvas, row in
///             canvas.write(items[row.index].title, x: row.rect.x, y: row.rect.y, style: row.style,
///                          clippedTo: row.rect)
///         }
public struct ListWindow: Sendable {
    /// One row to draw: where, and whether it is the selection.
    public struct Row: Sendable {
        public var index: Int
        /// Where the row goes (height 1 unless a `rowHeight` said otherwise); draw inside it.
        public var rect: Rect
        public var isSelected: Bool
        /// The style to draw the row's main text in: the selection style on the selected row, else the base style.
        public var style: Style
    }

    public var count: Int
    public var selected: Int
    /// The first row shown, as the list cursor has it; adjusted when drawing so the selection is always in view.
    public var offset: Int
    public var focused: Bool
    public var style: Style
    public var selectionStyle: Style
    public var unfocusedSelectionStyle: Style
    /// Whether to show where the window is in the list (a thumb on a track, in the rightmost column).
    public var showsScrollIndicator: Bool
    public var trackGlyph: String
    public var thumbGlyph: String
    public var trackStyle: Style
    public var thumbStyle: Style
    /// Where rows sit when they all fit: at the top (lists) or at the bottom (a chat timeline, newest last).
    public var anchor: Anchor

    public enum Anchor: Equatable, Sendable {
        case top, bottom
    }

    public init(count: Int, selected: Int, offset: Int, focused: Bool = true, style: Style = .plain,
                selectionStyle: Style = Style(reverse: true), unfocusedSelectionStyle: Style = Style(underline: true),
                showsScrollIndicator: Bool = true, trackGlyph: String = "│", thumbGlyph: String = "┃",
                trackStyle: Style = Style(dim: true), thumbStyle: Style = .plain, anchor: Anchor = .top) {
        self.count = max(0, count)
        self.selected = selected
        self.offset = offset
        self.focused = focused
        self.style = style
        self.selectionStyle = selectionStyle
        self.unfocusedSelectionStyle = unfocusedSelectionStyle
        self.showsScrollIndicator = showsScrollIndicator
        self.trackGlyph = trackGlyph
        self.thumbGlyph = thumbGlyph
        self.trackStyle = trackStyle
        self.thumbStyle = thumbStyle
        self.anchor = anchor
    }

    /// A window at the store's list cursor, styled by `theme` (`selection`, `selectionUnfocused`, `dim` track,
    /// `border` thumb).
    public init(count: Int, cursor: ListCursor, focused: Bool = true, theme: Theme, showsScrollIndicator: Bool = true,
                anchor: Anchor = .top) {
        self.init(count: count, selected: cursor.selected, offset: cursor.offset, focused: focused, style: theme.base,
                  selectionStyle: theme.selection, unfocusedSelectionStyle: theme.selectionUnfocused,
                  showsScrollIndicator: showsScrollIndicator, trackStyle: theme.dim, thumbStyle: theme.borderFocused,
                  anchor: anchor)
    }

    /// What a draw showed.
    public struct Drawn: Equatable, Sendable {
        /// The rows drawn, in order (possibly the last one cut by the bottom edge).
        public var rows: Range<Int>
        /// The first row shown (the offset after keeping the selection in view).
        public var offset: Int
        /// Whether the scroll indicator took the rightmost column.
        public var scrollIndicator: Bool
    }

    /// Draws the visible rows into `rect` by calling `row` once for each (and for nothing else), then the selection bar
    /// and the scroll indicator. Only the rows are drawn: the space below (or, anchored at the bottom, above) a short
    /// list is left as it was. `rowHeight` gives variable heights (wrapped messages); it is asked only about rows
    /// near the window. A row taller than the space left is drawn cut: its `rect` is clipped to the window.
    @discardableResult
    public func draw(in rect: Rect, on canvas: inout Canvas, rowHeight: ((Int) -> Int)? = nil,
                     row drawRow: (inout Canvas, Row) -> Void) -> Drawn {
        let area = rect.intersection(canvas.bounds)
        guard !area.isEmpty, count > 0 else {
            return Drawn(rows: 0..<0, offset: 0, scrollIndicator: false)
        }
        let heightOf: (Int) -> Int = { index in max(1, rowHeight?(index) ?? 1) }
        let selected = min(max(selected, 0), count - 1)
        let allFit = fits(in: area.height, heightOf)
        let indicator = showsScrollIndicator && area.width > 1 && !allFit
        let rowWidth = area.width - (indicator ? 1 : 0)
        let first = allFit ? 0 : firstRow(height: area.height, selected: selected, heightOf)

        var y = area.y
        if allFit, anchor == .bottom {
            var total = 0
            for index in 0..<count { total += heightOf(index) }
            y = area.maxY - total
        }
        var index = first
        while index < count, y < area.maxY {
            let height = min(heightOf(index), area.maxY - y)
            let rowRect = Rect(x: area.x, y: y, width: rowWidth, height: height)
            let isSelected = index == selected
            let rowStyle = isSelected ? (focused ? selectionStyle : unfocusedSelectionStyle) : style
            canvas.fill(rowRect, style: rowStyle)
            drawRow(&canvas, Row(index: index, rect: rowRect, isSelected: isSelected, style: rowStyle))
            if isSelected { canvas.restyle(rowRect) { $0 = $0.highlighted(by: rowStyle) } }
            y += height
            index += 1
        }
        if indicator { drawIndicator(in: area, first: first, visible: index - first) }
        return Drawn(rows: first..<index, offset: first, scrollIndicator: indicator)

        func drawIndicator(in area: Rect, first: Int, visible: Int) {
            let x = area.maxX - 1
            let track = area.height
            let thumb = min(track, max(1, track * visible / count))
            let last = max(1, count - visible)
            let top = first >= last ? track - thumb : (track - thumb) * first / last
            for row in 0..<track {
                let inThumb = row >= top && row < top + thumb
                canvas.put(inThumb ? thumbGlyph : trackGlyph, x: x, y: area.y + row,
                           style: inThumb ? thumbStyle : trackStyle, clippedTo: area)
            }
        }
    }

    /// Whether all rows fit in `height` lines (asks about at most `height` rows).
    private func fits(in height: Int, _ heightOf: (Int) -> Int) -> Bool {
        guard count <= height else { return false }
        var total = 0
        for index in 0..<count {
            total += heightOf(index)
            if total > height { return false }
        }
        return true
    }

    /// The first row to show: the cursor's offset, moved just enough to bring the selection into view.
    private func firstRow(height: Int, selected: Int, _ heightOf: (Int) -> Int) -> Int {
        var first = min(max(offset, 0), count - 1)
        if selected < first { return selected }
        // Is the selection's whole row visible from `first`?
        var used = 0
        var index = first
        while index < selected, used < height {
            used += heightOf(index)
            index += 1
        }
        if index == selected, used + heightOf(selected) <= height { return first }
        // Scroll so the selection is the last row shown (walking back from it, never further than one window).
        used = heightOf(selected)
        first = selected
        while first > 0, used + heightOf(first - 1) <= height {
            used += heightOf(first - 1)
            first -= 1
        }
        return first
    }
}

extension Style {
    /// This style with a highlight laid over it: the highlight's colours where it sets them, and its attributes added.
    /// How a selection bar keeps a row's own colours readable underneath.
    public func highlighted(by highlight: Style) -> Style {
        var style = self
        if highlight.foreground != .default { style.foreground = highlight.foreground }
        if highlight.background != .default { style.background = highlight.background }
        style.bold = style.bold || highlight.bold
        style.dim = style.dim && !highlight.bold
        style.italic = style.italic || highlight.italic
        style.underline = style.underline || highlight.underline
        style.reverse = style.reverse || highlight.reverse
        return style
    }
}
