/// A Markdown text (a call summary) as values: what `Markdown.parse` reads with CommonMark's reference parser, and what
/// `Markdown.oneLine` and `Markdown.lines` show. HTML is kept as text; an image is read as a link to it.
public enum Markdown {
    public indirect enum Block: Equatable, Sendable {
        case paragraph([Inline])
        case heading(level: Int, [Inline])
        case list(List)
        /// The code's lines, without the fence or the indentation.
        case codeBlock(String)
        case blockQuote([Block])
        case thematicBreak
    }

    public struct List: Equatable, Sendable {
        public var ordered: Bool
        /// The first item's number (ordered lists).
        public var start: Int
        /// A tight list has no blank line between its items.
        public var tight: Bool
        public var items: [[Block]]

        public init(ordered: Bool, start: Int = 1, tight: Bool = true, items: [[Block]]) {
            self.ordered = ordered
            self.start = start
            self.tight = tight
            self.items = items
        }
    }

    public indirect enum Inline: Equatable, Sendable {
        case text(String)
        case strong([Inline])
        case emphasis([Inline])
        case code(String)
        case link([Inline], url: String)
        /// A line break in the source that is not a hard break: a space once reflowed.
        case softBreak
        case hardBreak
    }
}
