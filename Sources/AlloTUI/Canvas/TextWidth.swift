/// How the terminal lays grapheme clusters out, which decides how text is measured and drawn.
public enum GraphemeMode: Sendable, Hashable, CustomStringConvertible {
    /// Code point by code point, each with its `wcwidth` (tmux 3.3a, xterm, the Linux console, most terminals over
    /// SSH). A cluster is drawn as pieces of known width: a spacing code point with the zero-width ones after it.
    /// Emoji sequences are taken apart, because terminals disagree on them: a ZWJ sequence becomes its emoji side by
    /// side (👨‍👩‍👧 as 👨👩👧), a skin tone, VS15/VS16 and tag characters are left out, a keycap keeps its enclosing mark.
    case codePoints
    /// One glyph per extended grapheme cluster (terminal mode 2027: foot, WezTerm, Contour, Ghostty…), as wide as the
    /// cluster (`TextWidth.clusterWidth`); a cluster a terminal cell cannot carry whole is drawn in pieces as above.
    case clusters

    public var description: String { self == .clusters ? "clusters" : "code points" }
}

/// One piece of a drawn cluster: the text of one cell (a spacing code point and the zero-width ones after it, or a
/// whole cluster in `.clusters` mode) and the cells it takes.
public struct Glyph: Equatable, Sendable {
    public var text: String
    public var width: Int

    public init(_ text: String, width: Int) {
        self.text = text
        self.width = width
    }
}

/// Width in terminal cells, owned here rather than trusted to `wcwidth` alone, in the mode the terminal was found in
/// (`TextWidth.mode`: per code point unless the terminal clusters graphemes). `Canvas.write`, wrapping, truncation,
/// the compose box's cursor and the CLI's tables all measure here, so they agree with what is drawn.
///
/// Per code point (`of(scalar:)`): East Asian Wide and Fullwidth characters take 2 cells; combining marks, joiners,
/// variation selectors, zero-width format characters and Hangul medial and final jamo take 0; everything else, East
/// Asian Ambiguous included, takes 1. The tables are Unicode 14's, glibc 2.36's.
///
/// Per cluster (`clusterWidth`): emoji with emoji presentation, or made so by VS16, take 2, made text by VS15 take 1; a
/// ZWJ sequence, a modifier sequence, a flag and a keycap are one 2-cell glyph; otherwise the first code point decides.
public enum TextWidth {
    /// How the terminal lays clusters out; the terminal client binds it once it knows (`ALLO_GRAPHEMES`, DECRQM 2027).
    @TaskLocal public static var mode: GraphemeMode = .codePoints

    /// The most code points one terminal cell holds (curses' `CCHARW_MAX`): a longer cluster is drawn in pieces.
    public static let scalarsPerCell = 5

    /// Cells taken by `text`.
    public static func of(_ text: some StringProtocol) -> Int {
        // Fast path: printable ASCII is one cell per byte, with no grapheme breaking at all.
        var ascii = true
        for byte in text.utf8 where byte < 0x20 || byte >= 0x7F {
            ascii = false
            break
        }
        if ascii { return text.utf8.count }
        let mode = self.mode
        var total = 0
        for character in text { total += of(character, mode: mode) }
        return total
    }

    /// Cells taken by one grapheme cluster as drawn in `mode` (nil: `TextWidth.mode`, looked up only for a cluster of
    /// several code points, as a task-local lookup costs more than measuring a letter).
    public static func of(_ character: Character, mode: GraphemeMode? = nil) -> Int {
        if let ascii = character.asciiValue { return ascii < 0x20 || ascii == 0x7F ? 0 : 1 }
        let scalars = character.unicodeScalars
        if scalars.count == 1, let only = scalars.first { return of(scalar: only) }
        var total = 0
        for glyph in glyphs(of: character, mode: mode) { total += glyph.width }
        return total
    }

    /// The pieces `character` is drawn as in `mode` (nil: `TextWidth.mode`), left to right; none for a cluster that
    /// takes no room.
    public static func glyphs(of character: Character, mode: GraphemeMode? = nil) -> [Glyph] {
        let scalars = character.unicodeScalars
        if scalars.count == 1, let only = scalars.first {
            let width = of(scalar: only)
            return width == 0 ? [] : [Glyph(String(character), width: width)]
        }
        if (mode ?? TextWidth.mode) == .clusters, let first = scalars.first, scalars.count <= scalarsPerCell {
            // Whole, when curses (which measures a cell by its first code point) will agree with the terminal.
            let width = clusterWidth(character)
            if width > 0, of(scalar: first) == width { return [Glyph(String(character), width: width)] }
        }
        return pieces(of: scalars)
    }

