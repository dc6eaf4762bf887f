import Foundation
import AlloKit

/// Lenient reads from a JSON object: the first of several names that is present (snake_case or camelCase), with
/// the value's type checked, absent on any mismatch.
struct Fields: Sendable {
    let values: [String: JSONValue]

    init(_ value: JSONValue) {
        if case .object(let object) = value { values = object } else { values = [:] }
    }

    private func first(_ names: [String]) -> JSONValue? {
        for name in names { if let value = values[name], value != .null { return value } }
        return nil
    }

    func string(_ names: String...) -> String? { first(names)?.stringValue }

    func number(_ names: String...) -> Double? {
        if case .number(let value)? = first(names) { return value }
        return nil
    }

    func date(_ names: String...) -> Date? { first(names)?.stringValue.flatMap(AlloDate.parse) }

    func array(_ names: String...) -> [JSONValue] {
        if case .array(let values)? = first(names) { return values }
        return []
    }

    func strings(_ names: String...) -> [String] {
        guard case .array(let values)? = first(names) else { return [] }
        return values.compactMap(\.stringValue)
    }

    func object(_ names: String...) -> Fields? {
        guard case .object? = first(names) else { return nil }
        return Fields(first(names)!)
    }

    func objects(_ names: String...) -> [Fields] {
        guard case .array(let values)? = first(names) else { return [] }
        return values.map(Fields.init)
    }

    /// The object decoded as an AlloKit model (re-encoded first: the payload is already parsed).
    func decode<T: Decodable>(_ type: T.Type) -> T? {
        guard let data = try? JSONEncoder().encode(JSONValue.object(values)) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = AlloDate.parse(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date"))
            }
            return date
        }
        return try? decoder.decode(T.self, from: data)
    }
}
