/// Reads a model's snake_case `CodingKeys` and, when a key is absent, its camelCase spelling: the API has written
/// `allo_number` and `alloNumber` in different places (contract §1, architecture "forward compatible decoding").
struct BothCases<Key: CodingKey> {
    /// One container read by spelling: a second one keyed by `Key` cost as much again (the decoder indexes the object's
    /// keys for each container), and every model here opens one per object.
    private let container: KeyedDecodingContainer<SpelledKey>

    init(_ decoder: any Decoder, _ keys: Key.Type = Key.self) throws {
        container = try decoder.container(keyedBy: SpelledKey.self)
    }

    /// The value under `key` (or its camelCase twin); nil when absent or null.
    func callAsFunction<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
        if let value = try container.decodeIfPresent(T.self, forKey: SpelledKey(key.stringValue)) { return value }
        guard let camel = Self.camelCase(ifSnake: key.stringValue) else { return nil }
        return try container.decodeIfPresent(T.self, forKey: SpelledKey(camel))
    }

    /// Like `callAsFunction`, but a missing value is an error naming the snake_case key.
    func require<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
        guard let value = try self(T.self, key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: container.codingPath, debugDescription: "missing '\(key.stringValue)'"))
        }
        return value
    }

    /// `allo_number` → `alloNumber`; nil when `snake` has no inner underscore (the spelling is the same). The check comes
    /// first and allocates nothing: most keys looked up are absent optionals, and most keys have no underscore.
    static func camelCase(ifSnake snake: String) -> String? {
        guard snake.utf8.contains(UInt8(ascii: "_")) else { return nil }
        let parts = snake.split(separator: "_", omittingEmptySubsequences: true)
        guard parts.count > 1 else { return nil }
        return parts.enumerated().map { index, part in index == 0 ? String(part) : part.prefix(1).uppercased() + part.dropFirst() }.joined()
    }

    /// A coding key spelled at run time.
    struct SpelledKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }

        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { return nil }
    }
}