    /// `text` as it is drawn in `mode`: every cluster as its glyphs (`glyphs(of:mode:)`), so its width is
    /// `of(text)` on any terminal of that mode. For text printed outside the canvas: the CLI's aligned columns.
    public static func drawn(_ text: String, mode: GraphemeMode = TextWidth.mode) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x300 }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if character.isASCII || Wrap.isHardBreak(character) {
                result.append(character)
            } else {
                for glyph in glyphs(of: character, mode: mode) { result += glyph.text }
            }
        }
        return result
    }

    /// A cluster taken apart the way terminals lay code points out: each spacing code point starts a piece, zero-width
    /// ones join the piece before them (one that leads is dropped). In an emoji sequence the parts terminals disagree
    /// on are left out (ZWJ, VS15, VS16, tags, a skin tone after its base).
    static func pieces(of scalars: Character.UnicodeScalarView) -> [Glyph] {
        let emoji = scalars.first.map(isEmojiStart) ?? false
        var result: [Glyph] = []
        var previous: Unicode.Scalar?
        for scalar in scalars {
            defer { previous = scalar }
            if emoji, isLeftOutOfEmoji(scalar, after: previous) { continue }
            let width = of(scalar: scalar)
            if width > 0 {
                result.append(Glyph(String(scalar), width: width))
            } else if !result.isEmpty {
                result[result.count - 1].text.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether a cluster starting with `scalar` is an emoji sequence (or a keycap, or a flag).
    private static func isEmojiStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isEmoji || isRegionalIndicator(scalar)
    }

    /// ZWJ, VS15, VS16, tag characters, and a skin tone after a modifier base.
    private static func isLeftOutOfEmoji(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar?) -> Bool {
        switch scalar.value {
        case 0x200D, 0xFE0E, 0xFE0F, 0xE0001, 0xE0020...0xE007F: return true
        case 0x1F3FB...0x1F3FF: return previous?.properties.isEmojiModifierBase ?? false
        default: return false
        }
    }

    /// Cells one grapheme cluster takes as one glyph (terminal mode 2027).
    public static func clusterWidth(_ character: Character) -> Int {
        if let ascii = character.asciiValue { return ascii < 0x20 || ascii == 0x7F ? 0 : 1 }
        let scalars = character.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        guard let second = iterator.next() else { return of(scalar: first) }

        let base = of(scalar: first)
        // Regional-indicator pair: a flag.
        if isRegionalIndicator(first), isRegionalIndicator(second) { return 2 }
        let isKeycapBase = first.value == 0x23 || first.value == 0x2A || (0x30...0x39).contains(first.value)
        let isEmojiBase = !isKeycapBase && first.properties.isEmoji
        var previous = first
        var joined = false
        for scalar in scalars.dropFirst() {
            switch scalar.value {
            case 0xFE0F:
                // VS16: emoji presentation (❤️, 1️⃣).
                if isEmojiBase || isKeycapBase { return 2 }
            case 0xFE0E:
                // VS15: text presentation (⌚︎).
                if isEmojiBase, !joined { return 1 }
            case 0x20E3:
                // Combining enclosing keycap (#⃣).
                if isKeycapBase { return 2 }
            case 0x1F3FB...0x1F3FF:
                // Skin-tone modifier on an emoji modifier base (☝🏽).
                if previous.properties.isEmojiModifierBase { return 2 }
            case 0x200D:
                joined = isEmojiBase
            default:
                // The emoji after a ZWJ: the sequence is one glyph (👁‍🗨).
                if joined, scalar.properties.isEmoji { return 2 }
            }
            previous = scalar
        }
        if base > 0 { return base }
        // A cluster led by a zero-width scalar (a lone mark, a prepended format character): as wide as its widest part.
        var widest = 0
        for scalar in scalars { widest = max(widest, of(scalar: scalar)) }
        return widest
    }

    /// Cells taken by one scalar on its own.
    public static func of(scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value < 0x20 ? 0 : 1 }
        if value < 0xA0 { return 0 }
        if value < 0x300 { return 1 }
        if contains(zeroRanges, value) { return 0 }
        if value < 0x1100 { return 1 }
        if contains(wideRanges, value) { return 2 }
        // Newer than the tables: ask the standard library (its Unicode is newer than Unicode 14).
        if let age = scalar.properties.age, age.major > 14 {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: return 0
            default: break
            }
            if scalar.properties.isEmojiPresentation { return 2 }
            // Unicode 15.1+ wide blocks that gained characters after Unicode 14.
            if (0x31350...0x323AF).contains(value) || (0x2EBF0...0x2EE5F).contains(value) { return 2 }
        }
        return 1
    }

    /// Whether `scalar` is one of the 26 regional indicators (half a flag).
    @inline(__always)
    static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool { (0x1F1E6...0x1F1FF).contains(scalar.value) }

    /// Binary search in sorted, disjoint ranges.
    @inline(__always)
    static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        guard let firstRange = ranges.first, value >= firstRange.lowerBound else { return false }
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = ranges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
