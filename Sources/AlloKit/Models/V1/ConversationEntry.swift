public import Foundation

/// One entry of a contact's conversation (`GET /v1/api/contact/{id}/conversation`, contract §6.6): a call or a text.
/// The wire form is `{"type": "CALL"|"TEXT_MESSAGE", "call": …, "message": …}` with exactly one of the two set.
public enum ConversationEntry: Codable, Sendable, Hashable {
    /// A call (`type` `CALL`).
    case call(Call)
    /// A text (`type` `TEXT_MESSAGE`).
    case message(TextMessage)
    /// A type this SDK does not know yet; kept so a new kind of entry never breaks a page.
    case unknown(type: String)

    enum CodingKeys: String, CodingKey { case type, call, message }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let call = try container.decodeIfPresent(Call.self, forKey: .call) {
            self = .call(call)
        } else if let message = try container.decodeIfPresent(TextMessage.self, forKey: .message) {
            self = .message(message)
        } else {
            self = .unknown(type: try container.decodeIfPresent(String.self, forKey: .type) ?? "")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .call(let call):
            try container.encode("CALL", forKey: .type)
            try container.encode(call, forKey: .call)
            try container.encodeNil(forKey: .message)
        case .message(let message):
            try container.encode("TEXT_MESSAGE", forKey: .type)
            try container.encodeNil(forKey: .call)
            try container.encode(message, forKey: .message)
        case .unknown(let type):
            try container.encode(type, forKey: .type)
        }
    }

    /// When it happened: the call's or the message's `start_date`.
    public var date: Date? {
        switch self {
        case .call(let call): return call.startDate
        case .message(let message): return message.startDate
        case .unknown: return nil
        }
    }
}
