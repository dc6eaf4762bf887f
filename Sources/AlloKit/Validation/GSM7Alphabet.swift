/// The GSM 03.38 (3GPP TS 23.038) default alphabet and its extension table, as sets of Unicode scalars.
enum GSM7Alphabet {
    /// The 128 positions of the default alphabet, in code order, 16 to a line. Position 0x1B is the escape to the
    /// extension table; it is kept here so the positions stay right, and left out of `basic`.
    static let table: [Unicode.Scalar] = Array((
        "@£$¥èéùìòÇ\nØø\rÅå"
            + "\u{0394}_\u{03A6}\u{0393}\u{039B}\u{03A9}\u{03A0}\u{03A8}\u{03A3}\u{0398}\u{039E}\u{1B}ÆæßÉ"
            + " !\"#¤%&'()*+,-./"
            + "0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNO"
            + "PQRSTUVWXYZÄÖÑÜ§"
            + "¿abcdefghijklmno"
            + "pqrstuvwxyzäöñüà"
    ).unicodeScalars)

    /// Escape, position 0x1B: in a message it would be read as the start of an extension character.
    static let escape: Unicode.Scalar = "\u{1B}"

    /// Characters that take one septet.
    static let basic: Set<Unicode.Scalar> = Set(table).subtracting([escape])

    /// Characters that take two septets (escape, then the character): form feed `^ { } \ [ ~ ] |` and `€`.
    static let extended: Set<Unicode.Scalar> = ["\u{0C}", "^", "{", "}", "\\", "[", "~", "]", "|", "€"]

    /// Septets for each scalar of `text`, or nil as soon as one is outside both tables (the text needs UCS-2).
    static func septets(_ text: String) -> [Int]? {
        var widths: [Int] = []
        widths.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if basic.contains(scalar) {
                widths.append(1)
            } else if extended.contains(scalar) {
                widths.append(2)
            } else {
                return nil
            }
        }
        return widths
    }
}
