/// `allo.sms`: send text messages (`POST /v1/api/sms`, scope `SMS_SEND`; there is no v2 send).
///
/// Money-safe: a send is retried only when the server said 429 before acting or the connection was refused — never
/// after a timeout, a dropped connection or a 5xx, where the message may have gone out. Such a failure throws; check
/// the conversation before sending again.
public struct SMS: Sendable {
    let sender: RequestSender

    /// Sends from one of your Allo numbers to a recipient in the same country (contract §6.7).
    /// Checked before any request: both numbers E.164, same country, message 1–1000 characters.
    public func send(from: String, to: String, message: String, options: RequestOptions = .none) async throws(AlloError) -> TextMessage {
        try SMSRules.validate(from: from, to: to, message: message)
        let body = SendBody(from: from, senderID: nil, to: to, message: message)
        return try await sender.data(APIRequest("POST", .v1, ["sms"], json: body, safety: .unsafe), options: options)
    }

    /// Sends with a verified alphanumeric sender ID to a French (`+33`) number — the France flavour (contract §6.8, §9).
    /// Checked before any request: sender ID of 1–11 letters or digits, `+33` recipient, message 1–1000 characters.
    public func sendFrance(senderID: String, to: String, message: String,
                           options: RequestOptions = .none) async throws(AlloError) -> TextMessage {
        try SMSRules.validateFrance(senderID: senderID, to: to, message: message)
        let body = SendBody(from: nil, senderID: senderID, to: to, message: message)
        return try await sender.data(APIRequest("POST", .v1, ["sms"], json: body, safety: .unsafe), options: options)
    }

    private struct SendBody: Encodable {
        var from: String?
        var senderID: String?
        var to: String
        var message: String

        enum CodingKeys: String, CodingKey {
            case from, to, message
            case senderID = "sender_id"
        }
    }
}
