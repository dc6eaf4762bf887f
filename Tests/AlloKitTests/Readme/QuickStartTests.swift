import Foundation
import Testing
import AlloKit

@Suite("README")
struct QuickStartTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The non-blank lines between `marker` and the next closing fence, trimmed.
    static func lines(in text: String, after start: String, until end: String) -> [String] {
        guard let from = text.range(of: start), let to = text.range(of: end, range: from.upperBound..<text.endIndex) else { return [] }
        return text[from.upperBound..<to.lowerBound].split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    @Test("The README's Quick Start is the code this suite runs")
    func readmeMatchesCode() throws {
        let readme = try String(contentsOf: Self.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let code = try String(contentsOf: Self.repository.appendingPathComponent("Tests/AlloKitTests/Readme/QuickStart.swift"), encoding: .utf8)
        let documented = Self.lines(in: readme, after: "<!-- quick start: Tests/AlloKitTests/Readme/QuickStart.swift -->\n```swift", until: "```")
        let tested = Self.lines(in: code, after: "// README quick start begins", until: "// README quick start ends")
        #expect(!tested.isEmpty)
        #expect(documented == tested)
    }

    @Test("The Quick Start runs against the sandbox")
    func quickStartRuns() async throws {
        let out = try await withLiveSandbox(contacts: 120) { sandbox in try await quickStart(allo: sandbox.client()) }
        #expect(out.contains("+33184807512 Paris — Showroom FR"))
        #expect(out.contains("sent Thanks for your call!"))
        #expect(out.contains { $0.hasPrefix("  EXTERNAL: ") || $0.hasPrefix("  USER: ") })
        #expect(out.contains("Hélène [\"+33612345678\"]"))
        #expect(out.contains { $0.hasPrefix("no such contact: CONTACT_NOT_FOUND (HTTP 400)") })
        #expect(out.contains("121 contacts"))
        #expect(out.last == "5 numbers")
    }
}
