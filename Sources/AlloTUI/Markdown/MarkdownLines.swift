extension Markdown {
    /// What a piece of laid-out text is, for the theme (or the CLI's escape codes) to style.
    public enum Role: Equatable, Hashable, Sendable {
        case plain, strong, emphasis, heading, code
        /// A link's text.
        case link
        /// The URL shown after a link's text, `(url)`.
        case linkURL
        /// A bullet, a number, a quote bar, a rule.
        case marker
    }

    public struct Span: Equatable, Sendable {
        public var text: String
        public var role: Role

        public init(_ text: String, _ role: Role) {
            self.text = text
            self.role = role
        }
    }

    /// One line of laid-out text; an empty line separates blocks.
    public struct Line: Equatable, Sendable {
        public var spans: [Span]

        public init(_ spans: [Span] = []) { self.spans = spans }

        /// The line's text without its roles.
        public var text: String { spans.map(\.text).joined() }
    }

    /// `blocks` laid out in lines of at most `width` cells: a blank line between blocks, headings on their own line,
    /// lists with `• ` or `1. ` and hanging indents (nested lists further in), quotes behind `│ `. Words wrap as `Wrap`
    /// wraps text (a word longer than the line is cut by cells). Indents are kept even when they leave less than a
    /// cell, so only a pane narrower than its nesting gets lines wider than `width`.
    public static func lines(_ blocks: [Block], width: Int) -> [Line] {
        layout(blocks, width: max(1, width), separated: true)
    }

    /// `text` read as Markdown and laid out at `width` (see `lines(_:width:)` for blocks).
    public static func lines(_ text: String, width: Int) -> [Line] { lines(parse(text), width: width) }

    /// The most cells a thematic break (`---`) takes.
    static let ruleWidth = 24

    private static func layout(_ blocks: [Block], width: Int, separated: Bool) -> [Line] {
        var result: [Line] = []
        for block in blocks {
            if separated, !result.isEmpty { result.append(Line()) }
            result += layout(block, width: width)
        }
        return result
    }

    private static func layout(_ block: Block, width: Int) -> [Line] {
        switch block {
        case .paragraph(let inlines):
            return wrap(spans(inlines, role: .plain), width: width)
        case .heading(_, let inlines):
            return wrap(spans(inlines, role: .heading), width: width)
        case .codeBlock(let code):
            return wrap([Span(code, .code)], width: width)
        case .blockQuote(let inner):
            let bar = Span("│ ", .marker)
            return hang(layout(inner, width: max(1, width - 2), separated: true), first: bar, rest: bar)
        case .thematicBreak:
            // Short: a full-width rule would read as the line under the summary (and text printed unwrapped has none).
            return [Line([Span(String(repeating: "─", count: min(width, ruleWidth)), .marker)])]
        case .list(let list):
            let markers = list.items.indices.map { list.ordered ? "\(list.start + $0)." : "•" }
            let indent = (markers.map { TextWidth.of($0) }.max() ?? 0) + 1
            var result: [Line] = []
            for (item, marker) in zip(list.items, markers) {
                if !list.tight, !result.isEmpty { result.append(Line()) }
                let body = layout(item, width: max(1, width - indent), separated: !list.tight)
                let padded = marker + String(repeating: " ", count: indent - TextWidth.of(marker))
                result += hang(body.isEmpty ? [Line()] : body, first: Span(padded, .marker),
                               rest: Span(String(repeating: " ", count: indent), .plain))
            }
            return result
        }
    }

    /// `first` before the first line and `rest` before the others; an empty line gets only `rest`'s visible part.
    private static func hang(_ lines: [Line], first: Span, rest: Span) -> [Line] {
        lines.enumerated().map { index, line in
            let prefix = index == 0 ? first : rest
            if line.spans.isEmpty, index > 0 {
                let visible = String(prefix.text.reversed().drop { $0 == " " }.reversed())
                return Line(visible.isEmpty ? [] : [Span(visible, prefix.role)])
            }
            return Line([prefix] + line.spans)
        }
    }

    /// The spans of inlines: markers dropped, a link followed by its URL. The innermost of strong and emphasis wins;
    /// code stays code; text in a heading or a link keeps that role.
    private static func spans(_ inlines: [Inline], role: Role) -> [Span] {
        func inner(_ wanted: Role) -> Role { role == .heading || role == .link ? role : wanted }
        var result: [Span] = []
        for inline in inlines {
            switch inline {
            case .text(let text): result.append(Span(text, role))
            case .code(let code): result.append(Span(code, .code))
            case .strong(let children): result += spans(children, role: inner(.strong))
            case .emphasis(let children): result += spans(children, role: inner(.emphasis))
            case .link(let children, let url):
                result += spans(children, role: .link)
                // An autolink (`<https://…>`) is its own text: the URL once is enough.
                let text = plain(children)
                if !url.isEmpty, url != text, url != "mailto:" + text { result.append(Span(" (\(url))", .linkURL)) }
            case .softBreak: result.append(Span(" ", role))
            case .hardBreak: result.append(Span("\n", role))
            }
        }
        return result
    }

    /// `spans` wrapped by `Wrap` as one text, each line cut back into spans of one role.
    private static func wrap(_ spans: [Span], width: Int) -> [Line] {
        var characters: [Character] = []
        var roles: [Role] = []
        for span in spans {
            for character in span.text {
                characters.append(character)
                roles.append(span.role)
            }
        }
        return Wrap.ranges(characters, width: width).map { range in
            var line: [Span] = []
            for index in range {
                if line.last?.role == roles[index] {
                    line[line.count - 1].text.append(characters[index])
                } else {
                    line.append(Span(String(characters[index]), roles[index]))
                }
            }
            return Line(line)
        }
    }
}
