import Synchronization

/// Word wrapping by terminal cells.
///
/// - Hard breaks (`\n`, `\r\n`, `\r`, U+2028, U+2029) always end a line; an empty line stays an empty line.
/// - Words move whole to the next line; the spaces where a line breaks are dropped.
/// - A line may also break next to a wide (CJK) glyph, as CJK text has no spaces.
/// - A word longer than the width is split by cells, never inside a grapheme cluster, so a wide glyph or an emoji
///   sequence is never cut.
public enum Wrap {
    /// The lines of `text` wrapped to `width` cells (at least one line, even for empty text).
    public static func lines(_ text: String, width: Int) -> [String] {
        let characters = Array(text)
        return ranges(characters, width: width).map { String(characters[$0]) }
    }

    /// The same lines as ranges into `characters` (the text's grapheme clusters), for callers that map positions
    /// (a text input's cursor). Dropped break spaces belong to no range; a hard break ends its line's range.
    public static func ranges(_ characters: [Character], width: Int) -> [Range<Int>] {
        let width = max(1, width)
        var result: [Range<Int>] = []
        var lineStart = 0
        var index = 0
        while index <= characters.count {
            if index == characters.count || isHardBreak(characters[index]) {
                wrapLine(characters, lineStart..<index, width: width, into: &result)
                index += 1
                lineStart = index
                if index > characters.count { break }
                continue
            }
            index += 1
        }
        return result
    }

    /// Whether `character` ends a line.
    @inline(__always)
    public static func isHardBreak(_ character: Character) -> Bool {
        switch character {
        case "\n", "\r\n", "\r", "\u{2028}", "\u{2029}": return true
        default: return false
        }
    }

    private static func wrapLine(_ characters: [Character], _ range: Range<Int>, width: Int,
                                 into result: inout [Range<Int>]) {
        let linesBefore = result.count
        var start = range.lowerBound
        var used = 0
        // Where the line may break: the line ends before `end` and the next starts at `next`.
        var breakEnd = -1
        var breakNext = -1
        var index = start
        var previousWide = false
        while index < range.upperBound {
            let character = characters[index]
            let w = Truncate.cells(character)
            if character == " " {
                if index > start { breakEnd = trimmedEnd(characters, start, index); breakNext = index + 1 }
                if used + w > width {
                    // The space overflows: break here and drop it (and any spaces after it); a line of nothing but
                    // spaces keeps them.
                    result.append(start..<(breakEnd > start ? breakEnd : index))
                    start = skipSpaces(characters, index, range.upperBound)
                    index = start
                    used = 0
                    breakEnd = -1
                    previousWide = false
                    continue
                }
                used += w
                previousWide = false
                index += 1
                continue
            }
            if index > start, w == 2 || previousWide {
                breakEnd = trimmedEnd(characters, start, index)
                breakNext = index
            }
            if used + w > width, index > start {
                if breakEnd > start {
                    result.append(start..<breakEnd)
                    start = skipSpaces(characters, breakNext, range.upperBound)
                } else {
                    // One word longer than the line: split it by cells.
                    result.append(start..<index)
                    start = index
                }
                breakEnd = -1
                used = 0
                for j in start..<index { used += Truncate.cells(characters[j]) }
                previousWide = index > start && Truncate.cells(characters[index - 1]) == 2
                continue
            }
            used += w
            previousWide = w == 2
            index += 1
        }
        // The last line keeps its text as typed, trailing spaces included (a text input's cursor sits after them). When
        // nothing is left but the spaces dropped at a break ("word " with the word filling the line), no empty line
        // follows.
        if start < range.upperBound || result.count == linesBefore { result.append(start..<range.upperBound) }
    }

    /// Trailing spaces at a break are dropped.
    private static func trimmedEnd(_ characters: [Character], _ start: Int, _ end: Int) -> Int {
        var end = end
        while end > start, characters[end - 1] == " " { end -= 1 }
        return end
    }

    private static func skipSpaces(_ characters: [Character], _ from: Int, _ end: Int) -> Int {
        var index = from
        while index < end, characters[index] == " " { index += 1 }
        return index
    }
}

/// Wrapped lines cached by (text, width, grapheme mode), so text wrapped lazily for the visible rows is wrapped once per width.
///
/// Bounded: it keeps two generations of entries and drops the older one when the newer fills up, so a long scroll
/// through history costs memory proportional to `capacity`, and a width change simply misses until the new width is
/// cached. Safe to share between threads (a `Mutex` guards it); `WrapCache.shared` is what panes use by default.
public final class WrapCache: Sendable {
    private struct Key: Hashable {
        var text: String
        var width: Int
        var mode: GraphemeMode
    }

    private struct Storage {
        var current: [Key: [String]] = [:]
        var previous: [Key: [String]] = [:]
        var hits = 0
        var misses = 0
    }

    private let storage = Mutex(Storage())
    /// Entries kept per generation.
    public let capacity: Int

    public static let shared = WrapCache()

    public init(capacity: Int = 4096) {
        self.capacity = max(1, capacity)
    }

    /// `Wrap.lines(text, width:)`, cached.
    public func lines(_ text: String, width: Int) -> [String] {
        let key = Key(text: text, width: width, mode: TextWidth.mode)
        if let found = lookup(key) { return found }
        let lines = Wrap.lines(text, width: width)
        store(key, lines)
        return lines
    }

    /// How many lines `text` takes at `width`, cached.
    public func height(_ text: String, width: Int) -> Int { lines(text, width: width).count }

    /// Lookups answered from the cache and lookups that had to wrap (for tests and the benchmark).
    public var statistics: (hits: Int, misses: Int) { storage.withLock { ($0.hits, $0.misses) } }

    /// Forgets everything (a theme or width change does not need it; entries are keyed by width).
    public func removeAll() {
        storage.withLock { $0 = Storage() }
    }

    private func lookup(_ key: Key) -> [String]? {
        storage.withLock { storage in
            if let lines = storage.current[key] {
                storage.hits += 1
                return lines
            }
            if let lines = storage.previous[key] {
                storage.hits += 1
                storage.current[key] = lines
                rotateIfFull(&storage)
                return lines
            }
            storage.misses += 1
            return nil
        }
    }

    private func store(_ key: Key, _ lines: [String]) {
        storage.withLock { storage in
            storage.current[key] = lines
            rotateIfFull(&storage)
        }
    }

    private func rotateIfFull(_ storage: inout Storage) {
        if storage.current.count >= capacity {
            storage.previous = storage.current
            storage.current = [:]
        }
    }
}
