/// A border of box-drawing characters around a rectangle, with a title on the left and an optional one on the right.
/// Drawn as Unicode characters, not the terminal's alternate character set, so it never comes out as `lqqk`.
///
///     ┌ Inbox ─────────── 3 unread ┐
///     │                            │
///     └────────────────────────────┘
public struct Block: Sendable {
    /// The characters of a border.
    public struct Lines: Equatable, Sendable {
        public var horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight: String

        public init(horizontal: String, vertical: String, topLeft: String, topRight: String, bottomLeft: String,
                    bottomRight: String) {
            self.horizontal = horizontal
            self.vertical = vertical
            self.topLeft = topLeft
            self.topRight = topRight
            self.bottomLeft = bottomLeft
            self.bottomRight = bottomRight
        }

        public static let single = Lines(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└",
                                         bottomRight: "┘")
        public static let rounded = Lines(horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮", bottomLeft: "╰",
                                          bottomRight: "╯")
        public static let thick = Lines(horizontal: "━", vertical: "┃", topLeft: "┏", topRight: "┓", bottomLeft: "┗",
                                        bottomRight: "┛")
        public static let double = Lines(horizontal: "═", vertical: "║", topLeft: "╔", topRight: "╗", bottomLeft: "╚",
                                         bottomRight: "╝")
        /// For terminals without line drawing.
        public static let ascii = Lines(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+",
                                        bottomRight: "+")
    }

    public var title: String?
    public var rightTitle: String?
    /// A focused block draws with `focusedStyle` and `focusedLines`.
    public var focused: Bool
    public var style: Style
    public var focusedStyle: Style
    public var titleStyle: Style
    public var lines: Lines
    /// Lines for the focused block; thick lines keep focus visible even without colour.
    public var focusedLines: Lines
    /// Fills the inside with this style first (nil leaves it as it is).
    public var fill: Style?

    public init(title: String? = nil, rightTitle: String? = nil, focused: Bool = false, style: Style = .plain,
                focusedStyle: Style = Style(bold: true), titleStyle: Style = Style(bold: true), lines: Lines = .single,
                focusedLines: Lines? = nil, fill: Style? = nil) {
        self.title = title
        self.rightTitle = rightTitle
        self.focused = focused
        self.style = style
        self.focusedStyle = focusedStyle
        self.titleStyle = titleStyle
        self.lines = lines
        self.focusedLines = focusedLines ?? lines
        self.fill = fill
    }

    /// A block styled by `theme`: `border`/`borderFocused` for the lines, `title` for the titles, `base` inside.
    public init(title: String? = nil, rightTitle: String? = nil, focused: Bool = false, theme: Theme,
                lines: Lines = .single, focusedLines: Lines? = nil) {
        self.init(title: title, rightTitle: rightTitle, focused: focused, style: theme.border,
                  focusedStyle: theme.borderFocused, titleStyle: theme.title, lines: lines, focusedLines: focusedLines,
                  fill: theme.base)
    }

    /// The inside of a block drawn over `rect`.
    public static func inner(_ rect: Rect) -> Rect { rect.inset(by: 1) }

    /// Draws the border inside `rect` (never outside it) and returns the inside, where the content goes.
    /// A rectangle narrower or shorter than 2 cells gets no border and is returned whole.
    @discardableResult
    public func draw(in rect: Rect, on canvas: inout Canvas) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return rect }
        let lines = focused ? focusedLines : self.lines
        let border = focused ? focusedStyle : style
        let inner = Self.inner(rect)
        if let fill { canvas.fill(inner.intersection(canvas.bounds), style: fill) }
        let top = rect.y, bottom = rect.maxY - 1, left = rect.x, right = rect.maxX - 1
        for x in (left + 1)..<right {
            canvas.put(lines.horizontal, x: x, y: top, style: border, clippedTo: rect)
            canvas.put(lines.horizontal, x: x, y: bottom, style: border, clippedTo: rect)
        }
        for y in (top + 1)..<bottom {
            canvas.put(lines.vertical, x: left, y: y, style: border, clippedTo: rect)
            canvas.put(lines.vertical, x: right, y: y, style: border, clippedTo: rect)
        }
        canvas.put(lines.topLeft, x: left, y: top, style: border, clippedTo: rect)
        canvas.put(lines.topRight, x: right, y: top, style: border, clippedTo: rect)
        canvas.put(lines.bottomLeft, x: left, y: bottom, style: border, clippedTo: rect)
        canvas.put(lines.bottomRight, x: right, y: bottom, style: border, clippedTo: rect)
        drawTitles(top: top, left: left, right: right, rect: rect, border: border, on: &canvas)
        return inner
    }

    /// Titles sit on the top line between the corners, each with a space either side: `┌ Title ──── right ┐`.
    /// The left title wins the room; the right one is dropped when both do not fit.
    private func drawTitles(top: Int, left: Int, right: Int, rect: Rect, border: Style, on canvas: inout Canvas) {
        let room = right - left - 1  // cells between the corners
        var leftUsed = 0
        if let title, !title.isEmpty, room >= 3 {
            let text = " " + Truncate.fit(title, width: room - 2) + " "
            leftUsed = canvas.write(text, x: left + 1, y: top, style: titleStyle, clippedTo: rect)
        }
        if let rightTitle, !rightTitle.isEmpty {
            let available = room - leftUsed - (leftUsed > 0 ? 1 : 0)  // keep one line cell between the titles
            let width = Truncate.cells(rightTitle) + 2
            guard width <= available else { return }
            canvas.write(" " + rightTitle + " ", x: right - width, y: top, style: titleStyle, clippedTo: rect)
        }
    }
}
