/// `POST /v1/api/sms` in both flavours (§6.7, §6.8, §9). The body decides: `sender_id` present means the France
/// flavour; otherwise `from` must be an Allo number. A send from an Allo number to a same-country recipient,
/// +33 to +33 included, is valid.
enum V1SMS {
    static func send(_ request: APIRequest, _ world: inout World) throws(APIError) -> Reply {
        let body = try request.object()
        let message = try body.string("message") ?? ""
        let to = try body.string("to") ?? ""
        let line: Int
        if body.has("sender_id"), !(body.value("sender_id")?.isNull ?? true) {
            line = try senderIDLine(body, world)
            guard PhoneNumber.isValid(to), to.hasPrefix("+33") else {
                throw APIError(400, "INVALID_TO_NUMBER", "A sender-ID SMS goes to a French number (+33…); got '\(to.prefix(40))'.",
                               param: "to")
            }
        } else {
            line = try fromLine(body, world)
            guard PhoneNumber.isValid(to) else {
                throw APIError(400, "INVALID_TO_NUMBER", "'to' must be an E.164 number; got '\(to.prefix(40))'.", param: "to")
            }
            guard PhoneNumber.country(of: to) == world.lines[line].country else {
                throw APIError(400, "TO_NUMBER_COUNTRY_MISMATCH",
                               "\(to) is not in the same country as \(world.lines[line].number ?? "") (\(world.lines[line].country)).",
                               param: "to")
            }
        }
        // Length in UTF-16 code units, the strictest common reading of "1–1000 characters".
        let length = message.utf16.count
        guard (1...1000).contains(length) else {
            throw APIError(400, "INVALID_LENGTH", "The message must be 1 to 1000 characters long; it has \(length).", param: "message")
        }

        let party = world.party(for: to)
        let item = world.append(Item(
            ordinal: 0, kind: .sms, direction: .outbound, date: request.nowSeconds, line: line, user: nil,
            result: nil, duration: nil, script: nil, tags: [], summary: nil, content: message, status: "SENT",
            messageType: "SMS", failsDelivery: world.parties[party].undeliverable), to: party)
        world.emitSMS(item, party: party, now: request.now)
        return .data(world.v1TextMessage(item, party: world.parties[party]))
    }

    private static func senderIDLine(_ body: Fields, _ world: World) throws(APIError) -> Int {
        guard case .string(let senderID)? = body.value("sender_id"),
              (1...11).contains(senderID.count), senderID.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
              let line = world.line(senderID: senderID) else {
            throw APIError(400, "INVALID_SENDER_ID", "'sender_id' must be a verified sender ID of this account (1 to 11 letters or digits).",
                           param: "sender_id", suggestion: "Sender IDs are listed by GET /v2/api/numbers with type SENDER_ID.")
        }
        guard world.lines[line].senderIDActive else {
            throw APIError(400, "SENDER_ID_NOT_ACTIVE", "The sender ID \(senderID) is not verified yet.", param: "sender_id")
        }
        return line
    }

    private static func fromLine(_ body: Fields, _ world: World) throws(APIError) -> Int {
        let from = try body.string("from")
        guard let from, let line = world.line(number: from) else {
            throw APIError(400, "FROM_NUMBER_NOT_FOUND", "'from' must be one of this account's Allo numbers; got '\((from ?? "").prefix(40))'.",
                           param: "from", suggestion: "List them with GET /v1/api/numbers.")
        }
        switch world.lines[line].sms {
        case .supported: return line
        case .notEnabled:
            throw APIError(400, "NUMBER_NOT_SMS_ENABLED", "\(from) cannot send SMS (voice-only number).", param: "from")
        case .providerNotSupported:
            throw APIError(400, "PROVIDER_NOT_SUPPORTED", "Sending SMS through the API is not supported for \(from)'s carrier.", param: "from")
        }
    }
}
