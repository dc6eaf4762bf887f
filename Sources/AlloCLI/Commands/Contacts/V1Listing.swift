import AlloKit
import Foundation

/// How the v1 commands (`contacts`, `calls search`, `transcript`) show an open enum in a table cell: as a word.
enum V1Listing {
    /// A lower-case word for an open enum's wire value: `TRANSFERRED_AI` → `transferred ai`.
    static func word(_ value: (some OpenEnum)?) -> String {
        guard let value else { return "" }
        return value.wireValue.lowercased().replacingOccurrences(of: "_", with: " ")
    }

}
