/// `allo.numbers`: the account's Allo numbers (v1, scope `CONVERSATIONS_READ`).
public struct Numbers: Sendable {
    let sender: RequestSender

    /// `GET /v1/api/numbers`.
    public func list(options: RequestOptions = .none) async throws(AlloError) -> [AlloNumber] {
        try await sender.data(APIRequest("GET", .v1, ["numbers"]), options: options)
    }
}
