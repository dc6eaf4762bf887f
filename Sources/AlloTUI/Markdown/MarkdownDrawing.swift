extension Theme {
    /// How laid-out Markdown of each role is drawn: the summary roles, `base` for text, `dim` for URLs and markers.
    public func style(for role: Markdown.Role) -> Style {
        switch role {
        case .plain: base
        case .strong: strong
        case .emphasis: emphasis
        case .heading: heading
        case .code: code
        case .link: link
        case .linkURL, .marker: dim
        }
    }
}

extension Canvas {
    /// Writes a laid-out Markdown line on row `y` of `rect` from its left edge, each span in its role's style (control
    /// characters shown as placeholders, as `write` does); returns the columns used.
    @discardableResult
    public mutating func write(_ line: Markdown.Line, y: Int, theme: Theme, clippedTo rect: Rect) -> Int {
        var x = rect.x
        for span in line.spans {
            x += write(span.text, x: x, y: y, style: theme.style(for: span.role), clippedTo: rect)
        }
        return x - rect.x
    }
}
