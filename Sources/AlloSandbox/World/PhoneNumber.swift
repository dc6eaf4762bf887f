/// E.164 checks and the country of a number, enough for the contract's SMS rules (§6.7, §9).
enum PhoneNumber {
    /// Calling codes the sandbox knows, longest first where they share a prefix, with the national number lengths allowed.
    private static let plans: [(code: String, country: String, lengths: ClosedRange<Int>)] = [
        ("1", "US", 10...10), ("33", "FR", 9...9), ("44", "GB", 9...10), ("32", "BE", 8...9),
        ("41", "CH", 9...9), ("49", "DE", 6...13), ("34", "ES", 9...9), ("39", "IT", 6...11),
        ("352", "LU", 6...11), ("351", "PT", 9...9), ("31", "NL", 9...9), ("61", "AU", 9...9),
        ("81", "JP", 9...10), ("86", "CN", 10...11), ("82", "KR", 8...10), ("212", "MA", 9...9),
        ("213", "DZ", 9...9), ("216", "TN", 8...8), ("262", "RE", 9...9), ("590", "GP", 9...9),
    ].sorted { $0.code.count > $1.code.count }

    /// True for `+` then 8 to 15 digits, the first not zero, and the right length where the country is known.
    static func isValid(_ text: String) -> Bool {
        guard let digits = digitsAfterPlus(text), (8...15).contains(digits.count), digits.first != "0" else { return false }
        guard let plan = plan(for: digits) else { return true }
        let national = digits.count - plan.code.count
        if plan.country == "US" { return plan.lengths.contains(national) && !digits.dropFirst().hasPrefix("0") && !digits.dropFirst().hasPrefix("1") }
        return plan.lengths.contains(national)
    }

    /// ISO 3166 alpha-2 of a valid number, or nil when the calling code is not in the table.
    static func country(of text: String) -> String? {
        guard isValid(text), let digits = digitsAfterPlus(text) else { return nil }
        return plan(for: digits)?.country
    }

    private static func digitsAfterPlus(_ text: String) -> Substring? {
        guard text.first == "+" else { return nil }
        let digits = text.dropFirst()
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return digits
    }

    private static func plan(for digits: Substring) -> (code: String, country: String, lengths: ClosedRange<Int>)? {
        plans.first { digits.hasPrefix($0.code) }
    }
}
