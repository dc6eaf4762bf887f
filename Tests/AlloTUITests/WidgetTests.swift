import AlloStore
import AlloTUI
import Testing

@Suite struct TruncateTests {
    @Test(arguments: [
        ("hello", 10, "hello"), ("hello", 5, "hello"), ("hello world", 8, "hello w…"), ("hello", 1, "…"),
        ("hello", 0, ""), ("中文字幕", 5, "中文…"), ("中文字幕", 6, "中文…"), ("中文字幕", 4, "中…"),
        ("😀😀😀", 4, "😀…"), ("👩‍👩‍👧👩‍👩‍👧", 7, "👩‍👩‍👧…"), ("ab🇫🇷cd", 4, "ab…"),
        ("e\u{301}te\u{301}", 3, "e\u{301}te\u{301}"), ("e\u{301}te\u{301}x", 3, "e\u{301}t…"),
    ] as [(String, Int, String)])
    func fitCutsByCellsWithAnEllipsis(text: String, width: Int, expected: String) {
        let fitted = Truncate.fit(text, width: width)
        #expect(fitted == expected)
        #expect(TextWidth.of(fitted) <= width)
    }

    @Test func fitFromTheStartKeepsTheEnd() {
        #expect(Truncate.fit("/home/user/themes/dark.toml", width: 12, position: .start) == "…s/dark.toml")
        #expect(Truncate.fit("中文字幕", width: 5, position: .start) == "…字幕")
    }

    @Test func paddedIsExactlyTheWidth() {
        #expect(Truncate.padded("ab", width: 5) == "ab   ")
        #expect(Truncate.padded("ab", width: 5, alignment: .right) == "   ab")
        #expect(Truncate.padded("ab", width: 6, alignment: .center) == "  ab  ")
        #expect(Truncate.padded("中文字", width: 5) == "中文…")
        #expect(Truncate.padded("中文字幕", width: 4) == "中… ")
    }
}

