/// API key scopes (§2.2).
public enum Scope: String, Sendable, CaseIterable, Codable {
    case conversationsRead = "CONVERSATIONS_READ"
    case conversationsWrite = "CONVERSATIONS_WRITE"
    case contactsRead = "CONTACTS_READ"
    case contactsReadWrite = "CONTACTS_READ_WRITE"
    case smsSend = "SMS_SEND"
    case webhooksReadWrite = "WEBHOOKS_READ_WRITE"
    case phoneNumbersRead = "PHONE_NUMBERS_READ"
    case usersRead = "USERS_READ"
    case tagsRead = "TAGS_READ"
    case tagsWrite = "TAGS_WRITE"
    case dialingQueueReadWrite = "DIALING_QUEUE_READ_WRITE"
    case crmRead = "CRM_READ"
    case crmWrite = "CRM_WRITE"
    case crmDelete = "CRM_DELETE"
    case summaryTemplatesRead = "SUMMARY_TEMPLATES_READ"
    case summaryTemplatesWrite = "SUMMARY_TEMPLATES_WRITE"
    case notesRead = "NOTES_READ"
    case notesWrite = "NOTES_WRITE"
    case threadsRead = "THREADS_READ"
    case threadsWrite = "THREADS_WRITE"
    case billing = "BILLING"
    case partner = "PARTNER"

    /// The five scopes the v1 seed SDK knew (§11.3).
    public static let seedV1: [Scope] = [.webhooksReadWrite, .conversationsRead, .contactsRead, .contactsReadWrite, .smsSend]

    /// Every scope that only reads.
    public static let readOnly: [Scope] = allCases.filter { $0.rawValue.hasSuffix("_READ") }

    /// A `*_READ_WRITE` scope also grants the matching `*_READ` (§2.3, inferred).
    func isGranted(by scopes: Set<Scope>) -> Bool {
        if scopes.contains(self) { return true }
        guard rawValue.hasSuffix("_READ"), let readWrite = Scope(rawValue: rawValue + "_WRITE") else { return false }
        return scopes.contains(readWrite)
    }
}

/// A key the sandbox accepts. The secret is what clients send; the id is what `/v2/api/me` reports.
public struct APIKey: Sendable, Codable, Equatable {
    public var id: String
    public var name: String
    public var secret: String
    public var scopes: Set<Scope>
    public var revoked: Bool

    public init(id: String, name: String, secret: String, scopes: Set<Scope>, revoked: Bool = false) {
        self.id = id
        self.name = name
        self.secret = secret
        self.scopes = scopes
        self.revoked = revoked
    }

    /// The three keys a default sandbox prints: every scope, the seed SDK's five, read-only. Derived from the seed so
    /// scripts keep working across restarts with the same `--seed`.
    public static func defaults(seed: UInt64) -> [APIKey] {
        var rng = SeededRandom(seed: seed, index: -2, stream: 3)
        let sets: [(String, [Scope])] = [("full", Scope.allCases), ("seed-v1", Scope.seedV1), ("read-only", Scope.readOnly)]
        return sets.map { name, scopes in
            APIKey(id: "api-" + rng.token(12), name: name, secret: "ak_live_" + rng.token(32), scopes: Set(scopes))
        }
    }

    /// `ak_live_…` with a random tail, for keys made at run time.
    static func random(name: String, scopes: Set<Scope>) -> APIKey {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        let tail = String((0..<32).map { _ in alphabet[Int(rng.next() % 62)] })
        let id = String((0..<12).map { _ in alphabet[Int(rng.next() % 62)] })
        return APIKey(id: "api-" + id, name: name, secret: "ak_live_" + tail, scopes: scopes)
    }
}
