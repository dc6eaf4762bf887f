import AlloKit

/// How `auth login` and `auth status` learn what a key may do: `GET /v2/api/me`, and for a key v2 refuses other than
/// with 401 or 429 (a v1-only key, an older API answering 404), `GET /v1/api/numbers`. 401, network errors and
/// timeouts are failures.
enum KeyCheck {
    /// Nil `me` means a key only v1 accepts.
    static func run(_ client: AlloClient) async throws(AlloError) -> Me? {
        do {
            return try await client.me()
        } catch {
            guard let status = error.status, (400..<500).contains(status), status != 401, status != 429 else { throw error }
        }
        _ = try await client.numbers.list()
        return nil
    }
}