@Suite struct WrapTests {
    @Test(arguments: [
        ("hello world", 20, ["hello world"]),
        ("hello world", 5, ["hello", "world"]),
        ("hello world", 7, ["hello", "world"]),
        ("the quick brown fox", 10, ["the quick", "brown fox"]),
        ("a\nb\n\nc", 10, ["a", "b", "", "c"]),
        ("a\r\nb", 10, ["a", "b"]),
        ("", 10, [""]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
        ("see https://example.com/very/long ok", 10, ["see", "https://ex", "ample.com/", "very/long", "ok"]),
        ("中文字幕很长", 5, ["中文", "字幕", "很长"]),
        ("中文字幕", 4, ["中文", "字幕"]),
        ("hi 中文", 4, ["hi", "中文"]),
        ("😀😀😀", 3, ["😀", "😀", "😀"]),
        ("👩‍👩‍👧👩‍👩‍👧", 6, ["👩‍👩‍👧", "👩‍👩‍👧"]),
        ("🇫🇷🇩🇪🇯🇵", 5, ["🇫🇷🇩🇪", "🇯🇵"]),
        ("word    spaced", 6, ["word", "spaced"]),
        ("hello ", 5, ["hello"]),
        ("hello   \nnext", 5, ["hello", "next"]),
        ("ok ", 5, ["ok "]),
        ("      ", 3, ["   "]),
        ("  indented text", 10, ["  indented", "text"]),
    ] as [(String, Int, [String])])
    func wrapsByCells(text: String, width: Int, expected: [String]) {
        let lines = Wrap.lines(text, width: width)
        #expect(lines == expected)
        for line in lines { #expect(TextWidth.of(line) <= width) }
    }

    @Test func cacheAnswersTheSameTextAndWidthWithoutWrappingAgain() {
        let cache = WrapCache(capacity: 8)
        let first = cache.lines("hello world", width: 5)
        #expect(cache.lines("hello world", width: 5) == first)
        #expect(cache.lines("hello world", width: 20) == ["hello world"])
        #expect(cache.statistics.hits == 1)
        #expect(cache.statistics.misses == 2)
    }

    @Test func cacheStaysBounded() {
        let cache = WrapCache(capacity: 4)
        for index in 0..<100 { _ = cache.lines("line \(index)", width: 10) }
        #expect(cache.lines("line 99", width: 10) == ["line 99"])
        #expect(cache.statistics.hits == 1)
    }

    @Test func paragraphDrawsWrappedLinesInsideItsRect() {
        var canvas = Canvas(size: Size(width: 8, height: 4))
        let drawn = Paragraph("one two three four five", cache: nil)
            .draw(in: Rect(x: 1, y: 1, width: 6, height: 2), on: &canvas)
        #expect(drawn == 2)
        #expect(canvas.rows() == ["        ", " one   ", " two   ", "        "].map { $0.padding(8) })
    }

    @Test func paragraphHighlightsMatchesCaseAndAccentInsensitively() {
        var canvas = Canvas(size: Size(width: 12, height: 2))
        Paragraph("Café 中文 cafe CAFÉ", cache: nil, highlight: "cafe", highlightStyle: Style(reverse: true))
            .draw(in: canvas.bounds, on: &canvas)
        #expect(canvas.rows() == ["Café 中文   ", "cafe CAFÉ   "])
        let marked = (0..<2).map { y in (0..<12).map { canvas[$0, y].style.reverse ? "^" : "." }.joined() }
        #expect(marked == ["^^^^........", "^^^^.^^^^..."])
    }

    @Test func paragraphScrollsAndAligns() {
        var canvas = Canvas(size: Size(width: 6, height: 2))
        Paragraph("aa bb cc dd ee", scroll: 1, alignment: .right, cache: nil).draw(in: canvas.bounds, on: &canvas)
        #expect(canvas.rows() == [" cc dd", "    ee"])
    }
}

@Suite struct ListWindowTests {
    @Test func drawsOnlyTheVisibleRowsOfAHundredThousand() {
        var canvas = Canvas(size: Size(width: 20, height: 10))
        var calls: [Int] = []
        let list = ListWindow(count: 100_000, selected: 50_000, offset: 49_995)
        let drawn = list.draw(in: canvas.bounds, on: &canvas) { canvas, row in
            calls.append(row.index)
            canvas.write("row \(row.index)", x: row.rect.x, y: row.rect.y, style: row.style, clippedTo: row.rect)
        }
        #expect(calls == Array(49_995..<50_005))
        #expect(drawn.rows == 49_995..<50_005)
        #expect(drawn.scrollIndicator)
        #expect(canvas.rows()[5].hasPrefix("row 50000"))
        #expect(canvas[0, 5].style.reverse)
        #expect(!canvas[0, 4].style.reverse)
    }

    @Test func keepsTheSelectionInViewWhenTheOffsetIsStale() {
        var canvas = Canvas(size: Size(width: 10, height: 5))
        var calls = 0
        let drawn = ListWindow(count: 100_000, selected: 99_999, offset: 0).draw(in: canvas.bounds, on: &canvas) { _, _ in
            calls += 1
        }
        #expect(drawn.rows == 99_995..<100_000)
        #expect(calls == 5)
    }

    @Test func variableHeightRowsAskOnlyAboutRowsNearTheWindow() {
        var canvas = Canvas(size: Size(width: 10, height: 6))
        var heightQueries = Set<Int>()
        let drawn = ListWindow(count: 100_000, selected: 99_999, offset: 0)
            .draw(in: canvas.bounds, on: &canvas, rowHeight: { index in heightQueries.insert(index); return 2 }) { canvas, row in
                #expect(row.rect.height == 2)
                canvas.write("\(row.index)", x: row.rect.x, y: row.rect.y, style: row.style, clippedTo: row.rect)
            }
        #expect(drawn.rows == 99_997..<100_000)
        #expect(heightQueries.count < 20)
    }

    @Test func aShortListHasNoScrollIndicatorAndStartsAtTheTop() {
        var canvas = Canvas(size: Size(width: 6, height: 4))
        let drawn = ListWindow(count: 2, selected: 1, offset: 1).draw(in: canvas.bounds, on: &canvas) { canvas, row in
            canvas.write("r\(row.index)", x: row.rect.x, y: row.rect.y, style: row.style, clippedTo: row.rect)
        }
        #expect(!drawn.scrollIndicator)
        #expect(canvas.rows() == ["r0    ", "r1    ", "      ", "      "])
    }

    @Test func aShortListAnchoredAtTheBottomSitsLikeAChat() {
        var canvas = Canvas(size: Size(width: 4, height: 4))
        ListWindow(count: 2, selected: 1, offset: 0, anchor: .bottom).draw(in: canvas.bounds, on: &canvas) { canvas, row in
            canvas.write("m\(row.index)", x: row.rect.x, y: row.rect.y, style: row.style, clippedTo: row.rect)
        }
        #expect(canvas.rows() == ["    ", "    ", "m0  ", "m1  "])
    }

    @Test func scrollIndicatorShowsWhereTheWindowIs() {
        var canvas = Canvas(size: Size(width: 4, height: 4))
        ListWindow(count: 8, selected: 7, offset: 4).draw(in: canvas.bounds, on: &canvas) { canvas, row in
            canvas.write("\(row.index)", x: row.rect.x, y: row.rect.y, style: row.style, clippedTo: row.rect)
        }
        #expect(canvas.rows() == ["4  │", "5  │", "6  ┃", "7  ┃"])
    }

    @Test func rowsNeverDrawOutsideTheWindow() {
        var canvas = Canvas(size: Size(width: 12, height: 5))
        ListWindow(count: 10, selected: 0, offset: 0, showsScrollIndicator: false)
            .draw(in: Rect(x: 2, y: 1, width: 5, height: 3), on: &canvas) { canvas, row in
                canvas.write("long row text", x: row.rect.x, y: row.rect.y, style: row.style, clippedTo: row.rect)
            }
        #expect(canvas.rows() == ["            ", "  long      ", "  long      ", "  long      ", "            "])
    }

    @Test func selectionKeepsTheRowsOwnColoursAndAddsTheBar() {
        var canvas = Canvas(size: Size(width: 6, height: 2))
        let selection = Style(foreground: .indexed(0), background: .indexed(6))
        ListWindow(count: 2, selected: 0, offset: 0, selectionStyle: selection)
            .draw(in: canvas.bounds, on: &canvas) { canvas, row in
                canvas.write("ab", x: 0, y: row.rect.y, style: Style(foreground: .indexed(1), bold: true),
                             clippedTo: row.rect)
            }
        #expect(canvas[0, 0].style.background == .indexed(6))
        #expect(canvas[0, 0].style.bold)
        #expect(canvas[5, 0].style.background == .indexed(6))
        #expect(canvas[0, 1].style.background == .default)
    }

    @Test func takesTheStoresCursor() {
        var canvas = Canvas(size: Size(width: 6, height: 3))
        let cursor = ListCursor(selected: 4, offset: 3, viewport: 3)
        let drawn = ListWindow(count: 10, cursor: cursor, focused: false, theme: .mono)
            .draw(in: canvas.bounds, on: &canvas) { _, _ in }
        #expect(drawn.rows == 3..<6)
        #expect(canvas[0, 1].style.underline)
    }
}

@Suite struct BlockAndOverlayTests {
    @Test func blockSnapshot() {
        var canvas = Canvas(size: Size(width: 24, height: 4))
        let inner = Block(title: "Inbox", rightTitle: "3 unread").draw(in: canvas.bounds, on: &canvas)
        #expect(inner == Rect(x: 1, y: 1, width: 22, height: 2))
        #expect(canvas.rows() == [
            "┌ Inbox ───── 3 unread ┐",
            "│                      │",
            "│                      │",
            "└──────────────────────┘",
        ].map { $0 })
    }

