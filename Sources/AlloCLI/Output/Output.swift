import AlloKit
import AlloTUI
import Foundation

/// How a command prints: JSON for machines (`--json`), aligned tables and wrapped text for people, fitted to the
/// terminal's width, in colour only on a terminal without `NO_COLOR`. Notes and progress go to stderr.
struct Output: Sendable {
    let io: CommandIO
    let json: Bool

    /// One value as JSON: an object, or a bare array for lists (never the API's envelope); unset fields are null.
    func json(_ value: some Encodable) throws {
        let encoder = AlloJSON.encoder()
        encoder.outputFormatting.insert(.prettyPrinted)
        let data = try encoder.encode(NullKeepingEncoder.encode(value))
        io.write(.out, String(decoding: data, as: UTF8.self) + "\n")
    }

    /// A line on stdout (control characters shown as placeholders, see `TerminalText`).
    func line(_ text: String = "") { io.out(TerminalText.safe(text)) }

    /// A bold line on stdout, e.g. a section title.
    func heading(_ text: String) { io.out(bold(TerminalText.safe(text))) }

    /// A line for people on stderr: counts, what is left to fetch, confirmations.
    func note(_ text: String) { io.err(TerminalText.safe(text)) }

    /// Rows under a bold header, columns aligned; when wider than the terminal the widest columns are cut with "…".
    func table(_ header: [String], _ rows: [[String]]) {
        for line in TextTable(header: header, rows: rows).lines(width: io.width) {
            io.out(line.isHeader ? bold(line.text) : line.text)
        }
    }

    /// `label: value` lines for one record, labels aligned, long values wrapped to the terminal's width.
    func fields(_ pairs: [(String, String?)]) {
        let shown = pairs.compactMap { label, value in value.flatMap { $0.isEmpty ? nil : (label, $0) } }
        let labelWidth = shown.map { TextWidth.of($0.0) }.max() ?? 0
        for (label, value) in shown {
            let padded = label + ":" + String(repeating: " ", count: labelWidth - TextWidth.of(label) + 1)
            let indent = String(repeating: " ", count: labelWidth + 2)
            let lines = wrap(TerminalText.safe(value), indent: labelWidth + 2)
            io.out(bold(padded) + (lines.first ?? ""))
            for line in lines.dropFirst() { io.out(indent + line) }
        }
    }

    /// Text wrapped to the terminal's width less `indent` cells (unwrapped when stdout is not a terminal).
    func wrap(_ text: String, indent: Int = 0) -> [String] { Self.wrap(text, width: io.width, indent: indent) }

    /// `text` wrapped to `width` less `indent` cells (never narrower than 20); split only at its newlines when
    /// `width` is nil.
    static func wrap(_ text: String, width: Int?, indent: Int) -> [String] {
        guard let width else { return text.components(separatedBy: .newlines) }
        return Wrap.lines(TextWidth.drawn(text), width: max(20, width - indent))
    }

    /// `prefix` then `text` wrapped, its continuation lines indented under the text (a transcript turn).
    static func hanging(_ prefix: String, _ text: String, width: Int?) -> [String] {
        let indent = TextWidth.of(prefix)
        let wrapped = wrap(text, width: width, indent: indent)
        return [prefix + (wrapped.first ?? "")] + wrapped.dropFirst().map { String(repeating: " ", count: indent) + $0 }
    }

    /// Markdown (a call summary) laid out for people by `Markdown.lines`: wrapped to the terminal's width (unwrapped
    /// when stdout is not a terminal), bullets and numbers with hanging indents, a link as `text (url)`; strong text,
    /// emphasis, headings and link texts in bold, italic and underline where colour is used. Returns the lines printed.
    @discardableResult
    func markdown(_ text: String) -> Int {
        let lines = Markdown.lines(text, width: io.width.map { max(20, $0) } ?? Int.max / 2)
        for line in lines {
            io.out(line.spans.map { span in
                let safe = TerminalText.safe(span.text)
                return Self.markdownCodes[span.role].map { styled(safe, code: $0) } ?? safe
            }.joined())
        }
        return lines.count
    }

    /// Select Graphic Rendition codes of the Markdown roles shown with one (the others are plain text).
    private static let markdownCodes: [Markdown.Role: String] = [.strong: "1", .emphasis: "3", .heading: "1;4", .link: "4"]

    func bold(_ text: String) -> String { styled(text, code: "1") }

    /// `text` between an SGR escape (`1` bold, `3` italic, `4` underline) and a reset, where colour is used.
    private func styled(_ text: String, code: String) -> String {
        io.usesColor ? "\u{1B}[\(code)m" + text + "\u{1B}[0m" : text
    }
}
