/// One conversation: an Allo number and the other party. v1 also needs the contact's id to fetch its history.
public struct ConversationKey: Hashable, Sendable, Codable {
    /// The Allo number (E.164) the conversation is on.
    public var alloNumber: String
    /// The other party (E.164): the recipient of a reply.
    public var contactNumber: String
    /// The v1 contact id, for `GET /v1/api/contact/{id}/conversation`; nil on v2.
    public var contactID: String?

    public init(alloNumber: String, contactNumber: String, contactID: String? = nil) {
        self.alloNumber = alloNumber
        self.contactNumber = contactNumber
        self.contactID = contactID
    }
}

/// Where the inbox and timeline come from: the v2 unified inbox, or v1 contacts and their conversation history.
public enum InboxSource: Equatable, Sendable {
    case conversations
    case contacts
}

/// Where the numbers come from: v2 (capabilities and sender IDs) or v1.
public enum NumberSource: Equatable, Sendable {
    case v2
    case v1
}
