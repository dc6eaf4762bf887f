/// An API enum that survives new values: each type lists its known cases and wire spellings, anything else decodes
/// to `.unknown(raw)` and encodes back unchanged. Matching ignores case (the docs show both `OPEN` and `open`).
public protocol OpenEnum: Codable, Hashable, Sendable, CustomStringConvertible {
    /// Known cases with their wire spelling; the first spelling of a case is the one sent.
    static var wireValues: [(Self, String)] { get }
    /// The case that keeps a wire value this SDK does not know, as received.
    static func unknown(_ raw: String) -> Self
}

extension OpenEnum {
    /// Reads a wire spelling: exact match first, then ignoring case; anything else becomes `.unknown(wireValue)`.
    public init(wireValue: String) {
        if let exact = Self.wireValues.first(where: { $0.1 == wireValue }) {
            self = exact.0
        } else {
            let upper = wireValue.uppercased()
            self = Self.wireValues.first { $0.1.uppercased() == upper }?.0 ?? .unknown(wireValue)
        }
    }

    /// The spelling sent to the API: a known case's first wire spelling, or the raw text of `.unknown`.
    public var wireValue: String {
        if let known = Self.wireValues.first(where: { $0.0 == self }) { return known.1 }
        // Not in the table, so `.unknown(raw)`: its one associated value is the raw text.
        return Mirror(reflecting: self).children.first?.value as? String ?? ""
    }

    public init(from decoder: any Decoder) throws {
        self.init(wireValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wireValue)
    }

    public var description: String { wireValue }
}
