import Testing
import AlloKit

extension Validation {
    /// `SMSRules`: what the SDK refuses before `POST /v1/api/sms`, and what it must let through.
    @Suite("SMS rules")
    struct SMSRulesTests {
        @Test("validate lets a same-country send through and refuses what the API would refuse", arguments: [
            // Valid sends, never blocked locally.
            RuleCase("+33 landline to +33 mobile from an Allo number is allowed", "+33184807512", "+33612345678"),
            RuleCase("+33 mobile to +33 mobile from an Allo number is allowed", "+33757012288", "+33612345678"),
            RuleCase("US to US", "+14155550100", "+14155551234"),
            RuleCase("US to Canada, one NANP country", "+14155550100", "+14165550199"),
            RuleCase("Canada to US", "+14165550199", "+14155550100"),
            RuleCase("GB to GB", "+442071838750", "+447700900123"),
            RuleCase("DE to DE", "+49301234567", "+4915112345678"),
            RuleCase("JP to JP", "+81312345678", "+819012345678"),
            RuleCase("to oneself", "+33612345678", "+33612345678"),
            // Not strict E.164: the message gives the form to send.
            RuleCase("from with spaces", "+33 1 84 80 75 12", "+33612345678", refusal: #"'from' must be E.164 with no spaces or punctuation: got "+33 1 84 80 75 12"; send "+33184807512""#),
            RuleCase("to with dashes and parentheses", "+14155550100", "+1 (415) 555-1234", refusal: #"send "+14155551234""#),
            RuleCase("to with the 00 prefix", "+33184807512", "0033612345678", refusal: #"send "+33612345678""#),
            RuleCase("to with a trailing space", "+33184807512", "+33612345678 ", refusal: #"send "+33612345678""#),
            // Not a phone number at all.
            RuleCase("from empty", "", "+33612345678", refusal: "'from' is not a valid E.164 phone number: got \"\"; it is empty"),
            RuleCase("to national without country code", "+33184807512", "06 12 34 56 78", refusal: "no country calling code"),
            RuleCase("to with letters", "+14155550100", "+1 800 FLOWERS", refusal: "contains \"F\""),
            RuleCase("to too short", "+14155550100", "+1415555", refusal: "has 7 digits"),
            RuleCase("to too long", "+33184807512", "+3361234567890123", refusal: "at most 15"),
            RuleCase("to with an unassigned calling code", "+33184807512", "+99912345678", refusal: "assigned country calling code"),
            RuleCase("to a French number one digit short", "+33184807512", "+3361234567", refusal: "9 digits"),
            RuleCase("to a +1 number with an exchange starting with 1", "+14155550100", "+14151550100", refusal: "start with 2 to 9"),
            // Another country: the API would answer TO_NUMBER_COUNTRY_MISMATCH.
            RuleCase("France to the US", "+33184807512", "+14155551234", refusal: "'to' +14155551234 (US +1) is not in the same country as 'from' +33184807512 (FR +33)"),
            RuleCase("US to France points at the sender ID flavour", "+14155550100", "+33612345678", refusal: "validateFrance"),
            RuleCase("France to the UK", "+33757012288", "+442071234567", refusal: "TO_NUMBER_COUNTRY_MISMATCH"),
            RuleCase("France to Réunion, a calling code of its own", "+33184807512", "+262692123456", refusal: "(RE +262)"),
            // Message length, in Characters.
            RuleCase("empty message", "+33184807512", "+33612345678", message: "", refusal: "the message is empty"),
            RuleCase("1-character message", "+33184807512", "+33612345678", message: "k"),
            RuleCase("1000-character message", "+33184807512", "+33612345678", message: repeated("a", 1000)),
            RuleCase("1001-character message", "+33184807512", "+33612345678", message: repeated("a", 1001),
                     refusal: "the message has 1001 characters, more than the 1000"),
            RuleCase("1000 emoji count as 1000 characters", "+14155550100", "+14155551234", message: repeated("😀", 1000)),
            RuleCase("1000 decomposed é count as 1000 characters", "+33184807512", "+33612345678",
                     message: repeated("e\u{0301}", 1000)),
            RuleCase("1001 emoji are too long", "+14155550100", "+14155551234", message: repeated("😀", 1001),
                     refusal: "1001 characters"),
        ])
        func validate(_ example: RuleCase) {
            let refusal = rejection { () throws(AlloError) in
                try SMSRules.validate(from: example.from, to: example.to, message: example.message)
            }
            expect(refusal, matches: example.refusal)
        }

        @Test("validateFrance needs a well-formed sender ID and a +33 recipient", arguments: [
            RuleCase("verified-looking sender ID to a French mobile", "MaisonLum", "+33612345678"),
            RuleCase("sender ID of 1 character", "A", "+33612345678"),
            RuleCase("sender ID of 11 characters", "ABCDEFGHIJK", "+33612345678"),
            RuleCase("sender ID of digits", "PROMO2026", "+33184807512"),
            RuleCase("sender ID of 0 characters", "", "+33612345678", refusal: "the sender ID is empty"),
            RuleCase("sender ID of 12 characters", "ABCDEFGHIJKL", "+33612345678", refusal: "has 12 characters, more than 11"),
            RuleCase("sender ID with a space", "Maison Lum", "+33612345678", refusal: #"contains " ""#),
            RuleCase("sender ID with a dash", "Promo-2026", "+33612345678", refusal: #"contains "-""#),
            RuleCase("sender ID with an underscore", "Promo_2026", "+33612345678", refusal: #"contains "_""#),
            RuleCase("sender ID with an accent", "Café", "+33612345678", refusal: #"contains "é""#),
            RuleCase("sender ID with an exclamation mark", "Soldes!", "+33612345678", refusal: #"contains "!""#),
            RuleCase("recipient in the US", "MaisonLum", "+14155551234", refusal: "'to' +14155551234 is not a French number"),
            RuleCase("recipient in the UK", "MaisonLum", "+447700900123", refusal: "can only go to +33 numbers"),
            RuleCase("recipient in Réunion", "MaisonLum", "+262692123456", refusal: "is not a French number"),
            RuleCase("recipient with spaces", "MaisonLum", "+33 6 12 34 56 78", refusal: #"send "+33612345678""#),
            RuleCase("recipient without country code", "MaisonLum", "0612345678", refusal: "no country calling code"),
            RuleCase("recipient with a trunk 0 after +33", "MaisonLum", "+330612345678", refusal: "drop the national trunk 0"),
            RuleCase("empty message", "MaisonLum", "+33612345678", message: "", refusal: "the message is empty"),
            RuleCase("1000-character message", "MaisonLum", "+33612345678", message: repeated("é", 1000)),
            RuleCase("1001-character message", "MaisonLum", "+33612345678", message: repeated("é", 1001), refusal: "1001 characters"),
        ])
        func validateFrance(_ example: RuleCase) {
            let refusal = rejection { () throws(AlloError) in
                try SMSRules.validateFrance(senderID: example.from, to: example.to, message: example.message)
            }
            expect(refusal, matches: example.refusal)
        }

        @Test("isValidSenderID takes 1 to 11 ASCII letters or digits and nothing else", arguments: [
            ("", false), ("A", true), ("7", true), ("MaisonLum", true), ("PROMO2026", true), ("ABCDEFGHIJK", true),
            ("12345678901", true), ("ABCDEFGHIJKL", false), ("Maison Lum", false), (" MaisonLum", false),
            ("Promo-2026", false), ("Promo_2026", false), ("Promo.fr", false), ("Soldes!", false), ("Café", false),
            ("ＡＢＣ", false), ("PROMO😀", false), ("Promo\n", false),
        ])
        func isValidSenderID(_ senderID: String, _ valid: Bool) {
            #expect(SMSRules.isValidSenderID(senderID) == valid)
        }

        @Test("An Allo number texting any number of its own country is never blocked", arguments: [
            ["+33184807512", "+33757012288", "+33612345678", "+33712345678", "+33987654321", "+33512345678"],
            ["+14155550100", "+12125550147", "+14165550199", "+16045550123", "+13055550123"],
            ["+442071838750", "+447700900123", "+441612345678"],
        ])
        func sameCountryNeverBlocked(_ numbers: [String]) {
            for from in numbers {
                for to in numbers {
                    #expect(rejection { () throws(AlloError) in
                        try SMSRules.validate(from: from, to: to, message: "Merci pour votre appel !")
                    } == nil, "\(from) → \(to)")
                }
            }
        }

        @Test("The message limit is 1000")
        func maxLength() {
            #expect(SMSRules.maxLength == 1000)
        }
    }
}

/// One row of a rules table: `from` (or the sender ID), `to`, the message, and a fragment the refusal must contain
/// (nil when the send must pass).
struct RuleCase: Sendable, CustomTestStringConvertible {
    let label: String
    let from: String
    let to: String
    let message: String
    let refusal: String?

    init(_ label: String, _ from: String, _ to: String, message: String = "Merci pour votre appel !", refusal: String? = nil) {
        self.label = label
        self.from = from
        self.to = to
        self.message = message
        self.refusal = refusal
    }

    var testDescription: String { label }
}

/// The message of the `invalidArgument` a check threw, nil when it passed.
private func rejection(_ check: () throws(AlloError) -> Void) -> String? {
    do {
        try check()
        return nil
    } catch {
        guard case .invalidArgument(let message) = error else { return "unexpected error: \(error)" }
        return message
    }
}

private func expect(_ refusal: String?, matches expected: String?, sourceLocation: SourceLocation = #_sourceLocation) {
    if let expected {
        #expect(refusal?.contains(expected) == true, "refusal \(refusal ?? "none") lacks \(expected)", sourceLocation: sourceLocation)
    } else {
        #expect(refusal == nil, sourceLocation: sourceLocation)
    }
}

private func repeated(_ text: String, _ count: Int) -> String { String(repeating: text, count: count) }
