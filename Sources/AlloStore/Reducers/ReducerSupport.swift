import Foundation

extension Duration {
    /// The duration in seconds, for date arithmetic.
    var timeInterval: TimeInterval {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}

extension Date {
    func adding(_ duration: Duration) -> Date { addingTimeInterval(duration.timeInterval) }
}

extension ErrorInfo {
    /// Whether asking again later can succeed without the user doing anything: no network, a timeout, a rate limit,
    /// a server error.
    var isTransient: Bool {
        switch kind {
        case .network, .timeout: return true
        case .http(let status): return status == 429 || status >= 500
        case .cancelled, .undecodable, .invalid: return false
        }
    }
}

/// The inbox's local filter: lowercased substring match, insensitive to diacritics (`jose` finds `José`).
///
/// Cheap on the common case: the needle is folded once; a haystack is searched byte by byte as is (searchText is
/// already lowercased), and folded only when the plain search fails and it holds non-ASCII bytes.
struct FilterNeedle: Equatable {
    let folded: String

    init(_ text: String) {
        folded = FilterNeedle.fold(text)
    }

    var isEmpty: Bool { folded.isEmpty }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
    }

    func matches(_ searchText: String) -> Bool {
        if folded.isEmpty { return true }
        if Self.contains(searchText, folded) { return true }
        guard searchText.utf8.contains(where: { $0 >= 0x80 }) else { return false }
        return Self.contains(Self.fold(searchText), folded)
    }

    /// Whether `needle` (the longer text typed so far) only narrows the matches of `self`.
    func isNarrowed(by needle: FilterNeedle) -> Bool {
        Self.contains(needle.folded, folded)
    }

    /// Byte-wise substring search over UTF-8 (valid for UTF-8: a match of whole encoded scalars).
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { hay in
            needle.withUTF8 { pin in
                let n = pin.count, h = hay.count
                if n == 0 { return true }
                if n > h { return false }
                let first = pin[0]
                var i = 0
                while i <= h - n {
                    if hay[i] == first {
                        var j = 1
                        while j < n && hay[i + j] == pin[j] { j += 1 }
                        if j == n { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
