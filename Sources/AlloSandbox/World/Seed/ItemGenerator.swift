import Foundation

/// Makes one party's seeded calls and messages, newest first from the conversation's last activity backwards,
/// from the party's own random stream: the same items whenever (and however late) they are first asked for.
struct ItemGenerator {
    let settings: WorldSettings
    let lines: [Line]
    let users: [User]

    func items(for party: Party) -> [Item] {
        guard let seedIndex = party.seedIndex, let main = party.conversations.first else { return [] }
        var rng = SeededRandom(seed: settings.seed, index: seedIndex, stream: 1)
        let line = lines[main.line]
        let anonymous = party.number == "anonymous"
        let smsAllowed = !anonymous && line.sms != .notEnabled
        var generated: [Item] = []
        var date = main.lastActivity
        for k in 0..<party.seedItemCount {
            let direction: Direction = k == 0
                ? (party.newestInbound ? .inbound : .outbound)
                : (anonymous || rng.chance(0.55) ? .inbound : .outbound)
            let isCall = !smsAllowed || rng.chance(0.45)
            var item = isCall
                ? call(direction: direction, line: main.line, anonymous: anonymous, rng: &rng)
                : sms(direction: direction, line: main.line, undeliverable: party.undeliverable, rng: &rng)
            item.date = date
            generated.append(item)
            // Messages come in bursts of minutes; calls are hours or days apart.
            let gap: Int64 = rng.chance(isCall ? 0.15 : 0.5)
                ? Int64.random(in: 60...2400, using: &rng)
                : Int64.random(in: 3 * 3600...6 * 86_400, using: &rng)
            date = SeedAccount.officeHours(date - gap, utcOffsetHours: line.utcOffsetHours, rng: &rng)
        }
        var items = generated.reversed().enumerated().map { ordinal, item in
            var item = item
            item.ordinal = ordinal
            return item
        }
        if let at = party.senderIDMessageAt {
            var promo = sms(direction: .outbound, line: SeedAccount.activeSenderIDLine, undeliverable: party.undeliverable, rng: &rng)
            promo.date = at
            promo.user = nil
            promo.ordinal = items.count
            items.append(promo)
        }
        return items
    }

    private func call(direction: Direction, line: Int, anonymous: Bool, rng: inout SeededRandom) -> Item {
        let result: CallResult
        if anonymous {
            result = rng.weighted([(.failed, 0.5), (.blocked, 0.3), (.voicemail, 0.2)])
        } else if direction == .inbound {
            result = rng.weighted([(.answered, 0.55), (.voicemail, 0.14), (.transferredAI, 0.08),
                                   (.transferredExternal, 0.05), (.failed, 0.10), (.blocked, 0.02),
                                   (.received, 0.02), (.closed, 0.04)])
        } else {
            result = rng.weighted([(.answered, 0.6), (.voicemail, 0.2), (.failedExternal, 0.1), (.failed, 0.05), (.closed, 0.05)])
        }
        let script = pickScript(for: result, inbound: direction == .inbound, language: lines[line].language, rng: &rng)
        let handledByPerson = [.answered, .transferredExternal].contains(result) || (result == .voicemail && direction == .outbound)
        let duration: Int
        if let script {
            duration = SeedContent.callScripts[script].duration
        } else {
            duration = result == .received ? Int.random(in: 4...40, using: &rng) : 0
        }
        var tags = script.map { SeedContent.callScripts[$0].tags } ?? []
        if script != nil, tags.isEmpty, rng.chance(0.2) {
            tags = [rng.pick(SeedContent.tagNames).name]
        }
        return Item(ordinal: 0, kind: .call, direction: direction, date: 0, line: line,
                    user: handledByPerson ? pickUser(line: line, rng: &rng) : nil,
                    result: result, duration: duration, script: script, tags: tags, summary: nil,
                    content: nil, status: nil, messageType: nil, failsDelivery: false)
    }

    private func sms(direction: Direction, line: Int, undeliverable: Bool, rng: inout SeededRandom) -> Item {
        let language = lines[line].language
        let inbound = direction == .inbound
        let templates = SeedContent.textTemplates.filter { $0.language == language && $0.inbound == inbound }
        let user = inbound ? nil : pickUser(line: line, rng: &rng)
        let text = SeedText.fill(rng.pick(templates).text, user: user.map { users[$0].firstName }, language: language)
        let mms = inbound && lines[line].capabilities.contains("MMS") && rng.chance(0.06)
        return Item(ordinal: 0, kind: .sms, direction: direction, date: 0, line: line, user: user,
                    result: nil, duration: nil, script: nil, tags: [], summary: nil,
                    content: text, status: inbound ? "DELIVERED" : (undeliverable ? "FAILED" : "DELIVERED"),
                    messageType: mms ? "MMS" : "SMS", failsDelivery: undeliverable && !inbound)
    }

    private func pickScript(for result: CallResult, inbound: Bool, language: SeedLanguage, rng: inout SeededRandom) -> Int? {
        let outcome: SeedCallOutcome
        switch result {
        case .answered: outcome = .answered
        case .voicemail: outcome = .voicemail
        case .transferredAI: outcome = .transferredToAI
        case .transferredExternal: outcome = .transferredExternal
        default: return nil
        }
        let all = SeedContent.callScripts.indices.filter {
            SeedContent.callScripts[$0].language == language && SeedContent.callScripts[$0].outcome == outcome
        }
        let sameDirection = all.filter { SeedContent.callScripts[$0].inbound == inbound }
        let choices = sameDirection.isEmpty ? all : sameDirection
        return choices.isEmpty ? nil : rng.pick(choices)
    }

    private func pickUser(line: Int, rng: inout SeededRandom) -> Int? {
        lines[line].userIndices.isEmpty ? nil : rng.pick(lines[line].userIndices)
    }
}

/// Placeholder filling for seed texts (`{user}`, `{team}`).
enum SeedText {
    static func fill(_ text: String, user: String?, language: SeedLanguage) -> String {
        guard text.contains("{") else { return text }
        let nobody = language == .french ? "l'équipe" : "the team"
        return text.replacingOccurrences(of: "{user}", with: user ?? nobody)
            .replacingOccurrences(of: "{team}", with: SeedContent.teamName)
    }
}
