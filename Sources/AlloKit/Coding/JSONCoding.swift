public import Foundation

/// The one decoder and encoder the SDK uses: snake_case keys are spelled out in each model's `CodingKeys`, so the
/// models read exactly like the contract; dates accept every form in contract §1.
enum JSONCoding {
    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            // Strings first: they are what the API sends, and a failed decode attempt is costly.
            guard let text = try? container.decode(String.self) else {
                return Date(timeIntervalSince1970: try container.decode(Double.self))
            }
            guard let date = AlloDate.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a date: \(text.prefix(40))")
            }
            return date
        }
        return decoder
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(AlloDate.format(date))
        }
        return encoder
    }
}

/// The SDK's JSON coders for programs that re-emit models (the `allo` command's `--json`): models encode back to the
/// contract's snake_case shape and dates to the contract's ISO 8601 form.
public enum AlloJSON {
    /// A decoder that reads every date form of contract §1.
    public static func decoder() -> JSONDecoder { JSONCoding.decoder() }

    /// An encoder with sorted keys, unescaped slashes and contract dates.
    public static func encoder() -> JSONEncoder { JSONCoding.encoder() }
}
