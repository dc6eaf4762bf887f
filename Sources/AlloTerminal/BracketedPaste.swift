/// Collects the text between `ESC[200~` and `ESC[201~` (bracketed paste) into one string.
///
/// The start marker is recognised by `KeyDecoder`; from then on every scalar comes here until the end marker, which may
/// arrive split over any number of reads. When it never comes, the owner calls `expire()` after a quiet spell and gets
/// what arrived. Line breaks come as `\r` from terminals and leave as `\n`.
struct BracketedPaste: Sendable {
    /// Between the markers.
    private(set) var active = false
    private var scalars = String.UnicodeScalarView()
    /// How many scalars of the end marker matched so far.
    private var matched = 0
    /// A paste is capped (1 MiB of scalars): beyond it the rest is dropped rather than held in memory.
    static let limit = 1 << 20
    static let endMarker: [UInt32] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]

    mutating func begin() {
        active = true
        scalars = String.UnicodeScalarView()
        matched = 0
    }

    /// Takes one scalar of pasted input; returns the whole paste once the end marker completes it.
    mutating func feed(_ value: UInt32) -> String? {
        guard active else { return nil }
        if value == Self.endMarker[matched] {
            matched += 1
            if matched == Self.endMarker.count { return finish() }
            return nil
        }
        if matched > 0 {
            // A false start: the matched prefix was text after all. The end marker has no repeated prefix, so the
            // current scalar can only start a new match if it is ESC.
            for index in 0..<matched { append(Self.endMarker[index]) }
            matched = 0
            if value == Self.endMarker[0] { matched = 1; return nil }
        }
        append(value)
        return nil
    }

    /// The end marker never came: the text so far (a dangling partial marker is dropped).
    mutating func expire() -> String? {
        guard active else { return nil }
        return finish()
    }

    private mutating func append(_ value: UInt32) {
        guard scalars.count < Self.limit, let scalar = Unicode.Scalar(value) else { return }
        scalars.append(scalar)
    }

    private mutating func finish() -> String {
        let text = String(scalars).replacingCRLF()
        active = false
        scalars = String.UnicodeScalarView()
        matched = 0
        return text
    }
}

extension String {
    /// `\r\n` and lone `\r` become `\n`.
    fileprivate func replacingCRLF() -> String {
        guard unicodeScalars.contains("\r") else { return self }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in unicodeScalars {
            if scalar == "\n", previousCR { previousCR = false; continue }
            previousCR = scalar == "\r"
            out.append(previousCR ? "\n" : scalar)
        }
        return String(out)
    }
}
