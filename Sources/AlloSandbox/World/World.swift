/// What the world was generated from. Persisted with the state, so a restart regenerates the same base.
public struct WorldSettings: Sendable, Codable, Equatable {
    public var seed: UInt64
    public var contacts: Int
    public var itemsPerContact: Int
    /// Unix seconds the seeded history ends at ("now" when the world was made, to the hour).
    public var epoch: Int64

    public init(seed: UInt64 = 42, contacts: Int = 300, itemsPerContact: Int = 8, epoch: Int64) {
        self.seed = seed
        self.contacts = contacts
        self.itemsPerContact = itemsPerContact
        self.epoch = epoch
    }
}

struct Team: Sendable {
    var id: String
    var name: String
}

/// One entry of the all-items index: newest first, built the first time a search spans every conversation.
struct ItemRef: Sendable {
    var date: Int64
    var party: Int32
    var ordinal: Int32
}

/// The whole account: records, the indexes over them, and what changed since the last save.
/// Owned by `WorldStore` behind a lock; every method here runs with that lock held.
struct World: Sendable {
    let settings: WorldSettings
    let lines: [Line]
    let users: [User]
    let tags: [Tag]
    let team: Team

    private(set) var contacts: [Contact] = []
    private(set) var contactIndexByToken: [String: Int] = [:]
    private(set) var contactsByNumber: [String: [Int]] = [:]
    private(set) var parties: [Party] = []
    private(set) var partyByNumber: [String: Int] = [:]
    private(set) var partyByToken: [String: Int] = [:]
    /// Per line, party indices by last activity on that line, most recent first.
    private(set) var conversationOrder: [[Int]] = []
    private var itemIndex: [ItemRef]?
    /// Search words by text, see `searchWords(of:)`.
    var searchWordCache: [String: [String]] = [:]

    var webhooks: [WebhookV1] = []
    var endpoints: [WebhookEndpoint] = []
    /// Drawn for every new id, so new records are deterministic too.
    var serial = 0
    private(set) var dirtyContacts = Set<Int>()
    private(set) var dirtyParties = Set<Int>()
    /// Bumped by every change; persistence writes when it moves.
    private(set) var revision = 0
    /// Webhook deliveries produced by the last changes, taken by the server after each request.
    var outbox: [WebhookDelivery] = []

    init(settings: WorldSettings, lines: [Line], users: [User], tags: [Tag], team: Team) {
        self.settings = settings
        self.lines = lines
        self.users = users
        self.tags = tags
        self.team = team
        conversationOrder = Array(repeating: [], count: lines.count)
    }

    // MARK: - Building

    mutating func insertSeeded(contact: Contact?, party: Party) {
        if let contact { appendContact(contact) }
        let index = parties.count
        parties.append(party)
        partyByNumber[party.number] = index
        partyByToken[party.token] = index
    }

    private mutating func appendContact(_ contact: Contact) {
        let index = contacts.count
        contacts.append(contact)
        contactIndexByToken[contact.token] = index
        for number in Set(contact.numbers) { contactsByNumber[number, default: []].append(index) }
    }

