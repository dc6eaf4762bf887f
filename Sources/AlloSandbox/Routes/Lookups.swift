/// Lookups shared by the v1 and v2 handlers, each throwing the contract's error for a miss.
extension World {
    /// An Allo number of the account given as a filter or a path value.
    func requireLine(number: String, param: String, version: APIVersion) throws(APIError) -> Int {
        guard PhoneNumber.isValid(number) else { throw .invalidPhone(param, number) }
        guard let line = line(number: number) else {
            // v1 reports misses as 400 (like CONTACT_NOT_FOUND, §3.1); v2 as 404 (§3.2).
            throw APIError(version == .v1 ? 400 : 404, "PHONE_NUMBER_NOT_FOUND",
                           "\(number) is not an Allo number of this account.", param: param,
                           suggestion: "List your numbers with GET /\(version.rawValue)/api/numbers.")
        }
        return line
    }

    /// An optional phone-number filter; nil when absent, 400 when not E.164.
    func phoneFilter(_ value: String?, param: String) throws(APIError) -> String? {
        guard let value else { return nil }
        guard PhoneNumber.isValid(value) || value == "anonymous" else { throw .invalidPhone(param, value) }
        return value
    }

    /// `cnt_<token>` (v1) or `cnt-<token>` (v2) to the contact's index.
    func contactIndex(id: String) -> Int? {
        guard id.hasPrefix("cnt_") || id.hasPrefix("cnt-") else { return nil }
        return contactIndexByToken[String(id.dropFirst(4))]
    }

    /// `usr-<token>`, also written `usr_<token>` (§1).
    func userIndex(id: String) -> Int? {
        let normalized = id.hasPrefix("usr_") ? "usr-" + id.dropFirst(4) : id
        return users.firstIndex { $0.id == normalized }
    }

    func user(id: String) -> User? { userIndex(id: id).map { users[$0] } }
}
