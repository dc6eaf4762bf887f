public import Foundation

/// A text message: what `POST /v1/api/sms` returns and what a contact's conversation lists (contract §6.6–6.8).
/// `fromNumber` is nil when a sender ID was used, `senderID` nil when a number was.
public struct TextMessage: Codable, Sendable, Hashable {
    public var fromNumber: String?
    public var senderID: String?
    public var toNumber: String?
    /// The schema says only `OUTBOUND`; conversations also return received texts, so `INBOUND` is read too.
    public var direction: Direction?
    public var content: String?
    public var startDate: Date?

    public init(fromNumber: String? = nil, senderID: String? = nil, toNumber: String? = nil, direction: Direction? = nil,
                content: String? = nil, startDate: Date? = nil) {
        self.fromNumber = fromNumber
        self.senderID = senderID
        self.toNumber = toNumber
        self.direction = direction
        self.content = content
        self.startDate = startDate
    }

    enum CodingKeys: String, CodingKey {
        case content
        case fromNumber = "from_number", senderID = "sender_id", toNumber = "to_number", direction = "type"
        case startDate = "start_date"
    }
}
