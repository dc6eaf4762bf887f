/// How a text travels as SMS: its encoding, its size in that encoding's units, and how many segments (billed parts)
/// it takes. Daily SMS limits count segments (contract §9).
public struct SMSSegmentInfo: Sendable, Equatable {
    /// The encoding a carrier will use for the text.
    public enum Encoding: Sendable, Equatable {
        /// The GSM 03.38 default alphabet, 7 bits a character; extension characters (`€`, `[`, `{` …) take two.
        case gsm7
        /// UTF-16, needed as soon as one character is outside the GSM alphabet (`ê`, `ç`, CJK, emoji …).
        case ucs2
    }

    /// `gsm7` when every character is in the GSM alphabet, `ucs2` otherwise.
    public let encoding: Encoding
    /// The size of the text: septets for GSM-7 (extension characters count two), UTF-16 code units for UCS-2
    /// (a character outside the Basic Multilingual Plane, like most emoji, counts two).
    public let units: Int
    /// How many segments the text is sent as; 0 for an empty text.
    public let segments: Int
    /// Units one segment holds: 160 (GSM-7) or 70 (UCS-2) when the text fits in one, 153 or 67 once it is split,
    /// because each part then carries a header.
    public let perSegment: Int
    /// Units still free in the last segment before another one is needed.
    public let remainingInSegment: Int

    /// A segment count, as `SMSSegments.count(_:)` computes it.
    public init(encoding: Encoding, units: Int, segments: Int, perSegment: Int, remainingInSegment: Int) {
        self.encoding = encoding
        self.units = units
        self.segments = segments
        self.perSegment = perSegment
        self.remainingInSegment = remainingInSegment
    }
}

/// Counts the SMS segments a text will take, the way handsets and carriers split it.
public enum SMSSegments {
    /// The encoding, size and segment count of `text`.
    ///
    /// GSM-7 when every Unicode scalar is in the GSM 03.38 default alphabet or its extension table, UCS-2 otherwise;
    /// the text is taken as it is, not normalised (a decomposed `e` + U+0301 needs UCS-2 where a precomposed `é`
    /// does not). One segment holds 160 septets or 70 UTF-16 units. A longer text is split into parts of at most
    /// 153 septets or 67 units, filled greedily in order, and a part never splits an extension character's two
    /// septets or a surrogate pair: when the next one does not fit, it starts the next part and the slot is lost,
    /// so a split text can take more parts than its size divided by 153 (or 67).
    public static func count(_ text: String) -> SMSSegmentInfo {
        if let septets = GSM7Alphabet.septets(text) {
            return layout(septets, encoding: .gsm7, single: 160, multipart: 153)
        }
        let codeUnits = text.unicodeScalars.map { UTF16.width($0) }
        return layout(codeUnits, encoding: .ucs2, single: 70, multipart: 67)
    }

    /// Fits characters of the given widths into segments: all in one when they fit, else greedily into parts of
    /// `multipart` units, a character never straddling two parts.
    static func layout(_ widths: [Int], encoding: SMSSegmentInfo.Encoding, single: Int, multipart: Int) -> SMSSegmentInfo {
        let units = widths.reduce(0, +)
        if units <= single {
            return SMSSegmentInfo(encoding: encoding, units: units, segments: units == 0 ? 0 : 1, perSegment: single,
                                  remainingInSegment: single - units)
        }
        var parts = 1
        var used = 0
        for width in widths {
            if used + width > multipart {
                parts += 1
                used = 0
            }
            used += width
        }
        return SMSSegmentInfo(encoding: encoding, units: units, segments: parts, perSegment: multipart,
                              remainingInSegment: multipart - used)
    }
}
