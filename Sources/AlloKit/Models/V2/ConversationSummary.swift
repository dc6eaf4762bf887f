public import Foundation

/// One conversation of a line, as `GET /v2/api/conversations` lists it: the other party's number, their contacts,
/// and the latest activity (contract §7.5).
public struct ConversationSummary: Codable, Sendable, Hashable, Identifiable {
    /// The other party, E.164.
    public var contactNumber: String
    /// The contacts with that number; empty when none.
    public var contacts: [ItemContact]
    /// When the latest call or message happened (`last_activity` on the wire).
    public var lastActivity: Date?
    /// The newest call or message. The API sends only some of its fields here.
    public var lastItem: ConversationItem?

    /// The contact number, which names the conversation within a line.
    public var id: String { contactNumber }

    /// Builds a conversation, for tests and previews; the API builds them when decoding.
    public init(contactNumber: String, contacts: [ItemContact] = [], lastActivity: Date? = nil, lastItem: ConversationItem? = nil) {
        self.contactNumber = contactNumber
        self.contacts = contacts
        self.lastActivity = lastActivity
        self.lastItem = lastItem
    }

    enum CodingKeys: String, CodingKey {
        case contactNumber = "contact_number"
        case contacts
        case lastActivity = "last_activity"
        case lastItem = "last_item"
    }

    public init(from decoder: any Decoder) throws {
        let container = try BothCases(decoder, CodingKeys.self)
        contactNumber = try container.require(String.self, .contactNumber)
        contacts = try container([ItemContact].self, .contacts) ?? []
        lastActivity = try container(Date.self, .lastActivity)
        lastItem = try container(ConversationItem.self, .lastItem)
    }
}