    @Test func focusedBlockUsesItsLinesAndStyle() {
        var canvas = Canvas(size: Size(width: 10, height: 3))
        Block(title: "Timeline", focused: true, focusedStyle: Style(bold: true), focusedLines: .thick)
            .draw(in: canvas.bounds, on: &canvas)
        #expect(canvas.rows() == ["┏ Timel… ┓", "┃        ┃", "┗━━━━━━━━┛"])
        #expect(canvas[0, 0].style.bold)
    }

    @Test func rightTitleIsDroppedWhenBothDoNotFit() {
        var canvas = Canvas(size: Size(width: 14, height: 2))
        Block(title: "Numbers", rightTitle: "12 unread").draw(in: canvas.bounds, on: &canvas)
        #expect(canvas.rows() == ["┌ Numbers ───┐", "└────────────┘"])
    }

    @Test func blockDrawsOnlyInsideItsRect() {
        var canvas = Canvas(size: Size(width: 8, height: 5))
        canvas.write("xxxxxxxx", x: 0, y: 0, style: .plain)
        Block(title: "中文标题很长").draw(in: Rect(x: 2, y: 1, width: 5, height: 3), on: &canvas)
        #expect(canvas.rows() == ["xxxxxxxx", "  ┌ … ┐ ", "  │   │ ", "  └───┘ ", "        "])
    }

