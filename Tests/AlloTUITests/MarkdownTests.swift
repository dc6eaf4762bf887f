@testable import AlloTUI
import Testing

@Suite struct MarkdownParseTests {
    typealias Block = Markdown.Block

    @Test func strongEmphasisCodeAndLinkInAParagraph() {
        let blocks = Markdown.parse("A **strong** and _soft_ word, `code` and [the site](https://example.com).")
        #expect(blocks == [.paragraph([
            .text("A "), .strong([.text("strong")]), .text(" and "), .emphasis([.text("soft")]), .text(" word, "),
            .code("code"), .text(" and "), .link([.text("the site")], url: "https://example.com"), .text("."),
        ])])
    }

    @Test func headingsListsQuotesRulesAndCodeBlocks() {
        let blocks = Markdown.parse("""
            ## Next steps
            3. call back
            4. send the quote
               - with the discount

            > quoted

            ---

            ```
            let x = 1
            ```
            """)
        #expect(blocks == [
            .heading(level: 2, [.text("Next steps")]),
            .list(Markdown.List(ordered: true, start: 3, items: [
                [.paragraph([.text("call back")])],
                [.paragraph([.text("send the quote")]),
                 .list(Markdown.List(ordered: false, items: [[.paragraph([.text("with the discount")])]]))],
            ])),
            .blockQuote([.paragraph([.text("quoted")])]),
            .thematicBreak,
            .codeBlock("let x = 1"),
        ])
    }

    @Test func softAndHardBreaks() {
        #expect(Markdown.parse("one\ntwo  \nthree") == [.paragraph([.text("one"), .softBreak, .text("two"), .hardBreak,
                                                                    .text("three")])])
    }

    @Test func htmlIsKeptAsText() {
        #expect(Markdown.parse("a <b>bold</b> b") == [.paragraph([.text("a <b>bold</b> b")])])
        #expect(Markdown.parse("<div>\nx\n</div>") == [.paragraph([.text("<div>"), .hardBreak, .text("x"), .hardBreak,
                                                                  .text("</div>")])])
    }

    @Test func emptyAndBlankTextHaveNoBlocks() {
        #expect(Markdown.parse("").isEmpty)
        #expect(Markdown.parse("  \n\n ").isEmpty)
    }

    @Test func unmatchedMarkersStayText() {
        #expect(Markdown.parse("**not closed") == [.paragraph([.text("**not closed")])])
        #expect(Markdown.parse("2 * 3 = 6") == [.paragraph([.text("2 * 3 = 6")])])
        #expect(Markdown.parse("snake_case_name") == [.paragraph([.text("snake_case_name")])])
    }

    @Test func deepNestingIsFlattenedNotRecursedWithoutEnd() {
        let quotes = Markdown.parse(String(repeating: ">", count: 5000) + " deep")
        #expect(Markdown.oneLine(quotes) == "deep")
        let emphasis = Markdown.parse(String(repeating: "*", count: 3000) + "x" + String(repeating: "*", count: 3000))
        #expect(Markdown.oneLine(emphasis) == "x")
        let lists = Markdown.parse((0..<200).map { String(repeating: "  ", count: $0) + "- item \($0)" }.joined(separator: "\n"))
        #expect(Markdown.oneLine(lists).hasPrefix("item 0 · item 1 · "))
        #expect(!Markdown.lines(lists, width: 40).isEmpty)
    }
}

@Suite struct MarkdownOneLineTests {
    @Test func markersAreDroppedAndBlocksJoined() {
        let summary = """
            **Prise de rendez-vous – pose du lustre**

            - **Prochaine étape :** rappeler _vendredi_
            - Devis : voir [le PDF](https://example.com/devis.pdf)
            1. `C-40815`
            # Titre
            """
        #expect(Markdown.oneLine(summary)
                == "Prise de rendez-vous – pose du lustre · Prochaine étape : rappeler vendredi · Devis : voir le PDF"
                + " · C-40815 · Titre")
    }

    @Test func breaksAndRunsOfSpacesBecomeOneSpace() {
        #expect(Markdown.oneLine("one\ntwo  \nthree\tfour") == "one two three four")
        #expect(Markdown.oneLine("```\na\n\nb\n```") == "a b")
    }

    @Test func emptyAndOddText() {
        #expect(Markdown.oneLine("") == "")
        #expect(Markdown.oneLine("---") == "")
        #expect(Markdown.oneLine("__") == "__")
        #expect(Markdown.oneLine("**bold** **unclosed") == "bold **unclosed")
        #expect(Markdown.oneLine("a\u{1B}[31mred") == "a\u{1B}[31mred")
    }

    @Test func theCacheGivesTheSameAnswers() {
        let cache = MarkdownCache(capacity: 2)
        for text in ["**a**", "- b", "**a**", "# c", "- b"] {
            #expect(cache.oneLine(text) == Markdown.oneLine(text))
            #expect(cache.lines(text, width: 10) == Markdown.lines(text, width: 10))
        }
    }
}

