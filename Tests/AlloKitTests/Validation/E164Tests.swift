import Testing
@testable import AlloKit

extension Validation {
    /// `E164`: reading numbers as people type them, the strict wire form, calling codes, regions and "same country".
    @Suite("E.164 phone numbers")
    struct E164Tests {
        @Test("parse normalises human input to + and digits, and finds the calling code and region", arguments: [
            // France
            E164Case("+33612345678", "+33612345678", "33", "FR"),
            E164Case("+33 6 12 34 56 78", "+33612345678", "33", "FR"),
            E164Case("0033 6.12.34.56.78", "+33612345678", "33", "FR"),
            E164Case("+33 (0)6 12 34 56 78", "+33612345678", "33", "FR"),
            E164Case("  +33-1-84-80-75-12\n", "+33184807512", "33", "FR"),
            // United States and Canada share +1; the area code tells them apart.
            E164Case("+1 (415) 555-0100", "+14155550100", "1", "US"),
            E164Case("001-212-555-0147", "+12125550147", "1", "US"),
            E164Case("+1 416 555 0199", "+14165550199", "1", "CA"),
            E164Case("+1.604.555.0123", "+16045550123", "1", "CA"),
            E164Case("+1 514 555 0123", "+15145550123", "1", "CA"),
            E164Case("+1 876 555 0123", "+18765550123", "1", "JM"),
            E164Case("+1 787 555 0123", "+17875550123", "1", "PR"),
            E164Case("+1 800 555 0123", "+18005550123", "1", nil),
            // United Kingdom and its Crown dependencies share +44.
            E164Case("+44 20 7183 8750", "+442071838750", "44", "GB"),
            E164Case("+44 (0)20 7183 8750", "+442071838750", "44", "GB"),
            E164Case("+44 7700 900123", "+447700900123", "44", "GB"),
            E164Case("+44 1534 555123", "+441534555123", "44", "JE"),
            // Germany (variable national lengths), other Europe
            E164Case("+49 30 1234567", "+49301234567", "49", "DE"),
            E164Case("+49 (30) 12345678", "+493012345678", "49", "DE"),
            E164Case("+49 30/1234567", "+49301234567", "49", "DE"),
            E164Case("+49 (0)30 1234567", "+49301234567", "49", "DE"),
            E164Case("+32 2 555 12 34", "+3225551234", "32", "BE"),
            E164Case("+41 44 668 18 00", "+41446681800", "41", "CH"),
            E164Case("+352 621 123 456", "+352621123456", "352", "LU"),
            E164Case("+358 18 12345", "+3581812345", "358", "AX"),
            E164Case("+7 495 123-45-67", "+74951234567", "7", "RU"),
            E164Case("+7 727 123 4567", "+77271234567", "7", "KZ"),
            // China, Japan, Korea, Hong Kong, Taiwan
            E164Case("+86 138 0013 8000", "+8613800138000", "86", "CN"),
            E164Case("+81 90-1234-5678", "+819012345678", "81", "JP"),
            E164Case("＋８１ ９０−１２３４−５６７８", "+819012345678", "81", "JP"),
            E164Case("+82 10-1234-5678", "+821012345678", "82", "KR"),
            E164Case("+852 9123 4567", "+85291234567", "852", "HK"),
            E164Case("+886 912 345 678", "+886912345678", "886", "TW"),
            // French overseas departments have calling codes of their own.
            E164Case("+262 692 12 34 56", "+262692123456", "262", "RE"),
            E164Case("+262 269 61 23 45", "+262269612345", "262", "YT"),
            E164Case("+590 690 12 34 56", "+590690123456", "590", nil),
            // Non-geographic
            E164Case("+800 1234 5678", "+80012345678", "800", nil),
            // Refused
            E164Case("", nil),
            E164Case("   ", nil),
            E164Case("06 12 34 56 78", nil),
            E164Case("33612345678", nil),
            E164Case("+33 6 12 34 56 7", nil),
            E164Case("+33 06 12 34 56 78", nil),
            E164Case("+1 415 555 010", nil),
            E164Case("+1 015 555 0100", nil),
            E164Case("+1 415 155 0100", nil),
            E164Case("+4930123", nil),
            E164Case("+49 301 234 567 890 12", nil),
            E164Case("+0 33 612345678", nil),
            E164Case("0000 612345678", nil),
            E164Case("+999 1234 5678", nil),
            E164Case("+33 6 12 34 56 78 ext. 12", nil),
            E164Case("+1 800 FLOWERS", nil),
            E164Case("+33+612345678", nil),
            E164Case("33+612345678", nil),
            E164Case("not a number", nil),
            E164Case("+", nil),
        ])
        func parse(_ example: E164Case) {
            let parsed = E164.parse(example.input)
            #expect(parsed?.number == example.number)
            #expect(parsed?.countryCallingCode == example.callingCode)
            #expect(parsed?.regionCode == example.region)
            if let parsed {
                #expect(E164.isValid(parsed.number), "whatever parse returns goes on the wire as it is")
                #expect(parsed.description == parsed.number)
            }
        }

