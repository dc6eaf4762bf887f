/// `allo.phoneNumbers`: the account's lines and sender IDs with their capabilities and users (v2, scope
/// `PHONE_NUMBERS_READ`, contract §7.3). `allo.numbers` is the older v1 list.
public struct PhoneNumbers: Sendable {
    let sender: RequestSender

    /// `GET /v2/api/numbers`.
    public func list(options: RequestOptions = .none) async throws(AlloError) -> [PhoneNumber] {
        try await sender.data(APIRequest("GET", .v2, ["numbers"]), options: options)
    }
}
