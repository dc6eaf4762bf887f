/// Turning what a person typed into E.164 digits, and saying why when it cannot be done.
extension E164 {
    /// Why a text is not an international phone number. Messages name the problem and the fix.
    enum Rejection: Error, Equatable {
        case empty
        case unexpectedCharacter(Character)
        case misplacedPlus
        /// Neither `+` nor `00` in front: a national number, whose country cannot be guessed.
        case noInternationalPrefix
        case startsWithZero
        case tooShort(digits: Int)
        case tooLong(digits: Int)
        case unassignedCallingCode
        /// The national part has the wrong number of digits for its country.
        case wrongNationalLength(code: String, expected: String, got: Int, trunkZero: Bool)
        /// A +1 number whose area code or exchange starts with 0 or 1.
        case malformedNANP

        var message: String {
            switch self {
            case .empty:
                return "it is empty; give a number in international form, e.g. +33612345678 or +14155550100"
            case .unexpectedCharacter(let character):
                return "it contains \(String(character).debugDescription); a phone number has only digits after the +,"
                    + " no letters or extensions"
            case .misplacedPlus:
                return "a + may only come first, before the country calling code"
            case .noInternationalPrefix:
                return "it has no country calling code; start it with + (or 00) and the country code, e.g. +33 for France, +1 for the US"
            case .startsWithZero:
                return "no country calling code starts with 0; write + then the country code, e.g. +44 20 7183 8750, not +0…"
            case .tooShort(let digits):
                return "it has \(digits) digits; an E.164 number has 8 to 15 digits after the +, country code included"
            case .tooLong(let digits):
                return "it has \(digits) digits; E.164 allows at most 15 after the +, country code included"
            case .unassignedCallingCode:
                return "it does not begin with an assigned country calling code; check the digits after the +"
            case .wrongNationalLength(let code, let expected, let got, let trunkZero):
                return "numbers under +\(code) have \(expected) digits after the country code, this one has \(got)"
                    + (trunkZero ? "; drop the national trunk 0 written after +\(code)" : "")
            case .malformedNANP:
                return "+1 numbers have a 3-digit area code and a 3-digit exchange that both start with 2 to 9"
            }
        }
    }

    /// Reads human input: `+` or `00` then digits, with spaces, dots, dashes, slashes and parentheses ignored, a
    /// `(0)` trunk marker after the country code dropped, and full-width or other Unicode decimal digits read as digits.
    static func read(_ text: String) -> Result<E164, Rejection> {
        let characters = Array(text.trimmingWhitespace())
        guard !characters.isEmpty else { return .failure(.empty) }
        var digits = ""
        var plus = false
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "(", !digits.isEmpty, index + 2 < characters.count,
               characters[index + 1].asciiDigit == "0", characters[index + 2] == ")" {
                index += 3  // "+44 (0)20 …": the national trunk 0, not part of the international number.
                continue
            }
            if character == "+" || character == "\u{FF0B}" {
                guard !plus, digits.isEmpty else { return .failure(.misplacedPlus) }
                plus = true
            } else if let digit = character.asciiDigit {
                digits.append(digit)
            } else if !character.isPhoneSeparator {
                return .failure(.unexpectedCharacter(character))
            }
            index += 1
        }
        if !plus {
            guard digits.hasPrefix("00") else { return .failure(digits.isEmpty ? .empty : .noInternationalPrefix) }
            digits.removeFirst(2)
        }
        return check(digits: digits)
    }

    /// The checks on the digits after the `+`: length, leading zero, calling code, and the national length where the
    /// plan fixes it (+1 and +33).
    static func check(digits: String) -> Result<E164, Rejection> {
        if digits.hasPrefix("0") { return .failure(.startsWithZero) }
        if digits.count < 8 { return .failure(.tooShort(digits: digits.count)) }
        if digits.count > 15 { return .failure(.tooLong(digits: digits.count)) }
        guard let code = CallingCodes.code(startingWith: digits) else { return .failure(.unassignedCallingCode) }
        let national = digits.dropFirst(code.count)
        let trunkZero = national.hasPrefix("0")
        switch code {
        case "1":
            guard national.count == 10 else {
                return .failure(.wrongNationalLength(code: code, expected: "10", got: national.count, trunkZero: trunkZero))
            }
            guard NANP.isWellFormed(national: national) else { return .failure(.malformedNANP) }
        case "33":
            // French numbers are 0 + 9 digits nationally; the 0 is dropped after +33.
            guard national.count == 9 else {
                return .failure(.wrongNationalLength(code: code, expected: "9", got: national.count, trunkZero: trunkZero))
            }
        default:
            break
        }
        return .success(E164(digits: digits, callingCodeLength: code.count))
    }
}

fileprivate extension Character {
    /// The ASCII digit this character stands for: `0`–`9`, and any other Unicode decimal digit (full-width `３`,
    /// Arabic-Indic `٣` …) converted.
    var asciiDigit: Character? {
        guard unicodeScalars.count == 1, let scalar = unicodeScalars.first,
              scalar.properties.generalCategory == .decimalNumber,
              let value = scalar.properties.numericValue, value >= 0, value <= 9 else { return nil }
        return Character(String(Int(value)))
    }

    /// Whitespace, dots, dashes (ASCII and Unicode), slashes and parentheses: what people put between digit groups.
    var isPhoneSeparator: Bool {
        if isWhitespace { return true }
        switch self {
        case ".", "-", "/", "(", ")", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}",
             "\u{FF0E}", "\u{FF0D}", "\u{FF08}", "\u{FF09}":
            return true
        default:
            return false
        }
    }
}

fileprivate extension String {
    /// The string without leading and trailing whitespace (no Foundation needed).
    func trimmingWhitespace() -> Substring {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else {
            return ""
        }
        return self[first...last]
    }
}
