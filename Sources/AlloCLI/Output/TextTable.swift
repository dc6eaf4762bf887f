import AlloTUI

/// Columns aligned by terminal cells (CJK and emoji count two). When the table is wider than the terminal, the widest
/// columns give up cells first and show "…" where text was cut; no column shrinks below 6 cells.
struct TextTable {
    struct Line: Equatable {
        var text: String
        var isHeader: Bool
    }

    var header: [String]
    var rows: [[String]]
    static let gap = 2
    static let narrowest = 6

    /// On a terminal (`width` given), cells hold text as the terminal lays it out (`TextWidth.drawn`), so emoji
    /// sequences cannot shift a column.
    func lines(width: Int?) -> [Line] {
        let cells = [header] + rows.map { row in
            (0..<header.count).map { column in
                let cell = column < row.count ? clean(row[column]) : ""
                return width == nil ? cell : TextWidth.drawn(cell)
            }
        }
        var widths = (0..<header.count).map { column in cells.map { TextWidth.of($0[column]) }.max() ?? 0 }
        if let width {
            var excess = widths.reduce(0, +) + Self.gap * max(0, widths.count - 1) - width
            while excess > 0, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }),
                  widths[widest] > Self.narrowest {
                widths[widest] -= 1
                excess -= 1
            }
        }
        return cells.enumerated().map { index, row in
            let text = row.enumerated().map { column, cell in
                Truncate.padded(cell, width: widths[column])
            }.joined(separator: String(repeating: " ", count: Self.gap))
            return Line(text: String(text.reversed().drop(while: { $0 == " " }).reversed()), isHeader: index == 0)
        }
    }

    /// A cell is one line: newlines and tabs become spaces, other controls visible placeholders.
    private func clean(_ text: String) -> String {
        TerminalText.safe(text.contains(where: { $0.isNewline || $0 == "\t" })
            ? String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 }) : text)
    }
}
