import Synchronization

/// The last requests the sandbox received, for tests and for developers wondering what their code really sent.
/// Credentials never enter it: `Authorization` and the admin token header are redacted.
final class Journal: Sendable {
    struct Entry: Sendable {
        var sequence: Int
        var time: Double
        var requestID: String
        var method: String
        var path: String          // with the query string, as received
        var headers: [(String, String)]
        var body: String          // UTF-8, invalid bytes replaced, cut at `maxBody`
        var bodyBytes: Int
        var status: Int
        var keyName: String?
        var faults: [String]
    }

    static let capacity = 2000
    static let maxBody = 64 * 1024
    private static let secretHeaders: Set<String> = ["authorization", "x-sandbox-admin-token", "cookie"]

    private let state = Mutex<(entries: [Entry], next: Int)>(([], 1))

    func record(_ entry: Entry) {
        state.withLock { state in
            var entry = entry
            entry.sequence = state.next
            state.next += 1
            state.entries.append(entry)
            if state.entries.count > Self.capacity { state.entries.removeFirst(state.entries.count - Self.capacity) }
        }
    }

    func entries(after sequence: Int = 0) -> [Entry] {
        state.withLock { $0.entries.filter { $0.sequence > sequence } }
    }

    func clear() { state.withLock { $0.entries.removeAll() } }

    static func redact(_ name: String, _ value: String) -> String {
        guard secretHeaders.contains(name.lowercased()) else { return value }
        if value.hasPrefix("Api-Key ") { return "Api-Key [redacted]" }
        if value.hasPrefix("Bearer ") { return "Bearer [redacted]" }
        return "[redacted]"
    }

    static func bodyText(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.prefix(maxBody), as: UTF8.self)
    }
}

extension Journal.Entry {
    var json: JSON {
        .object([
            ("sequence", .int(sequence)), ("time", .string(Timestamp.v2Fractional(time))), ("request_id", .string(requestID)),
            ("method", .string(method)), ("path", .string(path)),
            ("headers", .object(headers.map { ($0.0, .string($0.1)) })),
            ("body", .string(body)), ("body_bytes", .int(bodyBytes)), ("status", .int(status)),
            ("key", .optional(keyName)), ("faults", .strings(faults)),
        ])
    }
}
