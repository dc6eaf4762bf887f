extension Markdown {
    /// The text of `blocks` on one line, for previews: no marker at all (`**`, `_`, `- `, `1.`, `#`, `>`), a link as
    /// its text, breaks as spaces, runs of spaces as one; blocks and list items joined by " · ".
    public static func oneLine(_ blocks: [Block]) -> String {
        var parts: [String] = []
        collect(blocks, into: &parts)
        return parts.joined(separator: " · ")
    }

    /// `text` read as Markdown, on one line (see `oneLine(_:)` for blocks).
    public static func oneLine(_ text: String) -> String { oneLine(parse(text)) }

    private static func collect(_ blocks: [Block], into parts: inout [String]) {
        for block in blocks {
            switch block {
            case .paragraph(let inlines), .heading(_, let inlines):
                append(plain(inlines), to: &parts)
            case .codeBlock(let code):
                append(code, to: &parts)
            case .list(let list):
                for item in list.items { collect(item, into: &parts) }
            case .blockQuote(let inner):
                collect(inner, into: &parts)
            case .thematicBreak:
                break
            }
        }
    }

    private static func append(_ text: String, to parts: inout [String]) {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || Wrap.isHardBreak($0) })
        if !words.isEmpty { parts.append(words.joined(separator: " ")) }
    }

    /// The text of inlines without their markers.
    static func plain(_ inlines: [Inline]) -> String {
        var text = ""
        for inline in inlines {
            switch inline {
            case .text(let value), .code(let value): text += value
            case .strong(let inner), .emphasis(let inner), .link(let inner, _): text += plain(inner)
            case .softBreak, .hardBreak: text += " "
            }
        }
        return text
    }
}
