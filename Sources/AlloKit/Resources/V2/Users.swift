/// `allo.users`: the team's members (v2, scope `USERS_READ`, contract §7.2).
public struct Users: Sendable {
    let sender: RequestSender

    /// `GET /v2/api/users`. The API lists active users unless `status` says otherwise.
    public func list(role: UserRole? = nil, status: UserStatus? = nil, options: RequestOptions = .none) async throws(AlloError) -> [User] {
        let query = [("role", role?.wireValue), ("status", status?.wireValue)]
        return try await sender.data(APIRequest("GET", .v2, ["users"], query: query), options: options)
    }

    /// `GET /v2/api/users/{id}`; an unknown id is `404 USER_NOT_FOUND`.
    public func get(_ id: String, options: RequestOptions = .none) async throws(AlloError) -> User {
        try await sender.data(APIRequest("GET", .v2, ["users", id]), options: options)
    }
}