        @Test("isValid accepts only + then 8 to 15 digits, the first not 0, with nothing else", arguments: [
            ("+33612345678", true),
            ("+14155550100", true),
            ("+12345678", true),
            ("+123456789012345", true),
            ("+1234567", false),
            ("+1234567890123456", false),
            ("+33 6 12 34 56 78", false),
            ("+33-612345678", false),
            ("0033612345678", false),
            ("33612345678", false),
            ("+033612345678", false),
            ("+33612345678 ", false),
            (" +33612345678", false),
            ("+３３612345678", false),
            ("+33612345678\n", false),
            ("++33612345678", false),
            ("", false),
            ("+", false),
        ])
        func isValid(_ text: String, _ valid: Bool) {
            #expect(E164.isValid(text) == valid)
        }

        @Test("A refused number says why", arguments: [
            ("", E164.Rejection.empty),
            ("06 12 34 56 78", .noInternationalPrefix),
            ("+33 6 12 34 56 78 ext. 12", .unexpectedCharacter("e")),
            ("33+612345678", .misplacedPlus),
            ("+0612345678", .startsWithZero),
            ("+4930123", .tooShort(digits: 7)),
            ("+49 301 234 567 890 12", .tooLong(digits: 16)),
            ("+999 1234 5678", .unassignedCallingCode),
            ("+33 06 12 34 56 78", .wrongNationalLength(code: "33", expected: "9", got: 10, trunkZero: true)),
            ("+1 415 555 010", .wrongNationalLength(code: "1", expected: "10", got: 9, trunkZero: false)),
            ("+1 415 155 0100", .malformedNANP),
        ])
        func rejectionReason(_ input: String, _ reason: E164.Rejection) {
            #expect(E164.read(input) == .failure(reason))
        }

        @Test("sameCountry compares calling codes, with the US and Canada one NANP country", arguments: [
            ("+33612345678", "+33184807512", true),
            ("+14155550100", "+14165550199", true),
            ("+14155550100", "+12125550147", true),
            ("+442071838750", "+441534555123", true),
            ("+33612345678", "+14155550100", false),
            ("+33612345678", "+262692123456", false),
            ("+442071838750", "+353861234567", false),
            ("+74951234567", "+77271234567", true),
        ])
        func sameCountry(_ first: String, _ second: String, _ same: Bool) throws {
            let a = try #require(E164.parse(first))
            let b = try #require(E164.parse(second))
            #expect(a.sameCountry(as: b) == same)
            #expect(b.sameCountry(as: a) == same)
        }

        @Test("Equal numbers typed differently parse to equal values")
        func equalityIsOnTheNormalisedNumber() {
            let typed = Set(["+33 6 12 34 56 78", "0033612345678", "+33 (0)6.12.34.56.78"].compactMap(E164.parse))
            #expect(typed.count == 1)
            #expect(typed.first?.number == "+33612345678")
        }

        @Test("Every calling code in the table is 1 to 3 digits, starts with 1-9, and none is a prefix of another")
        func callingCodeTableIsAPrefixCode() {
            let codes = Set(CallingCodes.mainRegion.keys).union(CallingCodes.withoutMainRegion).union(["1"])
            for code in codes {
                #expect((1...3).contains(code.count) && code.allSatisfy { $0.isASCII && $0.isNumber } && !code.hasPrefix("0"), "\(code)")
                for other in codes where other != code {
                    #expect(!other.hasPrefix(code), "+\(code) is a prefix of +\(other)")
                }
            }
            #expect(Set(CallingCodes.territories.keys).isSubset(of: codes))
            #expect(NANP.canadianAreaCodes.isDisjoint(with: NANP.otherMembers.keys))
        }
    }
}

/// One row of the parse table: the input, and the expected number, calling code and region (all nil when refused).
struct E164Case: Sendable, CustomTestStringConvertible {
    let input: String
    let number: String?
    let callingCode: String?
    let region: String?

    init(_ input: String, _ number: String?, _ callingCode: String? = nil, _ region: String? = nil) {
        self.input = input
        self.number = number
        self.callingCode = callingCode
        self.region = region
    }

    var testDescription: String { "\(input.debugDescription) → \(number ?? "nil")" }
}
