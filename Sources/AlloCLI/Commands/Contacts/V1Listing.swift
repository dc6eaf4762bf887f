import AlloKit
import Foundation

/// How the v1 commands (`contacts`, `calls search`, `transcript`) show API text in a table cell: a summary's first
/// line, an open enum as a word.
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

}