    @Test func overlaySnapshotClearsBeneath() {
        var canvas = Canvas(size: Size(width: 20, height: 7))
        for y in 0..<7 { canvas.write(String(repeating: "中", count: 10), x: 0, y: y, style: .plain) }
        let overlay = Overlay.fitting(["q quit", "? help"], title: "Keys", theme: .mono)
        let inside = overlay.draw(on: &canvas)
        Paragraph("q quit\n? help", cache: nil).draw(in: inside, on: &canvas)
        #expect(canvas.rows() == [
            "中中中中中中中中中中",
            "中中 ┌ Keys ──┐ 中中",
            "中中 │ q quit │ 中中",
            "中中 │ ? help │ 中中",
            "中中 └────────┘ 中中",
            "中中中中中中中中中中",
            "中中中中中中中中中中",
        ])
        #expect(inside == Rect(x: 7, y: 2, width: 6, height: 2))
    }

    @Test func overlayShrinksToTheCanvas() {
        let overlay = Overlay(title: "Help", size: Size(width: 100, height: 50), theme: .mono)
        #expect(overlay.frame(in: Rect(x: 0, y: 0, width: 40, height: 10)) == Rect(x: 1, y: 1, width: 38, height: 8))
    }
}

@Suite struct TextInputTests {
    @Test(arguments: [
        ("hello", 5, 10, Point(x: 5, y: 0), "hello     "),
        ("hello", 0, 10, Point(x: 0, y: 0), "hello     "),
        ("hello world, how are you", 24, 10, Point(x: 9, y: 0), "w are you "),
        ("中文字幕", 4, 6, Point(x: 4, y: 0), "字幕  "),
        ("中文字幕", 1, 6, Point(x: 2, y: 0), "中文字"),
        ("", 0, 5, Point(x: 0, y: 0), "     "),
        // The cursor stands where the terminal puts it: after the pieces a cluster is drawn as.
        ("a👨‍👩‍👧b", 2, 12, Point(x: 7, y: 0), "a👨👩👧b    "),
        ("1️⃣ ok", 1, 8, Point(x: 1, y: 0), "1\u{20E3} ok    "),
        ("e\u{301}t\u{E9}", 2, 6, Point(x: 2, y: 0), "e\u{301}t\u{E9}   "),
    ] as [(String, Int, Int, Point, String)])
    func singleLineKeepsTheCursorInView(text: String, cursor: Int, width: Int, expected: Point, row: String) {
        var canvas = Canvas(size: Size(width: width, height: 1))
        let drawn = TextInput(text: text, cursor: cursor).draw(in: canvas.bounds, on: &canvas)
        #expect(drawn.cursor == expected)
        #expect(canvas.rows() == [row])
    }

    @Test func singleLineKeepsItsScrollWhileTheCursorStaysVisible() {
        var canvas = Canvas(size: Size(width: 5, height: 1))
        let first = TextInput(text: "abcdefghij", cursor: 10).draw(in: canvas.bounds, on: &canvas)
        #expect(first.scroll == 6)
        #expect(canvas.rows() == ["ghij "])
        let back = TextInput(text: "abcdefghij", cursor: 7, scroll: first.scroll).draw(in: canvas.bounds, on: &canvas)
        #expect(back.cursor == Point(x: 1, y: 0))
        #expect(canvas.rows() == ["ghij "])
    }

    @Test(arguments: [
        ("hello world", 11, Point(x: 5, y: 1)),
        ("hello world", 5, Point(x: 5, y: 0)),
        ("hello world", 6, Point(x: 0, y: 1)),
        ("ab\ncd", 2, Point(x: 2, y: 0)),
        ("ab\ncd", 3, Point(x: 0, y: 1)),
        ("ab\n", 3, Point(x: 0, y: 1)),
        ("hello ", 6, Point(x: 5, y: 0)),
        ("hello w", 7, Point(x: 1, y: 1)),
        ("中文字幕", 3, Point(x: 2, y: 1)),
    ] as [(String, Int, Point)])
    func multiLineCursorPositions(text: String, cursor: Int, expected: Point) {
        var canvas = Canvas(size: Size(width: 6, height: 3))
        let drawn = TextInput(text: text, cursor: cursor, multiline: true).draw(in: canvas.bounds, on: &canvas)
        #expect(drawn.cursor == expected)
    }

