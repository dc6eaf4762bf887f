import Foundation

/// A request as route handlers see it: authenticated, path parameters decoded, query and body parsed.
struct APIRequest: Sendable {
    var method: String
    var path: String
    var params: [String: String]
    var query: Query
    var body: JSON?
    var key: APIKey
    var version: APIVersion
    var requestID: String
    /// Unix seconds, from the sandbox's clock.
    var now: Double
    /// Per-second limits of this sandbox, for `/v2/api/me`.
    var rateLimits: RateLimits

    var nowSeconds: Int64 { Int64(now.rounded(.down)) }

    func param(_ name: String) -> String { params[name] ?? "" }

    /// The body as an object; a missing body counts as `{}` only where every field is optional.
    func object(allowEmpty: Bool = false) throws(APIError) -> Fields {
        switch body {
        case .object(let pairs)?: return Fields(pairs: pairs)
        case nil where allowEmpty: return Fields(pairs: [])
        case nil: throw .invalidBody("A JSON object body is required.")
        default: throw .invalidBody("The body must be a JSON object.")
        }
    }
}

/// Decoded query parameters. `+` means a space, as in every form decoder; the contract asks clients for `%2B` (§1).
struct Query: Sendable {
    private(set) var values: [String: [String]] = [:]

    init(_ raw: String?) throws(APIError) {
        guard let raw, !raw.isEmpty else { return }
        for pair in raw.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : "") else {
                throw APIError(400, "INVALID_PARAMETER", "The query string has an invalid percent-encoding near '\(pair.prefix(40))'.")
            }
            values[name, default: []].append(value)
        }
    }

    private static func decode(_ part: Substring) -> String? {
        part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    subscript(name: String) -> String? { values[name]?.first }

    func int(_ name: String, default fallback: Int, in range: ClosedRange<Int>, code: String = "INVALID_PARAMETER") throws(APIError) -> Int {
        guard let text = self[name] else { return fallback }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
            throw APIError(400, code, "'\(name)' must be an integer from \(range.lowerBound) to \(range.upperBound); got '\(text.prefix(40))'.", param: name)
        }
        return value
    }

    func bool(_ name: String) throws(APIError) -> Bool? {
        guard let text = self[name] else { return nil }
        switch text.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: throw .invalidParameter(name, "'\(name)' must be true or false; got '\(text.prefix(40))'.")
        }
    }

    /// A comma-separated list (`extend=engagement,activity`), also accepting the parameter repeated.
    func list(_ name: String) -> [String] {
        (values[name] ?? []).flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            .filter { !$0.isEmpty }
    }
}

/// Typed access to a JSON object body; every mismatch is a 400 naming the field.
struct Fields: Sendable {
    let pairs: [(String, JSON)]

    func has(_ name: String) -> Bool { pairs.contains { $0.0 == name } }

    func value(_ name: String) -> JSON? { pairs.first { $0.0 == name }?.1 }

    /// Nil when absent or null.
    func string(_ name: String) throws(APIError) -> String? {
        switch value(name) {
        case nil, .null?: return nil
        case .string(let s)?: return s
        default: throw .invalidBody("'\(name)' must be a string.", field: name)
        }
    }

    func requiredString(_ name: String) throws(APIError) -> String {
        guard let value = try string(name) else { throw .invalidBody("'\(name)' is required.", field: name) }
        return value
    }

    func bool(_ name: String) throws(APIError) -> Bool? {
        switch value(name) {
        case nil, .null?: return nil
        case .bool(let b)?: return b
        default: throw .invalidBody("'\(name)' must be true or false.", field: name)
        }
    }

    func int(_ name: String) throws(APIError) -> Int? {
        switch value(name) {
        case nil, .null?: return nil
        case .int(let i)?: return i
        // Integral but beyond Int: out of range rather than of the wrong type, so range checks name the right code.
        case .double(let d)? where d == d.rounded(): return d >= 9.2e18 ? .max : d <= -9.2e18 ? .min : Int(d)
        default: throw .invalidBody("'\(name)' must be an integer.", field: name)
        }
    }

    func strings(_ name: String) throws(APIError) -> [String]? {
        switch value(name) {
        case nil, .null?: return nil
        case .array(let values)?:
            var strings: [String] = []
            for value in values {
                guard case .string(let s) = value else { throw .invalidBody("'\(name)' must be an array of strings.", field: name) }
                strings.append(s)
            }
            return strings
        default: throw .invalidBody("'\(name)' must be an array of strings.", field: name)
        }
    }

    func object(_ name: String) throws(APIError) -> Fields? {
        switch value(name) {
        case nil, .null?: return nil
        case .object(let pairs)?: return Fields(pairs: pairs)
        default: throw .invalidBody("'\(name)' must be an object.", field: name)
        }
    }
}

/// A successful reply; error replies are thrown `APIError`s.
struct Reply: Sendable {
    var status: Int
    var body: JSON?
    var headers: [(String, String)] = []

    static func data(_ data: JSON, status: Int = 200) -> Reply {
        Reply(status: status, body: .object([("data", data)]))
    }

    static let noContent = Reply(status: 204, body: nil)
}

