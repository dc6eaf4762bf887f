public import Foundation
public import AlloKit

/// One incoming webhook, whatever its generation (contract §8): v1 `{topic, data}`, legacy `{topic, body}` and v2
/// `{topic, version, timestamp, data}`. Unknown topics are kept, never rejected.
public struct WebhookEvent: Sendable {
    /// Which generation of webhook the body was.
    public enum Format: Sendable, Equatable {
        /// `v1`: `{topic, data}`, unsigned; `legacy`: `{topic, body}` (2025 Apidog docs); `v2`: `{topic, version,
        /// timestamp, data}`, signed.
        case v1, legacy, v2
    }

    /// The envelope the body used, told apart by its keys.
    public var format: Format
    /// As sent: `CALL_RECEIVED`, `sms.received`, or one this SDK does not know yet.
    public var topic: String
    /// v2 only: `"2.0"`.
    public var version: String?
    /// v2 only: when the event was sent.
    public var timestamp: Date?
    /// The typed content, chosen by `topic`; `.other` for topics this SDK does not know.
    public var payload: WebhookPayload
    /// The `data` (or legacy `body`) object as received, for fields the typed payload does not carry.
    public var data: JSONValue

    /// Decodes a webhook body. Throws `WebhookDecodingError` only when it is not a JSON object with a `topic`.
    public static func decode(_ body: Data) throws(WebhookDecodingError) -> WebhookEvent {
        let root: JSONValue
        do { root = try JSONDecoder().decode(JSONValue.self, from: body) } catch { throw .notJSON }
        guard case .object(let object) = root, let topic = object["topic"]?.stringValue else { throw .noTopic }
        let format: Format
        let data: JSONValue
        if let version = object["version"]?.stringValue, version.hasPrefix("2") || object["timestamp"] != nil {
            format = .v2
            data = object["data"] ?? .null
        } else if let body = object["body"], object["data"] == nil {
            format = .legacy
            data = body
        } else {
            format = object["version"] != nil ? .v2 : .v1
            data = object["data"] ?? .null
        }
        let fields = Fields(data)
        return WebhookEvent(format: format, topic: topic, version: object["version"]?.stringValue,
                            timestamp: object["timestamp"]?.stringValue.flatMap(AlloDate.parse),
                            payload: WebhookPayload(topic: topic, fields), data: data)
    }
}

/// Why a body is not a webhook event; answer 400.
public enum WebhookDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The body is not valid JSON.
    case notJSON
    /// The body is JSON but not an object with a string `topic`.
    case noTopic

    public var description: String {
        switch self {
        case .notJSON: return "the webhook body is not JSON"
        case .noTopic: return "the webhook body is not an object with a `topic`"
        }
    }
}