    @Test func multiLineScrollsToTheCursorsLine() {
        var canvas = Canvas(size: Size(width: 6, height: 2))
        let text = "one\ntwo\nthree\nfour"
        let drawn = TextInput(text: text, multiline: true).draw(in: canvas.bounds, on: &canvas)
        #expect(drawn.cursor == Point(x: 4, y: 1))
        #expect(drawn.scroll == 2)
        #expect(drawn.lineCount == 4)
        #expect(canvas.rows() == ["three ", "four  "])
    }

    @Test func upAndDownMapThroughWrappedLines() {
        let input = TextInput(text: "hello world\nab", cursor: 3, multiline: true)
        #expect(input.location(width: 6) == (line: 0, column: 3))
        #expect(input.offset(line: 1, column: 3, width: 6) == 9)
        #expect(input.offset(line: 2, column: 3, width: 6) == 14)
    }

    @Test func placeholderShowsWhileEmpty() {
        var canvas = Canvas(size: Size(width: 12, height: 1))
        let drawn = TextInput(text: "", placeholder: "Type a message").draw(in: canvas.bounds, on: &canvas)
        #expect(canvas.rows() == ["Type a mess…"])
        #expect(canvas[0, 0].style.dim)
        #expect(drawn.cursor == Point(x: 0, y: 0))
    }
}

extension String {
    /// Pads with spaces to `width` cells (test helper).
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - TextWidth.of(self))) }
}

@Suite struct WidgetsStayInsideTheirRect {
    static let rects = [
        Rect(x: 2, y: 1, width: 7, height: 4), Rect(x: -3, y: -1, width: 8, height: 4), Rect(x: 8, y: 4, width: 9, height: 9),
        Rect(x: 0, y: 0, width: 1, height: 1), Rect(x: 3, y: 2, width: 0, height: 3), Rect(x: 1, y: 1, width: 2, height: 2),
    ]
    static let text = "中文 👩‍👩‍👧 word\u{1B}[2J longerwordthanthat é 🇫🇷\nnext"

    /// Draws with `draw` over a canvas full of `x` and checks every cell outside `rect` still holds `x`.
    func check(_ rect: Rect, _ draw: (inout Canvas) -> Void) {
        var canvas = Canvas(size: Size(width: 12, height: 6))
        for y in 0..<6 { canvas.write(String(repeating: "x", count: 12), x: 0, y: y, style: .plain) }
        draw(&canvas)
        for y in 0..<6 {
            for x in 0..<12 where !rect.contains(x: x, y: y) {
                #expect(canvas[x, y].glyph == "x", "\(rect): (\(x), \(y)) is \(canvas[x, y].glyph)")
            }
        }
    }

    @Test(arguments: rects)
    func everyWidget(rect: Rect) {
        check(rect) { Block(title: Self.text, rightTitle: "r").draw(in: rect, on: &$0) }
        check(rect) { Paragraph(Self.text, cache: nil).draw(in: rect, on: &$0) }
        check(rect) { TextInput(text: Self.text, cursor: 5).draw(in: rect, on: &$0) }
        check(rect) { TextInput(text: Self.text, cursor: 9, multiline: true).draw(in: rect, on: &$0) }
        check(rect) { canvas in
            ListWindow(count: 50, selected: 20, offset: 0).draw(in: rect, on: &canvas, rowHeight: { $0 % 3 + 1 }) {
                canvas, row in Paragraph(Self.text, style: row.style, cache: nil).draw(in: row.rect, on: &canvas)
            }
        }
        check(rect) { Overlay(title: Self.text, size: Size(width: 30, height: 30), theme: .mono).draw(on: &$0, in: rect) }
    }
}

@Suite struct TextInputClusterTests {
    @Test func inMode2027TheCursorFollowsWholeClusters() {
        TextWidth.$mode.withValue(.clusters) {
            var canvas = Canvas(size: Size(width: 8, height: 1))
            let drawn = TextInput(text: "a👨‍👩‍👧b", cursor: 2).draw(in: canvas.bounds, on: &canvas)
            #expect(drawn.cursor == Point(x: 3, y: 0))
        }
    }
}
