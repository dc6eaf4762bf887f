import AlloSandbox
import Foundation
import SandboxTestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An in-process sandbox on 127.0.0.1:0 for one test: the `allo` binary talks to it over loopback, the test reads its
/// journal and injects faults through its control API.
struct TestSandbox: Sendable, HoldsSandbox {
    let server: SandboxServer

    /// Default world; no rate limit, so a loaded machine's bursts never turn into 429 waits.
    static func start() async throws -> TestSandbox {
        var configuration = SandboxConfiguration()
        configuration.port = 0
        configuration.rateLimits = RateLimits(enforced: false)
        return TestSandbox(server: try await SandboxServer.start(configuration))
    }

    var baseURL: URL { server.baseURL }
    /// The key with every scope.
    var fullKey: String { key("full") }

    func stop() async { await server.stop() }

    /// A JSON body from the API, read with the full key.
    func get(_ path: String) async throws -> [String: Any] {
        var request = URLRequest(url: URL(string: baseURL.absoluteString + path)!)
        request.setValue("Api-Key \(fullKey)", forHTTPHeaderField: "Authorization")
        let (data, _) = try await URLSession.shared.data(for: request)
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }
}

extension TestSandbox {
    /// A JSON POST to the API with the full key (item search).
    func post(_ path: String, json: String) async throws -> [String: Any] {
        var request = URLRequest(url: URL(string: baseURL.absoluteString + path)!)
        request.httpMethod = "POST"
        request.setValue("Api-Key \(fullKey)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(json.utf8)
        let (data, _) = try await URLSession.shared.data(for: request)
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// The seeded account as the client's first screen shows it: the first number and its inbox, newest first.
    func firstScreen() async throws -> (number: String, name: String, conversations: [[String: Any]]) {
        let numbers = try await get("/v2/api/numbers")["data"] as? [[String: Any]] ?? []
        let number = numbers.first?["number"] as? String ?? ""
        let conversations = try await get("/v2/api/conversations?allo_number=\(number.replacingOccurrences(of: "+", with: "%2B"))&size=20")
        return (number, numbers.first?["name"] as? String ?? number, conversations["data"] as? [[String: Any]] ?? [])
    }

    /// A conversation's items, newest first.
    func items(_ alloNumber: String, _ contactNumber: String) async throws -> [[String: Any]] {
        try await post("/v2/api/conversations/items/search",
                       json: #"{"allo_number":"\#(alloNumber)","contact_number":"\#(contactNumber)","sort":"DATE_DESC","size":100}"#)["data"]
            as? [[String: Any]] ?? []
    }
}

/// Screen text without spaces and line breaks: a number shown as `+33 6 55…` or a wrapped line still matches.
func squeeze(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != " " && $0 != "\n" && $0 != "\u{00A0}" }))
}

/// The start of a text, safe to look for on screen: up to `count` characters, cut before anything a pane may show
/// differently (control characters, emoji, markdown marks).
func plainPrefix(_ text: String, _ count: Int = 12) -> String? {
    let plain = text.prefix { character in
        character.unicodeScalars.allSatisfy { scalar in
            (scalar.properties.isAlphabetic || scalar == " " || ",.'’?!:-".unicodeScalars.contains(scalar))
                && !scalar.properties.isEmojiPresentation
        }
    }
    let cut = String(plain.prefix(count)).trimmingCharacters(in: .whitespaces)
    return cut.count >= 4 ? cut : nil
}

/// The title the inbox shows for a conversation: the contact's name, else the number.
func title(of conversation: [String: Any]) -> String {
    ((conversation["contacts"] as? [[String: Any]])?.first?["name"] as? String) ?? conversation["contact_number"] as? String ?? ""
}
