/// A phone number in E.164 form, `+` then the country calling code and the national number (`+33612345678`),
/// which is what the Withallo API wants in every `from`, `to` and `numbers` field (contract §1).
///
/// Make one from what a person typed with `E164.parse(_:)`; check a string that is about to go on the wire with
/// `E164.isValid(_:)`.
public struct E164: Sendable, Hashable, CustomStringConvertible {
    /// The normalised number: `+` then 8 to 15 ASCII digits, the first not 0, e.g. `+14155550100`.
    public let number: String
    /// How many of the digits after the `+` are the calling code; derived from `number`.
    private let callingCodeLength: Int

    init(digits: String, callingCodeLength: Int) {
        number = "+" + digits
        self.callingCodeLength = callingCodeLength
    }

    /// Reads a number as people write it and returns it normalised, or nil when it is not an international number.
    ///
    /// Accepted: a leading `+` or the `00` international prefix (turned into `+`); spaces, dots, dashes, slashes and
    /// parentheses anywhere (`+1 (415) 555-0100`, `0033 6.12.34.56.78`); a `(0)` trunk marker after the country code
    /// (`+44 (0)20 7183 8750`); full-width and other Unicode decimal digits. Refused: national numbers with no country
    /// code (`06 12 34 56 78`), letters and extensions, fewer than 8 or more than 15 digits, a calling code that is not
    /// assigned, and — where the numbering plan fixes it — a wrong national length (+1: ten digits with an area code
    /// and exchange starting with 2–9; +33: nine digits).
    public static func parse(_ text: String) -> E164? {
        try? read(text).get()
    }

    /// True when `text` is already strict E.164, exactly what the API accepts on the wire: `+` then 8 to 15 ASCII
    /// digits, the first not 0, and nothing else — no spaces, no punctuation, no `00` prefix.
    ///
    /// This checks the form only; `parse(_:)` also checks the calling code and, for +1 and +33, the national length.
    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.first == UInt8(ascii: "+"), (9...16).contains(bytes.count) else { return false }
        let digits = bytes.dropFirst()
        return digits.first != UInt8(ascii: "0")
            && digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// The country calling code, without the `+`: `"33"`, `"1"`, `"44"`, `"852"`.
    public var countryCallingCode: String {
        String(number.dropFirst().prefix(callingCodeLength))
    }

    /// The ISO 3166 alpha-2 region the number belongs to, when that can be told from the number alone.
    ///
    /// `+33` → `FR`, `+44` → `GB`, `+49` → `DE`, `+81` → `JP`. For +1 the area code decides: a Canadian one gives
    /// `CA`, a Caribbean or Pacific member's gives its own region (`+1 876` → `JM`, `+1 787` → `PR`), any other `US`.
    /// Other shared codes resolve their smaller members by prefix (`+7 7…` → `KZ`, `+44 1534` → `JE`).
    /// Nil when the number does not say: toll-free +1 8xx numbers, +590 (Guadeloupe, Saint-Barthélemy, Saint-Martin),
    /// and the non-geographic codes (+800, +882 …).
    public var regionCode: String? {
        CallingCodes.region(code: countryCallingCode, national: nationalNumber)
    }

    /// True when both numbers have the same country calling code, which is how this SDK reads the API's
    /// "same country" rule for sending an SMS (§6.7).
    ///
    /// The whole of +1 counts as one country, so a US number and a Canadian one match; likewise other shared codes
    /// (+7 Russia and Kazakhstan, +44 with Jersey, Guernsey and the Isle of Man). The check is deliberately lenient:
    /// it must never refuse a send the API would accept, and the API has the last word
    /// (`TO_NUMBER_COUNTRY_MISMATCH`).
    public func sameCountry(as other: E164) -> Bool {
        countryCallingCode == other.countryCallingCode
    }

    /// The normalised number, e.g. `+33612345678`.
    public var description: String { number }

    /// The digits after the calling code.
    var nationalNumber: Substring {
        number.dropFirst(1 + callingCodeLength)
    }
}
