/// The records of the sandbox's world. Plain values; the world owns them behind one lock.
/// Field names follow the contract's vocabulary so the JSON views stay a thin mapping.

/// An Allo number or a France sender ID. Items and conversations belong to a line.
struct Line: Sendable {
    enum Kind: String, Sendable { case number = "NUMBER", senderID = "SENDER_ID" }
    /// How the line answers `POST /v1/api/sms` with it as `from`.
    enum SMSSupport: Sendable { case supported, notEnabled, providerNotSupported }

    var kind: Kind
    var number: String?          // nil for sender IDs
    var senderID: String?        // set for sender IDs
    var senderIDActive: Bool
    var name: String
    var country: String
    var isShared: Bool
    var capabilities: [String]   // VOICE, SMS, MMS
    var sms: SMSSupport
    var userIndices: [Int]
    var language: SeedLanguage
    /// Local time offset, so seeded calls and messages fall in office hours.
    var utcOffsetHours: Int

    /// The value items carry as `allo_number`.
    var alloNumber: String? { number }
}

struct User: Sendable {
    var id: String               // usr-…
    var name: String
    var email: String
    var role: String             // ADMIN, MANAGER, MEMBER
    var status: String           // ACTIVE, BLOCKED
    var imageURL: String?

    var firstName: String { String(name.split(separator: " ").first ?? Substring(name)) }
}

struct Tag: Sendable {
    var id: String               // tag-…
    var name: String
    var color: String
}

struct Company: Sendable, Codable, Equatable {
    var id: String               // token; v1 `com_…`, v2 `com-…`
    var name: String
}

/// A saved contact (v1 `ContactWithEngagement` / `ContactContext`).
struct Contact: Sendable, Codable {
    var token: String            // v1 id `cnt_<token>`, v2 `cnt-<token>`
    var name: String?
    var lastName: String?
    var jobTitle: String?
    var website: String?
    var emails: [String]
    var numbers: [String]
    var company: Company?
    var status: String?
    var isArchived: Bool
    var isWhitelisted: Bool
    var createdAt: Int64
    var updatedAt: Int64
    var customProperties: [String: String]?
    var integration: String?     // HUBSPOT, SALESFORCE, PIPEDRIVE or nil

    /// "Élodie Masson"; Chinese, Japanese and Korean names family name first without a space: "山田太郎".
    var fullName: String? {
        let parts = [name, lastName].compactMap { $0 }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { return nil }
        if parts.count == 2, parts.allSatisfy({ $0.unicodeScalars.contains(where: Self.isCJK) }) {
            return parts[1] + parts[0]
        }
        return parts.joined(separator: " ")
    }

    private static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x9FFF, 0xAC00...0xD7AF: return true
        default: return false
        }
    }
}

/// Read and archive state of one conversation: one party on one line.
struct ConversationState: Sendable, Codable {
    var line: Int
    var lastActivity: Int64
    var unread: Bool
    var archived: Bool
    /// Inbound items dated after this are unread while `unread` is set.
    var readAt: Int64
}

enum Direction: String, Sendable, Codable { case inbound = "INBOUND", outbound = "OUTBOUND" }

/// The v1 call results (§6.1); v2 folds them to ANSWERED, VOICEMAIL, TRANSFERRED or null.
enum CallResult: String, Sendable, Codable, CaseIterable {
    case answered = "ANSWERED", voicemail = "VOICEMAIL", transferredAI = "TRANSFERRED_AI"
    case transferredExternal = "TRANSFERRED_EXTERNAL", blocked = "BLOCKED", failed = "FAILED"
    case failedExternal = "FAILED_EXTERNAL", received = "RECEIVED", closed = "CLOSED"

    var v2: String? {
        switch self {
        case .answered: return "ANSWERED"
        case .voicemail: return "VOICEMAIL"
        case .transferredAI, .transferredExternal: return "TRANSFERRED"
        default: return nil
        }
    }
}

/// A call or an SMS. Call transcripts are not stored: they are rendered from a seed script on demand.
struct Item: Sendable, Codable {
    enum Kind: String, Sendable, Codable { case call = "CALL", sms = "SMS" }

    var ordinal: Int             // with the party token, forms the item's id
    var kind: Kind
    var direction: Direction
    var date: Int64
    var line: Int
    var user: Int?               // index into users
    // calls
    var result: CallResult?
    var duration: Int?
    var script: Int?             // index into SeedContent.callScripts
    var tags: [String]
    var summary: String?         // overrides the script's summary when set
    // SMS
    var content: String?
    var status: String?          // PENDING, SENT, DELIVERED, FAILED
    var messageType: String?     // SMS, MMS, WHATSAPP
    var failsDelivery: Bool

    var isCall: Bool { kind == .call }
}

/// The other side of conversations: a phone number (or `anonymous`), saved as a contact or not.
struct Party: Sendable, Codable {
    var token: String
    var number: String
    var conversations: [ConversationState]
    /// Nil until first needed: items are generated lazily so a world of 100 000 contacts starts at once.
    var items: [Item]?
    var nextOrdinal: Int
    // What the generator needs to produce the same items later.
    var seedIndex: Int?
    var seedItemCount: Int
    var newestInbound: Bool
    var senderIDMessageAt: Int64?
    var undeliverable: Bool

    func conversation(on line: Int) -> ConversationState? { conversations.first { $0.line == line } }
}