@Suite struct MarkdownLinesTests {
    typealias Span = Markdown.Span

    /// Each line's text, for layout checks.
    static func texts(_ markdown: String, width: Int) -> [String] { Markdown.lines(markdown, width: width).map(\.text) }

    @Test func spansCarryTheirRoles() {
        let lines = Markdown.lines("Call **Bob** _today_ about `C-1` ([site](https://x.io))", width: 80)
        #expect(lines == [Markdown.Line([
            Span("Call ", .plain), Span("Bob", .strong), Span(" ", .plain), Span("today", .emphasis),
            Span(" about ", .plain), Span("C-1", .code), Span(" (", .plain), Span("site", .link),
            Span(" (https://x.io)", .linkURL), Span(")", .plain),
        ])])
    }

    @Test func headingsSitOnTheirOwnLineAndBlocksAreSeparatedByABlankLine() {
        let lines = Markdown.lines("# Visit\nFirst paragraph.\n\nSecond one.", width: 40)
        #expect(lines.map(\.text) == ["Visit", "", "First paragraph.", "", "Second one."])
        #expect(lines[0].spans == [Span("Visit", .heading)])
    }

    @Test func strongOrEmphasisInAHeadingStaysHeading() {
        #expect(Markdown.lines("## The **plan**", width: 40) == [Markdown.Line([Span("The plan", .heading)])])
    }

    @Test func bulletListsHangTheirContinuationLines() {
        let markdown = "- **Next step:** send the revised quote today\n- call back on Friday"
        #expect(Self.texts(markdown, width: 20) == [
            "• Next step: send",
            "  the revised quote",
            "  today",
            "• call back on",
            "  Friday",
        ])
        let first = Markdown.lines(markdown, width: 20)[0]
        #expect(first.spans == [Span("• ", .marker), Span("Next step:", .strong), Span(" send", .plain)])
    }

    @Test func numberedListsStartWhereTheSourceSaysAndAlignTheirText() {
        let markdown = (9...11).map { "\($0). item number \($0)" }.joined(separator: "\n")
        #expect(Self.texts(markdown, width: 12) == [
            "9.  item", "    number 9", "10. item", "    number", "    10", "11. item", "    number", "    11",
        ])
    }

    @Test func nestedListsAreIndentedFurther() {
        #expect(Self.texts("- outer item\n  - inner item that wraps\n- last", width: 16) == [
            "• outer item",
            "  • inner item",
            "    that wraps",
            "• last",
        ])
    }

    @Test func looseListsKeepABlankLineBetweenItems() {
        #expect(Self.texts("- one\n\n- two", width: 20) == ["• one", "", "• two"])
    }

    @Test func codeBlocksKeepTheirLinesInTheCodeStyle() {
        let lines = Markdown.lines("```\nlet a = 1\n  b\n```", width: 20)
        #expect(lines == [Markdown.Line([Span("let a = 1", .code)]), Markdown.Line([Span("  b", .code)])])
    }

    @Test func quotesAndRules() {
        #expect(Self.texts("> a quoted line\n\n---", width: 10) == ["│ a quoted", "│ line", "", "──────────"])
        #expect(Self.texts("***", width: Int.max / 2) == [String(repeating: "─", count: Markdown.ruleWidth)])
    }

    @Test func linksShowTheirURLOnceAndAutolinksOnlyOnce() {
        #expect(Self.texts("[Allo](https://withallo.com)", width: 80) == ["Allo (https://withallo.com)"])
        #expect(Self.texts("<https://withallo.com>", width: 80) == ["https://withallo.com"])
        #expect(Self.texts("<ops@example.com>", width: 80) == ["ops@example.com"])
    }

    @Test func softBreaksReflowAndHardBreaksEndALine() {
        #expect(Self.texts("one\ntwo  \nthree", width: 40) == ["one two", "three"])
    }

    @Test func aWordLongerThanTheLineIsCutAsWrapCutsIt() {
        let word = "Supercalifragilistic"
        #expect(Self.texts("**\(word)**", width: 8) == Wrap.lines(word, width: 8))
        #expect(Self.texts("- 你好你好你好", width: 6) == ["• 你好", "  你好", "  你好"])
    }

    @Test func linesAreNeverWiderThanTheWidth() {
        let markdown = "# A heading that is long\n\n1. **Strong** text with [a link](https://example.com/a/long/path)"
            + "\n   - nested _emphasis_ and `code spans`\n\n> quoted text here\n\n```\na long line of code here\n```"
        for width in [12, 20, 33, 80] {
            for line in Markdown.lines(markdown, width: width) {
                #expect(TextWidth.of(line.text) <= width, "\(width): \(line.text)")
            }
        }
    }

    @Test func emptyTextHasNoLines() {
        #expect(Markdown.lines("", width: 40).isEmpty)
        #expect(Markdown.lines("\n \n", width: 40).isEmpty)
    }
}
