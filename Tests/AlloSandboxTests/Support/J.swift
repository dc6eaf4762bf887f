import Foundation

/// A JSON value read the way a test reads it: `json["data"][0]["id"].string`. Missing keys give `.missing`, so a
/// wrong path fails the expectation that uses it instead of crashing the test run.
enum J: Equatable, CustomStringConvertible {
    case missing
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([J])
    case object([String: J])

    init(data: Data) {
        self = (try? JSONDecoder().decode(J.self, from: data)) ?? .missing
    }

    subscript(key: String) -> J {
        if case .object(let object) = self { return object[key] ?? .missing }
        return .missing
    }

    subscript(index: Int) -> J {
        if case .array(let array) = self, array.indices.contains(index) { return array[index] }
        return .missing
    }

    var string: String? { if case .string(let s) = self { s } else { nil } }
    var int: Int? { if case .number(let n) = self, n == n.rounded() { Int(n) } else { nil } }
    var double: Double? { if case .number(let n) = self { n } else { nil } }
    var bool: Bool? { if case .bool(let b) = self { b } else { nil } }
    var array: [J] { if case .array(let a) = self { a } else { [] } }
    var keys: Set<String> { if case .object(let o) = self { Set(o.keys) } else { [] } }
    var isNull: Bool { self == .null }
    var isMissing: Bool { self == .missing }
    var count: Int { array.count }

    var description: String {
        switch self {
        case .missing: return "<missing>"
        case .null: return "null"
        case .bool(let b): return String(b)
        case .number(let n): return String(n)
        case .string(let s): return "\"\(s)\""
        case .array(let a): return "[" + a.map(\.description).joined(separator: ",") + "]"
        case .object(let o): return "{" + o.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}"
        }
    }
}

extension J: Decodable {
    init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: Key.self) {
            var values: [String: J] = [:]
            for key in object.allKeys { values[key.stringValue] = try object.decode(J.self, forKey: key) }
            self = .object(values)
        } else if var list = try? decoder.unkeyedContainer() {
            var values: [J] = []
            while !list.isAtEnd { values.append(try list.decode(J.self)) }
            self = .array(values)
        } else {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() { self = .null }
            else if let b = try? single.decode(Bool.self) { self = .bool(b) }
            else if let n = try? single.decode(Double.self) { self = .number(n) }
            else { self = .string(try single.decode(String.self)) }
        }
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
