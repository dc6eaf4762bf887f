/// The API key, kept out of every description, dump and log line.
struct Credentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let key: String
    let scheme: AuthScheme

    var authorization: String {
        switch scheme {
        case .apiKey: return "Api-Key \(key)"
        case .raw: return key
        }
    }

    var description: String { "Credentials(\(scheme), key: <redacted>)" }
    var debugDescription: String { description }
    var customMirror: Mirror { Mirror(self, children: ["scheme": scheme]) }

    /// Replaces the key wherever it appears in `text` (a transport error quoting a header, say).
    func redact(_ text: String) -> String {
        text.contains(key) ? text.replacingOccurrences(of: key, with: "<redacted>") : text
    }
}

/// How the key goes in the `Authorization` header (contract §2.1).
public enum AuthScheme: Sendable, Equatable {
    /// `Authorization: Api-Key <key>`, as the current docs require.
    case apiKey
    /// `Authorization: <key>`, as the v1 docs and the seed SDKs did.
    case raw
}
