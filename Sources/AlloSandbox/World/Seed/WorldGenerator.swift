import Foundation

/// Builds the seeded world. Everything is a pure function of the settings: the same seed gives the same ids, names,
/// numbers, dates and texts. Contacts and conversations are made up front (cheap); each party's calls and messages
/// are made only when first read (`ItemGenerator`), so `--contacts 100000` starts in about a second.
struct WorldGenerator {
    let settings: WorldSettings

    func makeWorld() -> World {
        var accountRNG = SeededRandom(seed: settings.seed, index: -1, stream: 0)
        let lines = SeedAccount.lines()
        let users = SeedAccount.users(&accountRNG)
        let tags = SeedContent.tagNames.map { Tag(id: "tag-" + accountRNG.token(12), name: $0.name, color: $0.color) }
        let companies = SeedContent.companies.map { Company(id: accountRNG.token(12), name: $0) }
        let team = Team(id: "team-" + accountRNG.token(10), name: SeedContent.teamName)
        var world = World(settings: settings, lines: lines, users: users, tags: tags, team: team)

        var usedNumbers = Set<String>()
        for index in 0..<settings.contacts {
            var rng = SeededRandom(seed: settings.seed, index: index, stream: 0)
            let line = rng.weighted(SeedAccount.conversationLineWeights)
            let number = uniqueNumber(country: lines[line].country, rng: &rng, used: &usedNumbers)
            let contact = makeContact(index: index, number: number, language: lines[line].language,
                                      companies: companies, rng: &rng, used: &usedNumbers)
            let party = makeParty(index: index, number: number, line: line, utcOffset: lines[line].utcOffsetHours, rng: &rng)
            world.insertSeeded(contact: contact, party: party)
        }
        // Numbers that called or were called but were never saved as contacts.
        let strangers = max(3, settings.contacts / 5)
        for offset in 0..<strangers {
            let index = settings.contacts + offset
            var rng = SeededRandom(seed: settings.seed, index: index, stream: 0)
            let line = rng.weighted(SeedAccount.conversationLineWeights)
            let number = offset == 0 ? "anonymous" : uniqueNumber(country: lines[line].country, rng: &rng, used: &usedNumbers)
            let partyLine = offset == 0 ? 0 : line
            world.insertSeeded(contact: nil, party: makeParty(index: index, number: number, line: partyLine,
                                                              utcOffset: lines[partyLine].utcOffsetHours, rng: &rng))
        }
        world.rebuildConversationOrder()
        return world
    }

    // MARK: - Contacts

    private func makeContact(index: Int, number: String, language: SeedLanguage, companies: [Company],
                             rng: inout SeededRandom, used: inout Set<String>) -> Contact {
        let (first, last): (String, String)
        if rng.chance(0.07) {
            let cjk = rng.pick(SeedContent.cjkNames)
            (first, last) = (cjk.first, cjk.last)
        } else if language == .french {
            (first, last) = (rng.pick(SeedContent.frenchFirstNames), rng.pick(SeedContent.frenchLastNames))
        } else {
            (first, last) = (rng.pick(SeedContent.englishFirstNames), rng.pick(SeedContent.englishLastNames))
        }
        let company = rng.chance(0.6) ? rng.pick(companies) : nil
        let domain = company.map { Self.slug($0.name) + (language == .french ? ".fr" : ".com") } ?? "example.com"
        let local = [first, last].map(Self.slug).filter { !$0.isEmpty }.joined(separator: ".")
        var numbers = [number]
        if rng.chance(0.12) {
            numbers.append(uniqueNumber(country: PhoneNumber.country(of: number) ?? "FR", rng: &rng, used: &used))
        }
        let created = settings.epoch - Int64.random(in: 40 * 86_400...700 * 86_400, using: &rng)
        let titles = language == .french ? SeedContent.frenchJobTitles : SeedContent.englishJobTitles
        let properties: [String: String]? = rng.chance(0.25)
            ? ["lead_source": rng.pick(["Salon Maison&Objet", "Website", "Referral", "Instagram", "Trade show"]),
               "preferred_language": language == .french ? "fr" : "en"]
            : nil
        return Contact(
            token: rng.token(10),
            name: first, lastName: last,
            jobTitle: rng.chance(0.5) ? rng.pick(titles) : nil,
            website: company != nil && rng.chance(0.6) ? "https://www.\(domain)" : nil,
            emails: rng.chance(0.7) ? ["\(local.isEmpty ? "contact\(index)" : local)@\(domain)"] : [],
            numbers: numbers,
            company: company,
            status: rng.chance(0.85) ? "active" : nil,
            isArchived: rng.chance(0.03),
            isWhitelisted: rng.chance(0.05),
            createdAt: created,
            updatedAt: created + Int64.random(in: 0...30 * 86_400, using: &rng),
            customProperties: properties,
            integration: rng.chance(0.2) ? rng.pick(["HUBSPOT", "SALESFORCE", "PIPEDRIVE"]) : nil)
    }

