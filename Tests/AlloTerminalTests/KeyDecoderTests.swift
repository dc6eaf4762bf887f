import AlloTUI
import Testing
@testable import AlloTerminal

@Suite struct KeyDecoderTests {
    private func scalars(_ text: String) -> [RawInput] { text.unicodeScalars.map { .scalar($0.value) } }
    private func keys(_ events: [TerminalEvent]) -> [KeyEvent] {
        events.compactMap { if case let .key(key) = $0 { key } else { nil } }
    }

    @Test func printableAndUTF8() {
        var decoder = KeyDecoder()
        #expect(keys(decoder.decode(scalars("aé日😀"))) == [.character("a"), .character("é"), .character("日"), .character("😀")])
    }

    @Test func combiningMarksAndZWJJoinThePreviousCharacter() {
        var decoder = KeyDecoder()
        #expect(keys(decoder.decode(scalars("e\u{301}x"))) == [.character("é"), .character("x")])
        let family = "👩\u{200D}👩\u{200D}👧"
        #expect(keys(decoder.decode(scalars(family))) == [.character(Character(family))])
    }

    @Test func controlCharacters() {
        var decoder = KeyDecoder()
        let input: [RawInput] = [0x03, 0x1A, 0x0A, 0x0D, 0x09, 0x08, 0x7F, 0x15, 0x04, 0x1F].map { .scalar($0) }
        #expect(keys(decoder.decode(input)) == [
            .control("c"), .control("z"), .control("j"), .enter, .tab, .backspace, .backspace, .control("u"),
            .control("d"), .control("_"),
        ])
    }

    @Test func escapeAloneAndAltPrefix() {
        var decoder = KeyDecoder()
        #expect(keys(decoder.decode([.scalar(0x1B)])) == [.escape])
        #expect(keys(decoder.decode(scalars("\u{1B}x"))) == [.alt("x")])
        #expect(keys(decoder.decode(scalars("\u{1B}\r"))) == [.altEnter])
        #expect(keys(decoder.decode(scalars("\u{1B}\u{1B}"))) == [.escape, .escape])
        #expect(keys(decoder.decode([.scalar(0x1B), .key(.up)])) == [.escape, .up])
        #expect(!decoder.isWaiting)
    }

    @Test func cursesKeys() {
        var decoder = KeyDecoder()
        let input: [RawInput] = [.key(.up), .key(.down), .key(.left), .key(.right), .key(.home), .key(.end),
                                 .key(.pageUp), .key(.pageDown), .key(.backspace), .key(.delete), .key(.backTab),
                                 .key(.enter), .key(.function(5)), .key(.other(999))]
        #expect(keys(decoder.decode(input)) == [.up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .backspace,
                                                .delete, .backTab, .enter, .function(5)])
        #expect(decoder.decode([.key(.resize)]) == [.resize])
    }

    @Test func keyCodesByNumber() {
        #expect(CursesKey(code: 0o402) == .down)
        #expect(CursesKey(code: 0o403) == .up)
        #expect(CursesKey(code: 0o410 + 12) == .function(12))
        #expect(CursesKey(code: 0o541) == .backTab)
        #expect(CursesKey(code: 0o632) == .resize)
        #expect(CursesKey(code: 0o777) == .other(0o777))
    }

    @Test func unknownControlSequencesAreDroppedNotTyped() {
        var decoder = KeyDecoder()
        #expect(keys(decoder.decode(scalars("\u{1B}[1;5Dq\u{1B}[Iz"))) == [.character("q"), .character("z")])
    }

    @Test func controlSequenceCutAtBatchEndWaitsThenReadsAsAlt() {
        var decoder = KeyDecoder()
        #expect(keys(decoder.decode(scalars("a\u{1B}[1;"))) == [.character("a")])
        #expect(decoder.isWaiting)
        #expect(keys(decoder.decode(scalars("5Db"))) == [.character("b")])
        #expect(!decoder.isWaiting)
        #expect(decoder.decode(scalars("\u{1B}[12")).isEmpty)
        #expect(keys(decoder.expire()) == [.alt("["), .character("1"), .character("2")])
        #expect(!decoder.isWaiting)
    }

    @Test func pasteInOneBatch() {
        var decoder = KeyDecoder()
        let events = decoder.decode(scalars("x\u{1B}[200~hello\r\nworld\rq\u{1B}[201~y"))
        #expect(keys(events) == [.character("x"), .paste("hello\nworld\nq"), .character("y")])
    }

    @Test func pasteSplitAnywhere() {
        let whole = "\u{1B}[200~a\u{1B}b日[201~c\u{1B}[201~"
        let input = scalars(whole)
        // From 2: a lone Esc ending a batch is the Esc key (curses already waited ESCDELAY for more).
        for cut in 2..<input.count {
            var decoder = KeyDecoder()
            let first = decoder.decode(Array(input[..<cut]))
            let second = decoder.decode(Array(input[cut...]))
            #expect(keys(first + second) == [.paste("a\u{1B}b日[201~c")], "cut at \(cut)")
            #expect(!decoder.isWaiting)
        }
    }

    @Test func pasteWithoutEndMarkerExpires() {
        var decoder = KeyDecoder()
        #expect(decoder.decode(scalars("\u{1B}[200~partial text\u{1B}[20")).isEmpty)
        #expect(decoder.isPasting)
        #expect(keys(decoder.expire()) == [.paste("partial text")])
        #expect(!decoder.isWaiting)
        #expect(keys(decoder.decode(scalars("j"))) == [.character("j")])
    }

    @Test func pasteKeepsKeysOutOfTheKeyMap() {
        var decoder = KeyDecoder()
        let events = decoder.decode(scalars("\u{1B}[200~q") + [.key(.enter)] + scalars(":q\u{1B}[201~"))
        #expect(keys(events) == [.paste("q\n:q")])
    }

    @Test func aModeReportIsAnEventNeverTyped() {
        var decoder = KeyDecoder()
        let events = decoder.decode(scalars("\u{1B}[?2027;2$yx"))
        #expect(events == [.modeReport(mode: 2027, value: 2), .key(.character("x"))])
        // Other answers and sequences are dropped, never typed.
        #expect(keys(decoder.decode(scalars("\u{1B}[?2004;1$p\u{1B}[12;3Ry"))) == [.character("y")])
    }
}

@Suite struct GraphemeClusteringTests {
    @Test(arguments: [(nil, GraphemeSetting.auto), ("", .auto), ("auto", .auto), ("on", .on), ("OFF", .off)]
          as [(String?, GraphemeSetting)])
    func theSettingReadsALLO_GRAPHEMES(variable: String?, setting: GraphemeSetting) {
        #expect(GraphemeSetting(variable: variable) == setting)
    }

    @Test func anUnknownSettingIsRefused() {
        #expect(GraphemeSetting(variable: "sometimes") == nil)
    }

    @Test(arguments: [(0, GraphemeMode.codePoints, false), (1, .clusters, false), (2, .clusters, true),
                      (3, .clusters, false), (4, .codePoints, false)] as [(Int, GraphemeMode, Bool)])
    func theTerminalsAnswerDecides(value: Int, mode: GraphemeMode, switchOn: Bool) {
        let decision = GraphemeClustering.decision(value)
        #expect(decision.mode == mode && decision.switchOn == switchOn)
    }
}
