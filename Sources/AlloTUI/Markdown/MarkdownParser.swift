import CCmark

extension Markdown {
    /// Blocks nested deeper than this (a `>>>>…` quote, lists in lists) are read as their text alone, so hostile input
    /// cannot make the readers below recurse without end.
    static let maximumDepth = 12

    /// `text` read as CommonMark by libcmark. Never fails: what is not Markdown is text.
    public static func parse(_ text: String) -> [Block] {
        guard !text.isEmpty else { return [] }
        var source = text
        let root = source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_DEFAULT) }
        }
        guard let root else { return [] }
        defer { cmark_node_free(root) }
        return blocks(under: root, depth: 0)
    }

    private static func children(_ node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        // libcmark's pointers have no nullability annotations: kept optional, as the last child's `next` is NULL.
        var child: OpaquePointer? = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    private static func blocks(under node: OpaquePointer, depth: Int) -> [Block] {
        children(node).compactMap { block($0, depth: depth + 1) }
    }

    private static func block(_ node: OpaquePointer, depth: Int) -> Block? {
        if depth > maximumDepth {
            let text = flatText(node)
            return text.isEmpty ? nil : .paragraph([.text(text)])
        }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(inlines(under: node, depth: depth))
        case CMARK_NODE_HEADING:
            return .heading(level: Int(cmark_node_get_heading_level(node)), inlines(under: node, depth: depth))
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            return .list(List(ordered: ordered, start: ordered ? Int(cmark_node_get_list_start(node)) : 1,
                              tight: cmark_node_get_list_tight(node) != 0,
                              items: children(node).map { blocks(under: $0, depth: depth + 1) }))
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(withoutFinalNewline(literal(node)))
        case CMARK_NODE_HTML_BLOCK:
            let lines = withoutFinalNewline(literal(node)).split(separator: "\n", omittingEmptySubsequences: false)
            return .paragraph(Array(lines.map { [Inline.text(String($0))] }.joined(separator: [.hardBreak])))
        case CMARK_NODE_BLOCK_QUOTE:
            return .blockQuote(blocks(under: node, depth: depth))
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak
        default:
            return nil
        }
    }

    private static func inlines(under node: OpaquePointer, depth: Int) -> [Inline] {
        var result: [Inline] = []
        for child in children(node) {
            for inline in self.inline(child, depth: depth + 1) {
                // The parser splits text where a marker did not match (`a*b`); one run of text reads better.
                if case .text(let next) = inline, case .text(let previous)? = result.last {
                    result[result.count - 1] = .text(previous + next)
                } else {
                    result.append(inline)
                }
            }
        }
        return result
    }

    private static func inline(_ node: OpaquePointer, depth: Int) -> [Inline] {
        if depth > maximumDepth { return [.text(flatText(node))] }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_HTML_INLINE: return [.text(literal(node))]
        case CMARK_NODE_SOFTBREAK: return [.softBreak]
        case CMARK_NODE_LINEBREAK: return [.hardBreak]
        case CMARK_NODE_CODE: return [.code(literal(node))]
        case CMARK_NODE_EMPH: return [.emphasis(inlines(under: node, depth: depth))]
        case CMARK_NODE_STRONG: return [.strong(inlines(under: node, depth: depth))]
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            return [.link(inlines(under: node, depth: depth), url: cmark_node_get_url(node).map { String(cString: $0) } ?? "")]
        default: return inlines(under: node, depth: depth)
        }
    }

    private static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    private static func withoutFinalNewline(_ text: String) -> String {
        text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    /// The text of every node under `node`, walked without recursion; breaks become spaces.
    private static func flatText(_ node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK:
                text += literal(current)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                if !text.isEmpty, text.last != " " { text += " " }
            default:
                break
            }
        }
        return String(text.map { Wrap.isHardBreak($0) ? " " : $0 })
    }
}
