import Foundation

extension SMS {
    /// The most pages one look reads, newest first; a copy older than that is past the window anyway.
    static let findSentPageLimit = 10

    /// Looks once on the server for `query`'s SMS (see `SentSMSQuery`). Reads only; paced under the rate limit.
    ///
    /// `.automatic` tries v2 and falls back to v1 when the server (or the key) has no v2 item search: a 404, or a 403
    /// for a missing scope. On v1 without a contact id the contact is found by its number first; when none has it,
    /// the lookup says so in `cannotLook`. Pass the returned `place` to the next look.
    public func findSent(_ query: SentSMSQuery, in place: SentSMSPlace = .automatic,
                         options: RequestOptions = .none) async throws(AlloError) -> SentSMSLookup {
        switch place {
        case .v2:
            return SentSMSLookup(matches: try await findSentV2(query, options: options), place: .v2)
        case .v1(let contactID?):
            return SentSMSLookup(matches: try await findSentV1(query, contactID: contactID, options: options), place: place)
        case .v1(nil):
            guard let contact = try await Contacts(sender: sender).find(number: query.to, options: options) else {
                return SentSMSLookup(matches: [], place: place,
                                     cannotLook: "no contact has the number \(query.to), so the v1 API has no "
                                         + "conversation to look in")
            }
            return try await findSent(query, in: .v1(contactID: contact.id), options: options)
        case .automatic:
            do {
                return SentSMSLookup(matches: try await findSentV2(query, options: options), place: .v2)
            } catch {
                guard case .http(let failure) = error, [403, 404].contains(failure.status) else { throw error }
                return try await findSent(query, in: .v1(contactID: nil), options: options)
            }
        }
    }

    private func findSentV2(_ query: SentSMSQuery, options: RequestOptions) async throws(AlloError) -> [SentSMS] {
        var filter = ItemSearch(contactNumber: query.to, direction: .outbound, type: .sms, sort: .dateDesc)
        if case .number(let from) = query.origin { filter.alloNumber = from }
        let items = ConversationItems(sender: sender)
        var matches: [SentSMS] = []
        for page in 1...Self.findSentPageLimit {
            await sender.waitForRoom()
            let result = try await items.search(filter, page: page, size: 50, options: options)
            matches += result.items.compactMap { SentSMS($0) }.filter { query.isMatch($0) }
            if !result.hasMore || result.items.contains(where: { ($0.date ?? .distantPast) < query.since }) { break }
        }
        return matches
    }

    private func findSentV1(_ query: SentSMSQuery, contactID: String,
                            options: RequestOptions) async throws(AlloError) -> [SentSMS] {
        var alloNumber: String?
        if case .number(let from) = query.origin { alloNumber = from }
        let contacts = Contacts(sender: sender)
        var matches: [SentSMS] = []
        for page in 0..<Self.findSentPageLimit {
            await sender.waitForRoom()
            let result = try await contacts.conversation(contactID, alloNumber: alloNumber, page: page, size: 50,
                                                         options: options)
            matches += result.items.compactMap { entry -> SentSMS? in
                guard case .message(let message) = entry else { return nil }
                return SentSMS(message)
            }.filter { query.isMatch($0) }
            if !result.hasMore || result.items.contains(where: { ($0.date ?? .distantPast) < query.since }) { break }
        }
        return matches
    }
}

extension Contacts {
    /// The first contact with `number` among `GET /v1/api/contacts`, walking its pages (100 a page) under the rate
    /// limit; nil when none has it. The API has no search by number (contract §6.2).
    public func find(number: String, options: RequestOptions = .none) async throws(AlloError) -> Contact? {
        var page = 0
        while true {
            await sender.waitForRoom()
            let result = try await search(page: page, size: 100, options: options)
            if let contact = result.items.first(where: { $0.numbers.contains(number) }) { return contact }
            guard result.hasMore else { return nil }
            page += 1
        }
    }
}

extension SentSMSQuery {
    /// Outbound to `to`, the same text, from the same number or sender ID, dated from `since` on.
    func isMatch(_ sent: SentSMS) -> Bool {
        guard sent.to == to, sent.text == message, sent.date >= since else { return false }
        switch origin {
        case .number(let number): return sent.from == number
        case .senderID(let name): return sent.senderID == name
        }
    }
}

extension SentSMS {
    /// A v2 item, when it is an outbound SMS with a date and a text.
    init?(_ item: ConversationItem) {
        guard item.type == .sms, item.direction == .outbound, let date = item.date, let text = item.content,
              let to = item.contactNumber else { return nil }
        self.init(id: item.id, date: date, to: to, from: item.alloNumber, senderID: item.senderID, text: text,
                  status: item.status?.wireValue)
    }

    /// A v1 text message, when it is outbound with a date and a text.
    init?(_ message: TextMessage) {
        guard message.direction != .inbound, let date = message.startDate, let text = message.content,
              let to = message.toNumber else { return nil }
        self.init(id: nil, date: date, to: to, from: message.fromNumber, senderID: message.senderID, text: text)
    }
}
