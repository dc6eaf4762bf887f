@testable import AlloCLI
import AlloTUI
import Testing

@Suite("Human output: tables fitted to the terminal, colour only where it belongs")
struct OutputTests {
    let rows = [["+14155550100", "Front desk 📞", "US"], ["+33612345678", "日本語の名前", "FR"]]

    @Test("Columns align by terminal cells (emoji and CJK count two)")
    func alignment() {
        let lines = TextTable(header: ["NUMBER", "NAME", "COUNTRY"], rows: rows).lines(width: nil).map(\.text)
        #expect(lines[0] == "NUMBER        NAME           COUNTRY")
        #expect(lines[1] == "+14155550100  Front desk 📞  US")
        #expect(lines[2] == "+33612345678  日本語の名前   FR")
    }

    @Test("A table wider than the terminal cuts its widest columns with an ellipsis, never past the width",
          arguments: [20, 30, 36])
    func fitsWidth(width: Int) {
        let long = rows + [["+447700900123", "A name far too long to fit in any narrow terminal at all", "GB"]]
        for line in TextTable(header: ["NUMBER", "NAME", "COUNTRY"], rows: long).lines(width: width) {
            #expect(TextWidth.of(line.text) <= max(width, 3 * TextTable.narrowest + 2 * TextTable.gap))
        }
        #expect(TextTable(header: ["NAME"], rows: long.map { [$0[1]] }).lines(width: width)
            .contains { $0.text.hasSuffix("…") })
    }

    @Test("Newlines and tabs in a cell stay on one row")
    func oneLinePerRow() {
        let lines = TextTable(header: ["TEXT"], rows: [["two\nlines\tand a tab"]]).lines(width: nil)
        #expect(lines.count == 2)
        #expect(lines[1].text == "two lines and a tab")
    }

    @Test("Bold header on a terminal; plain when NO_COLOR is set or stdout is a pipe", arguments: [
        ([String: String](), true, true), (["NO_COLOR": "1"], true, false), ([:], false, false), (["NO_COLOR": ""], true, true),
    ])
    func colour(variables: [String: String], tty: Bool, coloured: Bool) async {
        let io = CommandIO(variables: variables, stdinIsTerminal: tty, stdoutIsTerminal: tty, width: tty ? 80 : nil,
                           write: { _, _ in }, readInput: { .init() }, readLine: { _, _ in nil })
        #expect(io.usesColor == coloured)
        #expect(Output(io: io, json: false).bold("x").contains("\u{1B}[") == coloured)
    }
}
