/// The checks `POST /v1/api/sms` makes that can be made before the network (contract §6.7, §6.8, §9), so a send the
/// API would refuse fails at once with a message saying what to fix.
///
/// The checks are the local part only: whether `from` is one of the account's SMS-capable numbers, or the sender ID
/// is verified and active, only the API knows. They are never stricter than the API: a valid send — an Allo number
/// texting a recipient in its own country, +33 to +33 included — always passes.
public enum SMSRules {
    /// The longest message the API accepts, in characters (`INVALID_LENGTH` beyond it).
    ///
    /// "Characters" are Swift `Character`s (`String.count`, extended grapheme clusters): what a person sees as one
    /// character counts one, so `é` and a flag emoji are one each. That is the most lenient reading of the API's
    /// "1–1000 characters" (a text never has more characters than Unicode scalars or UTF-16 code units), so the
    /// local check never refuses a message the API takes; a text heavy in emoji or combining marks can still pass
    /// here and be refused by the API, and the sandbox, which count UTF-16 code units.
    public static let maxLength = 1000

    /// Checks a send from an Allo number (§6.7): `from` and `to` strict E.164 in the same country, and a message of
    /// 1 to `maxLength` characters.
    ///
    /// - Throws: `AlloError.invalidArgument` naming the first problem found and how to fix it: a number written with
    ///   spaces or punctuation (with the E.164 form to send instead), a number that is not a phone number, a recipient
    ///   in another country (which the API would answer with `TO_NUMBER_COUNTRY_MISMATCH`), an empty or too long
    ///   message (`INVALID_LENGTH`).
    public static func validate(from: String, to: String, message: String) throws(AlloError) {
        let sender = try wireNumber(from, field: "from")
        let recipient = try wireNumber(to, field: "to")
        guard sender.sameCountry(as: recipient) else {
            throw .invalidArgument(
                "'to' \(recipient.number) (\(place(of: recipient))) is not in the same country as 'from' \(sender.number)"
                    + " (\(place(of: sender))): an Allo number can only text numbers of its own country, and the API would"
                    + " answer TO_NUMBER_COUNTRY_MISMATCH; send from one of your Allo numbers in the recipient's country"
                    + " (\(place(of: recipient)))"
                    + (recipient.countryCallingCode == "33" ? ", or with a verified sender ID (validateFrance)" : ""))
        }
        try checkLength(message)
    }

    /// Checks a send with a sender ID (§6.8), the flavour French carriers require for business SMS (§9): a sender ID of
    /// 1 to 11 ASCII letters or digits, a recipient in strict E.164 starting with `+33`, and a message of 1 to
    /// `maxLength` characters.
    ///
    /// - Throws: `AlloError.invalidArgument` naming the first problem found and how to fix it: a malformed sender ID
    ///   (`INVALID_SENDER_ID`), a recipient written with spaces or punctuation, not a phone number, or outside France
    ///   (`INVALID_TO_NUMBER`), an empty or too long message (`INVALID_LENGTH`).
    public static func validateFrance(senderID: String, to: String, message: String) throws(AlloError) {
        try checkSenderID(senderID)
        let recipient = try wireNumber(to, field: "to")
        guard recipient.countryCallingCode == "33" else {
            throw .invalidArgument(
                "'to' \(recipient.number) is not a French number: a sender-ID SMS can only go to +33 numbers (the API"
                    + " would answer INVALID_TO_NUMBER); to text +\(recipient.countryCallingCode), send from one of your"
                    + " Allo numbers in that country instead")
        }
        try checkLength(message)
    }

    /// True for a well-formed sender ID: 1 to 11 ASCII letters or digits, nothing else — no spaces, accents or
    /// symbols (§9). Whether the account has verified it is for the API to say.
    public static func isValidSenderID(_ senderID: String) -> Bool {
        (1...11).contains(senderID.utf8.count) && senderID.utf8.allSatisfy(\.isASCIIAlphanumeric)
    }

    // MARK: - Single checks

    /// The number `text` stands for, when it is already in the strict form the API takes.
    private static func wireNumber(_ text: String, field: String) throws(AlloError) -> E164 {
        switch E164.read(text) {
        case .success(let number) where E164.isValid(text):
            return number
        case .success(let number):
            throw .invalidArgument(
                "'\(field)' must be E.164 with no spaces or punctuation: got \(quoted(text)); send \"\(number.number)\"")
        case .failure(let rejection):
            throw .invalidArgument("'\(field)' is not a valid E.164 phone number: got \(quoted(text)); \(rejection.message)")
        }
    }

    private static func checkSenderID(_ senderID: String) throws(AlloError) {
        if isValidSenderID(senderID) { return }
        let rule = "a sender ID is 1 to 11 ASCII letters or digits, e.g. MaisonLum, verified for your account"
            + " (GET /v2/api/numbers lists it with type SENDER_ID)"
        if senderID.isEmpty {
            throw .invalidArgument("the sender ID is empty; \(rule)")
        }
        if let bad = senderID.first(where: { !$0.utf8.allSatisfy(\.isASCIIAlphanumeric) }) {
            throw .invalidArgument(
                "the sender ID \(quoted(senderID)) contains \(String(bad).debugDescription); no spaces, accents or symbols: \(rule)")
        }
        throw .invalidArgument("the sender ID \(quoted(senderID)) has \(senderID.count) characters, more than 11; \(rule)")
    }

    private static func checkLength(_ message: String) throws(AlloError) {
        let length = message.count
        if length == 0 {
            throw .invalidArgument("the message is empty; write 1 to \(maxLength) characters")
        }
        if length > maxLength {
            throw .invalidArgument(
                "the message has \(length) characters, more than the \(maxLength) the API accepts (it would answer"
                    + " INVALID_LENGTH); shorten it by \(length - maxLength) or send it as several messages")
        }
    }

    // MARK: - Wording

    /// The region and calling code, `FR +33`, or the calling code alone, `+800`.
    private static func place(of number: E164) -> String {
        (number.regionCode.map { $0 + " " } ?? "") + "+" + number.countryCallingCode
    }

    /// The input as typed, quoted and cut to 40 characters so an error message stays readable.
    private static func quoted(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(40)).debugDescription + "…" : text.debugDescription
    }
}

private extension UInt8 {
    var isASCIIAlphanumeric: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self)
    }
}
