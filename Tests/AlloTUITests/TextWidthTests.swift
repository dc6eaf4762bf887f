import AlloTUI
import Testing

@Suite struct TextWidthTests {
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
        // Ambiguous width counts as narrow
        ("α", 1), ("→", 1), ("…", 1), ("─", 1),
        // Mixed line
        ("Bonjour 🇫🇷 中文 ok", 18),
    ] as [(String, Int)])
    func cellsOfText(text: String, cells: Int) {
        #expect(TextWidth.of(text) == cells, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
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
