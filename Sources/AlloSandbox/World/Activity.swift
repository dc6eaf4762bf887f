/// What a simulated inbound event should be; every field left nil is drawn at random.
struct InboundRequest: Sendable {
    var kind: Item.Kind?
    var alloNumber: String?
    var contactNumber: String?
    var content: String?
    var result: CallResult?
}

extension World {
    /// A customer texts or calls now: the item lands in the conversation (unread, on top) and webhooks fire.
    mutating func simulateInbound(_ request: InboundRequest, now: Double, rng: inout SeededRandom) throws(APIError) -> JSON {
        let line: Int
        if let number = request.alloNumber {
            line = try requireLine(number: number, param: "allo_number", version: .v2)
        } else {
            line = rng.weighted(SeedAccount.conversationLineWeights)
        }
        let party: Int
        if let number = request.contactNumber {
            guard PhoneNumber.isValid(number) || number == "anonymous" else { throw .invalidPhone("contact_number", number) }
            party = self.party(for: number)
        } else if let recent = conversationOrder[line].prefix(50).randomElement(using: &rng), rng.chance(0.8) {
            party = recent
        } else {
            party = self.party(for: strangerNumber(country: lines[line].country, rng: &rng))
        }
        let smsPossible = lines[line].sms != .notEnabled && parties[party].number != "anonymous"
        let kind = request.kind ?? (smsPossible && rng.chance(0.5) ? .sms : .call)
        if kind == .sms, !smsPossible {
            throw APIError(400, "NUMBER_NOT_SMS_ENABLED", "\(lines[line].number ?? "") cannot receive SMS.", param: "allo_number")
        }
        if let content = request.content, !(1...1000).contains(content.utf16.count) {
            throw APIError(400, "INVALID_LENGTH", "'content' must be 1 to 1000 characters long.", param: "content")
        }
        let date = Int64(now.rounded(.down))
        let item: Item
        if kind == .sms {
            let language = lines[line].language
            let templates = SeedContent.textTemplates.filter { $0.language == language && $0.inbound }
            let text = request.content ?? SeedText.fill(rng.pick(templates).text, user: nil, language: language)
            item = append(Item(ordinal: 0, kind: .sms, direction: .inbound, date: date, line: line, user: nil, result: nil,
                               duration: nil, script: nil, tags: [], summary: nil, content: text, status: "DELIVERED",
                               messageType: "SMS", failsDelivery: false), to: party)
            emitSMS(item, party: party, now: now)
        } else {
            let result = request.result ?? rng.weighted([(CallResult.answered, 0.6), (.voicemail, 0.2), (.failed, 0.1), (.transferredAI, 0.1)])
            let language = lines[line].language
            let outcome: SeedCallOutcome? = switch result {
            case .answered: .answered
            case .voicemail: .voicemail
            case .transferredAI: .transferredToAI
            case .transferredExternal: .transferredExternal
            default: nil
            }
            let scripts = SeedContent.callScripts.indices.filter {
                SeedContent.callScripts[$0].language == language && SeedContent.callScripts[$0].outcome == outcome
                    && SeedContent.callScripts[$0].inbound
            }
            let script = scripts.isEmpty ? nil : rng.pick(scripts)
            let person = [.answered, .transferredExternal].contains(result) && !lines[line].userIndices.isEmpty
            item = append(Item(ordinal: 0, kind: .call, direction: .inbound, date: date, line: line,
                               user: person ? rng.pick(lines[line].userIndices) : nil, result: result,
                               duration: script.map { SeedContent.callScripts[$0].duration } ?? 0, script: script,
                               tags: script.map { SeedContent.callScripts[$0].tags } ?? [], summary: nil, content: nil,
                               status: nil, messageType: nil, failsDelivery: false), to: party)
            emitCall(item, party: party, now: now)
        }
        return v2Item(item, party: parties[party], withTranscript: true, now: date)
    }

    private func strangerNumber(country: String, rng: inout SeededRandom) -> String {
        while true {
            let number = SeedAccount.randomNumber(country: country, rng: &rng)
            if partyByNumber[number] == nil { return number }
        }
    }
}
