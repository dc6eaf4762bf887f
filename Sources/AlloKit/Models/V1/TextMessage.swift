public import Foundation

/// A text message: what `POST /v1/api/sms` returns and what a contact's conversation lists (contract §6.6–6.8).
/// `fromNumber` is nil when a sender ID was used, `senderID` nil when a number was.
public struct TextMessage: Codable, Sendable, Hashable {
    /// The sending Allo number, E.164 (`from_number` on the wire); nil when a sender ID was used.
    public var fromNumber: String?
    /// The alphanumeric sender ID the text went out under (`sender_id` on the wire); nil when a number was used.
    public var senderID: String?
    /// The receiving number, E.164 (`to_number` on the wire).
    public var toNumber: String?
    /// The schema says only `OUTBOUND`; conversations also return received texts, so `INBOUND` is read too.
    public var direction: Direction?
    /// The text itself (1–1000 characters when sent through the API).
    public var content: String?
    /// When it was sent or received (`start_date` on the wire).
    public var startDate: Date?

    /// Builds a text message, for tests and previews; the API builds them when decoding.
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