    // MARK: - Parties and their conversation state

    private func makeParty(index: Int, number: String, line: Int, utcOffset: Int, rng: inout SeededRandom) -> Party {
        // Recency falls off exponentially: a busy inbox today, a long tail of old conversations.
        let daysAgo = min(180, -log(1 - Double.random(in: 0..<1, using: &rng)) * 12)
        let lastActivity = SeedAccount.officeHours(settings.epoch - Int64(daysAgo * 86_400) - Int64.random(in: 0..<3600, using: &rng),
                                                   utcOffsetHours: utcOffset, rng: &rng)
        let spread = max(0, settings.itemsPerContact / 2)
        let count = max(1, settings.itemsPerContact + Int.random(in: -spread...spread, using: &rng))
        let newestInbound = number == "anonymous" || rng.chance(0.6)
        let unread = newestInbound && rng.chance(daysAgo < 3 ? 0.6 : 0.15)
        var conversations = [ConversationState(line: line, lastActivity: lastActivity, unread: unread,
                                               archived: daysAgo > 30 && rng.chance(0.1),
                                               readAt: unread ? lastActivity - 1 : lastActivity)]
        var senderAt: Int64?
        if number.hasPrefix("+33"), rng.chance(0.15) {
            let at = SeedAccount.officeHours(settings.epoch - Int64.random(in: 86_400...60 * 86_400, using: &rng),
                                             utcOffsetHours: utcOffset, rng: &rng)
            senderAt = at
            conversations.append(ConversationState(line: SeedAccount.activeSenderIDLine, lastActivity: at,
                                                   unread: false, archived: false, readAt: at))
        }
        return Party(token: rng.token(10), number: number, conversations: conversations, items: nil,
                     nextOrdinal: 0, seedIndex: index, seedItemCount: count, newestInbound: newestInbound,
                     senderIDMessageAt: senderAt, undeliverable: rng.chance(0.02))
    }

    private func uniqueNumber(country: String, rng: inout SeededRandom, used: inout Set<String>) -> String {
        while true {
            let number = SeedAccount.randomNumber(country: country, rng: &rng)
            if used.insert(number).inserted { return number }
        }
    }

    /// Lower-case ASCII for e-mail addresses and domains: `Élodie Lefèvre` → `elodie`, `lefevre`.
    static func slug(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII {
                if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") { out.unicodeScalars.append(scalar) }
            } else if let folded = foldTable[scalar] {
                out += folded
            }
        }
        return out
    }

    private static let foldTable: [Unicode.Scalar: String] = {
        let pairs: [(String, String)] = [
            ("àáâãäå", "a"), ("çć", "c"), ("èéêë", "e"), ("ìíîï", "i"), ("ñ", "n"), ("òóôõöø", "o"),
            ("ùúûü", "u"), ("ýÿ", "y"), ("æ", "ae"), ("œ", "oe"), ("ß", "ss"), ("č", "c"), ("š", "s"), ("ž", "z"),
        ]
        var table: [Unicode.Scalar: String] = [:]
        for (letters, ascii) in pairs { for s in letters.unicodeScalars { table[s] = ascii } }
        return table
    }()
}

