import AlloTUI
import SandboxTestSupport
import Testing

@Suite struct TextWidthTests {
    /// Cluster by cluster (terminal mode 2027): each cluster one glyph.
    @Test(arguments: [
        // ASCII, Latin with precomposed and combining accents
        ("a", 1), ("hello", 5), ("é", 1), ("e\u{301}", 1), ("a\u{301}\u{323}", 1),
        // CJK, kana, Hangul syllables, CJK punctuation and the ideographic space
        ("中", 2), ("中文", 4), ("ひらがな", 8), ("カ", 2), ("한국어", 6), ("。", 2), ("\u{3000}", 2),
        // CJK Extension B (plane 2) and an unassigned code point in a wide block
        ("\u{20BB7}", 2), ("\u{2FFF0}", 2),
        // Fullwidth and halfwidth forms
        ("Ａ", 2), ("！", 2), ("￥", 2), ("ｶ", 1),
        // Emoji with emoji presentation, with skin tones, ZWJ families and professions
        ("😀", 2), ("👍🏽", 2), ("👩‍👩‍👧", 2), ("👨‍👩‍👧‍👦", 2), ("👩🏽‍💻", 2), ("🏳️‍🌈", 2), ("👁️‍🗨️", 2),
        // Text-default emoji: alone 1, with VS16 2; emoji-default with VS15 1
        ("❤", 1), ("❤️", 2), ("☺", 1), ("☺️", 2), ("⌚", 2), ("⌚︎", 1), ("☝🏽", 2),
        // Flags: regional-indicator pairs and a tag sequence
        ("🇫🇷", 2), ("🇯🇵", 2), ("🏴󠁧󠁢󠁳󠁣󠁴󠁿", 2), ("🇫🇷🇩🇪", 4),
        // Keycaps, with and without VS16
        ("1️⃣", 2), ("#️⃣", 2), ("*⃣", 2), ("1\u{FE0F}", 2),
        // Zero width: combining marks, joiners, variation selectors, format characters
        ("\u{301}", 0), ("\u{200D}", 0), ("\u{200B}", 0), ("\u{FE0F}", 0), ("\u{2060}", 0), ("\u{FEFF}", 0),
        ("\u{E0101}", 0),
        // Hangul jamo: leading 2, medial and final 0, a decomposed syllable one 2-cell glyph
        ("\u{1100}", 2), ("\u{1161}", 0), ("\u{11A8}", 0), ("\u{1100}\u{1161}\u{11A8}", 2), ("\u{D7B0}", 0),
        // A Devanagari conjunct (one cluster since Unicode 15.1): as wide as its first letter
        ("क्षि", 1),
        // Ambiguous width counts as narrow
        ("α", 1), ("→", 1), ("…", 1), ("─", 1),
        // Mixed line
        ("Bonjour 🇫🇷 中文 ok", 18),
    ] as [(String, Int)])
    func cellsPerCluster(text: String, cells: Int) {
        #expect(text.map(TextWidth.clusterWidth).reduce(0, +) == cells, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    /// Code point by code point (tmux 3.3a, xterm, the console): emoji sequences taken apart.
    static let codePointCases: [(String, Int)] = [
        ("a", 1), ("hello", 5), ("é", 1), ("e\u{301}", 1), ("a\u{301}\u{323}", 1),
        ("中", 2), ("中文", 4), ("한국어", 6), ("\u{3000}", 2), ("\u{20BB7}", 2), ("Ａ", 2), ("ｶ", 1),
        // A ZWJ sequence shows its emoji side by side; a skin tone after its base is left out
        ("😀", 2), ("👍🏽", 2), ("👩‍👩‍👧", 6), ("👨‍👩‍👧‍👦", 8), ("👩🏽‍💻", 4), ("🏳️‍🌈", 3), ("👁️‍🗨️", 2),
        // VS15 and VS16 are left out: the code point's own width
        ("❤", 1), ("❤️", 1), ("☺️", 1), ("⌚", 2), ("⌚︎", 2), ("☝🏽", 1),
        // Flags: two regional indicators of one cell; an odd one alone; a tag flag as its black flag
        ("🇫🇷", 2), ("🇯🇵", 2), ("🇫", 1), ("🏴󠁧󠁢󠁳󠁣󠁴󠁿", 2), ("🇫🇷🇩🇪", 4),
        // Keycaps keep the enclosing mark on their digit
        ("1️⃣", 1), ("#️⃣", 1), ("*⃣", 1), ("1\u{FE0F}", 1),
        ("\u{301}", 0), ("\u{200D}", 0), ("\u{200B}", 0), ("\u{FE0F}", 0),
        ("\u{1100}", 2), ("\u{1100}\u{1161}\u{11A8}", 2),
        // Devanagari: a spacing vowel sign is a cell of its own, as terminals draw it
        ("क्षि", 3), ("नमस्ते", 4),
        // Right to left, drawn in logical order
        ("שלום", 4), ("مرحبا", 5),
        ("Bonjour 🇫🇷 中文 ok", 18),
    ]

    @Test(arguments: codePointCases)
    func cellsPerCodePoint(text: String, cells: Int) {
        #expect(TextWidth.$mode.withValue(.codePoints) { TextWidth.of(text) } == cells,
                "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    /// What is drawn per code point is what glibc's `wcwidth` (ncurses' and tmux's measure) adds up to.
    @Test(arguments: codePointCases)
    func drawnTextMatchesWcwidth(text: String, cells: Int) throws {
        let drawn = TextWidth.drawn(text, mode: .codePoints)
        #expect(!drawn.unicodeScalars.contains { [0x200D, 0xFE0E, 0xFE0F].contains($0.value) }, "no joiner or selector left")
        let wcwidth = try #require(GlibcWidth.total(drawn), "glibc's wcwidth")
        #expect(wcwidth == cells, "\(drawn.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    /// In mode 2027 a cluster is one glyph when curses, which measures a cell by its first code point, agrees;
    /// otherwise it is drawn in pieces like per code point.
    @Test func clustersModeDrawsWholeClustersCursesCanCarry() {
        TextWidth.$mode.withValue(.clusters) {
            #expect(TextWidth.glyphs(of: "👩‍👩‍👧") == [Glyph("👩‍👩‍👧", width: 2)])
            #expect(TextWidth.glyphs(of: "👍🏽") == [Glyph("👍🏽", width: 2)])
            #expect(TextWidth.glyphs(of: Character("क्षि")) == [Glyph("क्षि", width: 1)])
            // Seven code points: more than a curses cell holds.
            #expect(TextWidth.glyphs(of: "👨‍👩‍👧‍👦").map(\.text) == ["👨", "👩", "👧", "👦"])
            // A first code point narrower than the cluster: curses would disagree.
            #expect(TextWidth.glyphs(of: "❤️") == [Glyph("❤", width: 1)])
            #expect(TextWidth.of("🇫🇷") == 2)
        }
    }

    @Test func controlCharactersTakeNoCellsThemselvesButTheirPlaceholdersDo() {
        #expect(TextWidth.of("\u{07}") == 0)
        #expect(TextWidth.of("\u{1B}") == 0)
        #expect(Truncate.cells("a\u{1B}b") == 3)  // drawn as a␛b
    }

    @Test func everyPlaneIsMeasuredWithoutTrapping() {
        var total = 0
        for value in stride(from: 0, through: 0x10FFFF, by: 7) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let width = TextWidth.of(scalar: scalar)
            #expect((0...2).contains(width))
            total += width
        }
        #expect(total > 0)
    }
}
