import AlloKit
import AlloTUI
import ArgumentParser
import Foundation

/// What the v1 list commands (`contacts list`, `contacts conversation`, `calls search`) share: the note on stderr
/// about further pages, and the one-line form of a call summary for a table cell.
enum V1Listing {
    /// The first meaningful line of a (markdown) summary or text, without markup, on one line.
    static func oneLine(_ text: String?) -> String {
        guard let text else { return "" }
        let line = text.split(whereSeparator: \.isNewline).lazy
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty } ?? ""
        var cleaned = line.replacingOccurrences(of: "**", with: "")
        while let first = cleaned.first, "#-*> ".contains(first) { cleaned.removeFirst() }
        return cleaned.trimmingCharacters(in: .whitespaces)
    }

    /// A lower-case word for an open enum's wire value: `TRANSFERRED_AI` → `transferred ai`.
    static func word(_ value: (some OpenEnum)?) -> String {
        guard let value else { return "" }
        return value.wireValue.lowercased().replacingOccurrences(of: "_", with: " ")
    }


    /// Throws a usage error unless `number` is E.164.
    static func checkE164(_ number: String?, option: String) throws {
        guard let number else { return }
        guard E164.isValid(number) else {
            throw ValidationError("\(option) '\(number)' is not an E.164 number (e.g. +14155550100)")
        }
    }
}
