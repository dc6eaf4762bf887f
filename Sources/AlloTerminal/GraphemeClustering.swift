import AlloTUI

/// Whether the client draws grapheme clusters as one glyph (`ALLO_GRAPHEMES=on|off|auto`).
///
/// - `auto` (the default) asks the terminal (DECRQM for mode 2027) and turns clustering on when it answers that it has
///   it; without an answer, or inside tmux 3.3a, xterm or the Linux console, text is laid out code point by code point.
/// - `on` turns mode 2027 on without asking; `off` never does.
public enum GraphemeSetting: String, Sendable, CaseIterable {
    case auto, on, off

    /// `ALLO_GRAPHEMES`, or `auto` when unset; nil for any other value.
    public init?(variable: String?) {
        guard let variable, !variable.isEmpty else {
            self = .auto
            return
        }
        self.init(rawValue: variable.lowercased())
    }
}

/// Mode 2027 (grapheme cluster processing, as foot, WezTerm, Contour and Ghostty have it): the query, the switch and
/// what an answer means.
enum GraphemeClustering {
    static let mode = 2027
    static let query: StaticString = "\u{1B}[?2027$p"
    static let on: StaticString = "\u{1B}[?2027h"
    static let off: StaticString = "\u{1B}[?2027l"

    /// What the client does when the terminal answers `value` about mode 2027: set it (and so reset it at the end), find
    /// it already set, or lay out by code points.
    static func decision(_ value: Int) -> (mode: GraphemeMode, switchOn: Bool) {
        switch value {
        case 1, 3: return (.clusters, false)
        case 2: return (.clusters, true)
        default: return (.codePoints, false)
        }
    }
}
