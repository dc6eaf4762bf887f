/// Item ids: a kind prefix, the party's 10-character token, then the item's ordinal in base 62.
/// The contract shows `cll-…`/`cll_…` and `msg-…`/`msg_…` on v2 and `call_…` on v1 (§1); all name the same records.
struct ItemID: Sendable, Equatable {
    var isCall: Bool
    var partyToken: String
    var ordinal: Int

    enum ParseFailure: Error { case unknownPrefix, malformed }

    static func v2(_ item: Item, party: Party) -> String {
        (item.kind == .call ? "cll-" : "msg-") + party.token + encode(item.ordinal)
    }

    static func v1Call(_ item: Item, party: Party) -> String {
        "call_" + party.token + encode(item.ordinal)
    }

    static func parse(_ id: String) throws(ParseFailure) -> ItemID {
        let prefixes: [(String, Bool)] = [("cll-", true), ("cll_", true), ("call_", true), ("msg-", false), ("msg_", false)]
        guard let (prefix, isCall) = prefixes.first(where: { id.hasPrefix($0.0) }) else { throw .unknownPrefix }
        let rest = Array(id.utf8.dropFirst(prefix.utf8.count))
        guard rest.count > 10, rest.count <= 16 else { throw .malformed }
        var ordinal = 0
        for byte in rest[10...] {
            guard let digit = digitValue(byte) else { throw .malformed }
            ordinal = ordinal * 62 + digit
        }
        guard rest[..<10].allSatisfy({ digitValue($0) != nil }) else { throw .malformed }
        return ItemID(isCall: isCall, partyToken: String(decoding: rest[..<10], as: UTF8.self), ordinal: ordinal)
    }

    private static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    /// At least two characters so every id has the same look.
    private static func encode(_ value: Int) -> String {
        var digits: [UInt8] = []
        var rest = value
        repeat {
            digits.append(alphabet[rest % 62])
            rest /= 62
        } while rest > 0
        while digits.count < 2 { digits.append(alphabet[0]) }
        return String(decoding: digits.reversed(), as: UTF8.self)
    }

    private static func digitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(byte - UInt8(ascii: "A")) + 10
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(byte - UInt8(ascii: "a")) + 36
        default: return nil
        }
    }
}
