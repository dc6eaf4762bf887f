/// Reads a model's snake_case `CodingKeys` and, when a key is absent, its camelCase spelling: the API has written
/// `allo_number` and `alloNumber` in different places (contract §1, architecture "forward compatible decoding").
struct BothCases<Key: CodingKey> {
    private let snake: KeyedDecodingContainer<Key>
    private let other: KeyedDecodingContainer<SpelledKey>

    init(_ decoder: any Decoder, _ keys: Key.Type = Key.self) throws {
        snake = try decoder.container(keyedBy: Key.self)
        other = try decoder.container(keyedBy: SpelledKey.self)
    }

    /// The value under `key` (or its camelCase twin); nil when absent or null.
    func callAsFunction<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
        if let value = try snake.decodeIfPresent(T.self, forKey: key) { return value }
        let camel = Self.camelCase(key.stringValue)
        guard camel != key.stringValue else { return nil }
        return try other.decodeIfPresent(T.self, forKey: SpelledKey(camel))
    }

    /// Like `callAsFunction`, but a missing value is an error naming the snake_case key.
    func require<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
        guard let value = try self(T.self, key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: snake.codingPath, debugDescription: "missing '\(key.stringValue)'"))
        }
        return value
    }

    /// `allo_number` → `alloNumber`.
    static func camelCase(_ snake: String) -> String {
        let parts = snake.split(separator: "_", omittingEmptySubsequences: true)
        guard parts.count > 1 else { return snake }
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
