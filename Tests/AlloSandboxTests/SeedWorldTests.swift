@testable import AlloSandbox
import Testing

@Suite("The seeded world")
struct SeedWorldTests {
    private static func world(seed: UInt64 = 42, contacts: Int = 300) -> World {
        WorldGenerator(settings: WorldSettings(seed: seed, contacts: contacts, itemsPerContact: 8, epoch: TestSandbox.epoch)).makeWorld()
    }

    /// Everything a client can see of the world, as bytes.
    private static func fingerprint(_ seed: UInt64) -> [UInt8] {
        var world = world(seed: seed, contacts: 80)
        var out: [UInt8] = []
        for contact in world.contacts { world.v1Contact(contact, now: TestSandbox.epoch).write(into: &out) }
        for index in world.parties.indices {
            for item in world.itemsNewestFirst(of: index) {
                world.v2Item(item, party: world.parties[index], withTranscript: true, now: TestSandbox.epoch).write(into: &out)
            }
        }
        return out
    }

    @Test("The same seed gives the same world, byte for byte; another seed another world")
    func deterministic() {
        #expect(Self.fingerprint(42) == Self.fingerprint(42))
        #expect(Self.fingerprint(42) != Self.fingerprint(43))
    }

    @Test("Items generated late are the items generated early")
    func lazyGenerationIsStable() {
        var early = Self.world()
        var late = Self.world()
        _ = late.allItems()   // materialise everything in another order first
        for index in stride(from: early.parties.count - 1, through: 0, by: -7) {
            let a = early.itemsNewestFirst(of: index).map { early.v2Item($0, party: early.parties[index], withTranscript: true, now: 0).serialized() }
            let b = late.itemsNewestFirst(of: index).map { late.v2Item($0, party: late.parties[index], withTranscript: true, now: 0).serialized() }
            #expect(a == b)
        }
    }

    @Test("The account has the lines the contract's rules need")
    func lines() {
        let lines = Self.world().lines
        #expect(lines.contains { $0.country == "FR" && $0.kind == .number })
        #expect(lines.contains { $0.country == "US" && $0.kind == .number })
        #expect(lines.contains { $0.isShared })
        #expect(lines.contains { $0.kind == .number && !$0.capabilities.contains("SMS") })
        #expect(lines.contains { $0.kind == .senderID && $0.senderIDActive && $0.country == "FR" })
        #expect(lines.contains { $0.kind == .senderID && !$0.senderIDActive })
    }

    @Test("History has every call result, three speakers, summaries and recordings")
    func calls() {
        var world = Self.world()
        let items = world.allItems().map { world.parties[Int($0.party)].items![Int($0.ordinal)] }
        let calls = items.filter(\.isCall)
        #expect(Set(calls.compactMap(\.result)) == Set(CallResult.allCases))
        let speakers = Set(calls.flatMap { world.transcript(of: $0) ?? [] }.map(\.source))
        #expect(speakers == ["AGENT", "EXTERNAL", "USER"])
        #expect(calls.contains { world.summary(of: $0) != nil })
        #expect(calls.contains { $0.direction == .outbound } && calls.contains { $0.direction == .inbound })
        for call in calls where call.script != nil {
            let rows = world.transcript(of: call) ?? []
            #expect(zip(rows, rows.dropFirst()).allSatisfy { $0.end <= $1.start })
        }
    }

    @Test("Messages go both ways and include emoji, long multi-part texts and control characters")
    func messages() {
        var world = Self.world()
        let texts = world.allItems().map { world.parties[Int($0.party)].items![Int($0.ordinal)] }.filter { !$0.isCall }
        #expect(texts.contains { $0.direction == .inbound } && texts.contains { $0.direction == .outbound })
        let contents = texts.compactMap(\.content)
        #expect(contents.contains { $0.unicodeScalars.contains { $0.properties.isEmojiPresentation } })
        #expect(contents.contains { $0.utf16.count > 160 })
        #expect(contents.contains { $0.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x202E } })
        #expect(texts.contains { $0.line == SeedAccount.activeSenderIDLine })
        #expect(contents.allSatisfy { (1...1000).contains($0.utf16.count) })
    }

    @Test("Contacts have French accents and CJK names, and CJK names read family name first")
    func names() throws {
        let contacts = Self.world().contacts
        #expect(contacts.contains { ($0.fullName ?? "").contains { "éèêëàçïôûüœÉ".contains($0) } })
        let cjk = try #require(contacts.first { contact in
            (contact.lastName ?? "").unicodeScalars.contains { (0x3040...0x9FFF).contains($0.value) || (0xAC00...0xD7AF).contains($0.value) }
        })
        #expect(cjk.fullName == (cjk.lastName ?? "") + (cjk.name ?? ""))
    }

    @Test("Seeded history stays in the past and in office hours of its line")
    func datesAreBelievable() {
        var world = Self.world()
        for ref in world.allItems() {
            let item = world.parties[Int(ref.party)].items![Int(ref.ordinal)]
            #expect(item.date <= TestSandbox.epoch)
            let local = (item.date + Int64(world.lines[item.line].utcOffsetHours) * 3600) % 86_400
            #expect((8 * 3600..<19 * 3600).contains(local), "item at \(Timestamp.v2(item.date)) on \(world.lines[item.line].name)")
        }
    }
}
