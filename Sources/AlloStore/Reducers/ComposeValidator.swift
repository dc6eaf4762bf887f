import AlloKit

/// The compose box's live checks: every problem that would block a send, in words the user can act on, and the segment
/// count. The number rules are AlloKit's `SMSRules`, so the client refuses exactly what the SDK would refuse and never
/// more: an Allo number texting its own country (+33 to +33 included) always passes.
enum ComposeValidator {
    /// Checks `compose` against the key's capabilities and, when known, the sending number's SMS capability.
    static func validate(_ compose: ComposeState, canSend: Bool, numbers: [NumberInfo]?) -> ComposeValidation {
        var problems: [String] = []
        let text = compose.text
        let length = text.count
        if length == 0 {
            problems.append("the message is empty")
        } else if length > SMSRules.maxLength {
            problems.append("the message has \(length) characters, more than \(SMSRules.maxLength): shorten it by"
                            + " \(length - SMSRules.maxLength)")
        }

        let recipient = compose.recipient
        let recipientOK = E164.isValid(recipient) && E164.parse(recipient) != nil
        if recipient.isEmpty {
            problems.append("no recipient: enter a number in E.164, like +33612345678")
        } else if !recipientOK {
            if let number = E164.parse(recipient), number.number != recipient {
                problems.append("write the recipient as \(number.number) (E.164, no spaces or punctuation)")
            } else {
                problems.append("the recipient \(recipient) is not an E.164 phone number (+, country code, number)")
            }
        }

        switch compose.sender {
        case nil:
            problems.append("choose an Allo number or sender ID to send from")
        case .number(let from):
            if recipientOK {
                // The message is checked above; a placeholder isolates the number rules.
                if let problem = message(of: { () throws(AlloError) in
                    try SMSRules.validate(from: from, to: recipient, message: "x")
                }) {
                    problems.append(problem)
                }
            } else if !E164.isValid(from) {
                problems.append("the sending number \(from) is not E.164")
            }
            if let info = numbers?.first(where: { $0.number == from }), !info.canText {
                problems.append("\(from) cannot send SMS (no SMS capability on this line)")
            }
        case .senderID(let senderID):
            if !SMSRules.isValidSenderID(senderID) {
                problems.append("the sender ID \"\(senderID)\" must be 1 to 11 ASCII letters or digits")
            }
            if recipientOK, let number = E164.parse(recipient), number.countryCallingCode != "33" {
                problems.append("a sender ID can only text +33 numbers: send to +\(number.countryCallingCode) from an"
                                + " Allo number of that country")
            }
        }

        if !canSend {
            problems.append("this API key cannot send SMS: it needs the SMS_SEND scope")
        }
        return ComposeValidation(problems: problems, segments: SMSSegments.count(text))
    }

    /// The message of the local check's error, or nil when it passes.
    private static func message(of check: () throws(AlloError) -> Void) -> String? {
        do {
            try check()
            return nil
        } catch {
            if case .invalidArgument(let message) = error { return message }
            return "\(error)"
        }
    }
}