    mutating func rebuildConversationOrder() {
        var order = Array(repeating: [(Int64, Int)](), count: lines.count)
        for (index, party) in parties.enumerated() {
            for conversation in party.conversations { order[conversation.line].append((conversation.lastActivity, index)) }
        }
        conversationOrder = order.map { entries in
            entries.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }.map(\.1)
        }
    }

    // MARK: - Items

    /// Generates a party's seeded items the first time they are needed.
    mutating func materialize(_ party: Int) {
        guard parties[party].items == nil else { return }
        let items = ItemGenerator(settings: settings, lines: lines, users: users).items(for: parties[party])
        parties[party].items = items
        parties[party].nextOrdinal = items.count
    }

    /// The party's items, newest first (ties by ordinal, newest first).
    mutating func itemsNewestFirst(of party: Int) -> [Item] {
        materialize(party)
        return (parties[party].items ?? []).sorted { $0.date != $1.date ? $0.date > $1.date : $0.ordinal > $1.ordinal }
    }

    mutating func item(party: Int, ordinal: Int) -> Item? {
        materialize(party)
        guard let items = parties[party].items, items.indices.contains(ordinal) else { return nil }
        return items[ordinal]
    }

    /// Finds an item by any of its ids (`cll-…`, `cll_…`, `msg-…`, `call_…`).
    mutating func findItem(_ id: ItemID) -> (party: Int, item: Item)? {
        guard let party = partyByToken[id.partyToken], let item = item(party: party, ordinal: id.ordinal),
              (item.kind == .call) == id.isCall else { return nil }
        return (party, item)
    }

    /// Every item of the account, newest first. The first call generates every party's items.
    mutating func allItems() -> [ItemRef] {
        if let itemIndex { return itemIndex }
        var refs: [ItemRef] = []
        refs.reserveCapacity(parties.count * max(1, settings.itemsPerContact))
        for index in parties.indices {
            materialize(index)
            for item in parties[index].items ?? [] {
                refs.append(ItemRef(date: item.date, party: Int32(index), ordinal: Int32(item.ordinal)))
            }
        }
        refs.sort { $0.date != $1.date ? $0.date > $1.date : ($0.party, $0.ordinal) > ($1.party, $1.ordinal) }
        itemIndex = refs
        return refs
    }

    /// Adds a new item to a party (generating its seeded ones first), moves the conversation and emits nothing:
    /// callers decide which events an item means.
    @discardableResult
    mutating func append(_ item: Item, to party: Int) -> Item {
        materialize(party)
        var item = item
        item.ordinal = parties[party].nextOrdinal
        parties[party].nextOrdinal += 1
        parties[party].items!.append(item)
        if itemIndex != nil {
            let ref = ItemRef(date: item.date, party: Int32(party), ordinal: Int32(item.ordinal))
            let position = itemIndex!.firstIndex { $0.date <= item.date } ?? itemIndex!.count
            itemIndex!.insert(ref, at: position)
        }
        touchConversation(party: party, line: item.line, at: item.date, inbound: item.direction == .inbound)
        return item
    }

    /// The texts of the outbound SMS to `number`, oldest first; none for a number the world has never seen.
    mutating func outboundTexts(to number: String) -> [String] {
        guard let party = partyByNumber[number] else { return [] }
        materialize(party)
        return (parties[party].items ?? []).compactMap { $0.kind == .sms && $0.direction == .outbound ? $0.content : nil }
    }

    mutating func updateItem(party: Int, ordinal: Int, _ change: (inout Item) -> Void) {
        materialize(party)
        change(&parties[party].items![ordinal])
        markDirty(party: party)
    }

    // MARK: - Conversations

    /// New activity: the conversation moves to the top, unarchives, and an inbound item makes it unread.
    private mutating func touchConversation(party: Int, line: Int, at date: Int64, inbound: Bool) {
        if let slot = parties[party].conversations.firstIndex(where: { $0.line == line }) {
            var state = parties[party].conversations[slot]
            state.lastActivity = max(state.lastActivity, date)
            state.archived = false
            if inbound {
                // Unread even when READ happened in the same second.
                state.unread = true
                state.readAt = min(state.readAt, date - 1)
            } else {
                state.unread = false
                state.readAt = max(state.readAt, date)
            }
            parties[party].conversations[slot] = state
            conversationOrder[line].removeAll { $0 == party }
        } else {
            parties[party].conversations.append(ConversationState(
                line: line, lastActivity: date, unread: inbound, archived: false, readAt: inbound ? date - 1 : date))
        }
        let activity = parties[party].conversation(on: line)!.lastActivity
        let position = conversationOrder[line].firstIndex { other in
            (parties[other].conversation(on: line)?.lastActivity ?? 0) <= activity
        } ?? conversationOrder[line].count
        conversationOrder[line].insert(party, at: position)
        markDirty(party: party)
    }

    mutating func setConversation(party: Int, line: Int, _ change: (inout ConversationState) -> Void) {
        guard let slot = parties[party].conversations.firstIndex(where: { $0.line == line }) else { return }
        change(&parties[party].conversations[slot])
        markDirty(party: party)
    }

    /// The party for a number, created (unsaved, with no history) when the number has never been seen.
    mutating func party(for number: String) -> Int {
        if let index = partyByNumber[number] { return index }
        let index = parties.count
        parties.append(Party(token: newToken(10), number: number, conversations: [], items: [], nextOrdinal: 0,
                             seedIndex: nil, seedItemCount: 0, newestInbound: false, senderIDMessageAt: nil,
                             undeliverable: false))
        partyByNumber[number] = index
        partyByToken[parties[index].token] = index
        markDirty(party: index)
        return index
    }

    // MARK: - Contacts

    mutating func addContact(_ contact: Contact) -> Int {
        appendContact(contact)
        dirtyContacts.insert(contacts.count - 1)
        revision += 1
        return contacts.count - 1
    }

    mutating func updateContact(_ index: Int, _ change: (inout Contact) -> Void) {
        let before = Set(contacts[index].numbers)
        change(&contacts[index])
        let after = Set(contacts[index].numbers)
        for number in before.subtracting(after) { contactsByNumber[number]?.removeAll { $0 == index } }
        for number in after.subtracting(before) { contactsByNumber[number, default: []].append(index) }
        dirtyContacts.insert(index)
        revision += 1
    }

    /// Saved contacts whose numbers include this one.
    func contacts(forNumber number: String) -> [Contact] {
        (contactsByNumber[number] ?? []).map { contacts[$0] }
    }

    // MARK: - Bookkeeping

    mutating func markDirty(party: Int) {
        dirtyParties.insert(party)
        revision += 1
    }

    mutating func noteChange() { revision += 1 }

    mutating func newToken(_ length: Int) -> String {
        serial += 1
        var rng = SeededRandom(seed: settings.seed, index: serial, stream: 7)
        return rng.token(length)
    }

    func line(number: String) -> Int? {
        lines.firstIndex { $0.number == number }
    }

    func line(senderID: String) -> Int? {
        lines.firstIndex { $0.senderID == senderID }
    }

    // MARK: - Restoring

    /// Puts saved records back over the regenerated base (see `WorldSnapshot`).
    mutating func restore(_ snapshot: WorldSnapshot) {
        for (index, contact) in snapshot.contacts.sorted(by: { $0.index < $1.index }).map({ ($0.index, $0.record) }) {
            if index < contacts.count {
                updateContact(index) { $0 = contact }
            } else {
                _ = addContact(contact)
            }
        }
        for (index, party) in snapshot.parties.sorted(by: { $0.index < $1.index }).map({ ($0.index, $0.record) }) {
            if index < parties.count {
                partyByToken[parties[index].token] = nil
                partyByNumber[parties[index].number] = nil
                parties[index] = party
            } else {
                parties.append(party)
            }
            partyByNumber[party.number] = index
            partyByToken[party.token] = index
            dirtyParties.insert(index)
        }
        webhooks = snapshot.webhooks
        endpoints = snapshot.endpoints
        serial = snapshot.serial
        itemIndex = nil
        rebuildConversationOrder()
        revision = 0
    }

    func snapshot() -> WorldSnapshot {
        WorldSnapshot(
            settings: settings,
            contacts: dirtyContacts.sorted().map { .init(index: $0, record: contacts[$0]) },
            parties: dirtyParties.sorted().map { .init(index: $0, record: parties[$0]) },
            webhooks: webhooks, endpoints: endpoints, serial: serial)
    }
}
