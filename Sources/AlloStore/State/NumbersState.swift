/// The account's Allo numbers and which one the inbox shows.
public struct NumbersState: Equatable, Sendable {
    public var list: Loadable<[NumberInfo]> = .idle
    /// Verified sender IDs (v2 numbers of type SENDER_ID), usable towards +33 recipients.
    public var senderIDs: [String] = []
    /// The selected Allo number (E.164).
    public var selected: String?
    public var cursor = ListCursor()
    /// Unread conversations per Allo number, where known (v2).
    public var unread: [String: Int] = [:]

    public init() {}
}

/// An Allo number as the numbers pane shows it, from v1 or v2.
public struct NumberInfo: Equatable, Sendable, Identifiable {
    public var number: String
    public var name: String?
    /// ISO country code, when the API gives it.
    public var country: String?
    /// Whether SMS can be sent from it (v2 capabilities; assumed on v1).
    public var canText: Bool
    public var isShared: Bool
    public var id: String { number }

    public init(number: String, name: String? = nil, country: String? = nil, canText: Bool = true, isShared: Bool = false) {
        self.number = number
        self.name = name
        self.country = country
        self.canText = canText
        self.isShared = isShared
    }
}
