/// Words for item search (§7.5: keywords AND-combined, prefix-matched, over transcripts, summaries and SMS text),
/// lower-cased with Latin accents removed, so `facture` finds « Facturé ».
enum SearchText {
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty { words.append(String(current)); current.removeAll(keepingCapacity: true) }
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let v = scalar.value
                if v >= 65 && v <= 90 { current.append(Unicode.Scalar(v + 32)!) }
                else if (v >= 97 && v <= 122) || (v >= 48 && v <= 57) { current.append(scalar) }
                else { flush() }
            } else if let folded = fold[scalar] {
                current.append(contentsOf: folded.unicodeScalars)
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    private static let fold: [Unicode.Scalar: String] = {
        let groups: [(String, String)] = [
            ("àáâãäåÀÁÂÃÄÅ", "a"), ("çćčÇĆČ", "c"), ("èéêëÈÉÊË", "e"), ("ìíîïÌÍÎÏ", "i"), ("ñÑ", "n"),
            ("òóôõöøÒÓÔÕÖØ", "o"), ("ùúûüÙÚÛÜ", "u"), ("ýÿÝŸ", "y"), ("šŠ", "s"), ("žŽ", "z"),
            ("æÆ", "ae"), ("œŒ", "oe"), ("ß", "ss"),
        ]
        var table: [Unicode.Scalar: String] = [:]
        for (letters, ascii) in groups { for s in letters.unicodeScalars { table[s] = ascii } }
        return table
    }()
}
