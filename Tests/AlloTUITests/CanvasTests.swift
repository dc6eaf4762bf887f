import AlloTUI
import Testing

@Suite struct CanvasTests {
    @Test(arguments: [
        ("a", 1), ("é", 1), ("e\u{301}", 1), ("中", 2), ("한", 2), ("😀", 2), ("👩‍👩‍👧", 6), ("❤️", 1), ("🇫🇷", 2),
        ("\u{200D}", 0), ("\u{301}", 0),
    ] as [(String, Int)])
    func widthInCells(text: String, cells: Int) {
        #expect(TextWidth.of(text) == cells)
    }

    @Test func perCodePointAClusterIsDrawnInPiecesTheTerminalAgreesOn() {
        var canvas = Canvas(size: Size(width: 12, height: 1))
        #expect(canvas.write("a👩‍👩‍👧1️⃣b", x: 0, y: 0, style: .plain) == 9)
        #expect(canvas.cells.prefix(10).map(\.glyph) == ["a", "👩", "", "👩", "", "👧", "", "1\u{20E3}", "b", " "])
    }

    @Test func inClustersModeAClusterIsOneGlyph() {
        TextWidth.$mode.withValue(.clusters) {
            var canvas = Canvas(size: Size(width: 8, height: 1))
            #expect(canvas.write("a👩‍👩‍👧b", x: 0, y: 0, style: .plain) == 4)
            #expect(canvas.cells.prefix(5).map(\.glyph) == ["a", "👩‍👩‍👧", "", "b", " "])
        }
    }

    @Test func bidirectionalControlsAreShownNotObeyed() {
        var canvas = Canvas(size: Size(width: 12, height: 1))
        canvas.write("ab\u{202E}cd\u{2066}e\u{200F}", x: 0, y: 0, style: .plain)
        #expect(canvas.rows() == ["ab�cd�e�    "])
    }

    @Test func writesClipAndNeverLeaveHalfAWideGlyph() {
        var canvas = Canvas(size: Size(width: 6, height: 1))
        #expect(canvas.write("ab中文", x: 0, y: 0, style: .plain) == 6)
        #expect(canvas.rows() == ["ab中文"])
        #expect(canvas[3, 0].glyph == "")
        // A wide glyph that does not fit is a blank, not half a glyph.
        var narrow = Canvas(size: Size(width: 3, height: 1))
        narrow.write("a中文", x: 0, y: 0, style: .plain)
        #expect(narrow.rows() == ["a中 "] || narrow.rows() == ["a中"])
        // Overwriting the right half of a wide glyph blanks its left half.
        canvas.write("x", x: 3, y: 0, style: .plain)
        #expect(canvas.rows() == ["ab x文"])
    }

    @Test func controlCharactersAndEscapesAreShownNotSent() {
        var canvas = Canvas(size: Size(width: 12, height: 1))
        canvas.write("a\u{1B}[2Jb\u{07}\u{9B}", x: 0, y: 0, style: .plain)
        let row = canvas.rows()[0]
        #expect(!row.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
        #expect(row.hasPrefix("a␛[2Jb␇�"))
    }
}
