import AlloTUI
import Foundation
import Testing

/// The README documents the default key map; `KeyMap.help` (what `?` shows) is the source. They must not drift.
@Suite("README: the key map table")
struct ReadmeKeyMapTests {
    static let marker = "<!-- key map: Sources/AlloTUI/Keys/KeyMap.swift KeyMap.help -->"

    /// The package root, from this file's path (Tests/EndToEndTests/ReadmeKeyMapTests.swift).
    static var readme: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
    }

    /// The rows after the marker: `| `keys` | meaning |`, or `| **heading** | |` for a heading row (empty meaning).
    static func table(in text: String) -> [(keys: String, meaning: String)]? {
        guard let start = text.range(of: marker) else { return nil }
        let lines = text[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
        var rows: [(String, String)] = []
        for line in lines.dropFirst(2) {   // the header and the |---| line
            guard line.hasPrefix("|") else { break }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 2 else { return nil }
            var keys = cells[0]
            for mark in ["`", "**"] where keys.hasPrefix(mark) && keys.hasSuffix(mark) && keys.count >= 2 * mark.count {
                keys = String(keys.dropFirst(mark.count).dropLast(mark.count))
            }
            rows.append((keys, cells[1]))
        }
        return rows
    }

    @Test("The README's table is KeyMap.help, row for row")
    func tableEqualsHelp() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let rows = try #require(Self.table(in: text), "README.md has no key map table after \(Self.marker)")
        let help = KeyMap.help
        #expect(rows.count == help.count)
        for (index, (row, expected)) in zip(rows, help).enumerated() {
            #expect(row.keys == expected.keys && row.meaning == expected.meaning,
                    "row \(index + 1): README has \(row), KeyMap.help has \(expected)")
        }
    }
}
