@testable import AlloCLI
import Foundation
import Testing

/// Keeps the README's "allo commands, for scripts" section true: every command it lists exists with the flags it shows,
/// and every recipe parses.
@Suite("README: the scripting section's commands")
struct ReadmeCommandsTests {
    static let section: String = {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../README.md")
        let text = (try? String(contentsOf: readme, encoding: .utf8)) ?? ""
        guard let start = text.range(of: "## allo commands, for scripts"),
              let end = text.range(of: "\n## ", range: start.upperBound..<text.endIndex) else { return "" }
        return String(text[start.lowerBound..<end.lowerBound])
    }()

    /// Lines of the section's `sh` blocks, continuation lines joined.
    static func shellLines(block index: Int?) -> [String] {
        let blocks = section.components(separatedBy: "```sh\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        let chosen = index.map { [blocks[$0]] } ?? Array(blocks.dropFirst())
        return chosen.flatMap { $0.replacingOccurrences(of: "\\\n", with: " ").split(separator: "\n").map(String.init) }
            .filter { !$0.hasPrefix("#") && !$0.isEmpty }
    }

    @Test("Every command in the synopsis exists, and its help shows each flag the synopsis gives it")
    func synopsis() async {
        let lines = Self.shellLines(block: 0)
        #expect(lines.count >= 20)
        for line in lines {
            var previous: [String] = []
            for command in line.components(separatedBy: " | ").reduce(into: [String](), { parts, part in
                // `(--message TEXT | --message -)` is one command's alternatives, not two commands.
                if part.hasPrefix("-"), !parts.isEmpty { parts[parts.count - 1] += " | " + part } else { parts.append(part) }
            }) {
                // `allo webhooks list | create …`: a part without `allo` is a sibling of the previous command.
                let words = command.split(separator: " ").map(String.init)
                var path = words.first == "allo" ? [] : Array(previous.dropLast())
                for word in words.dropFirst(words.first == "allo" ? 1 : 0) {
                    guard word.allSatisfy({ $0.isLowercase || $0 == "-" || $0 == "|" }), !word.hasPrefix("-") else { break }
                    path.append(word.components(separatedBy: "|")[0])
                }
                previous = path
                let help = await runAllo(path + ["--help"], variables: [:])
                #expect(help.exitStatus == 0, "\(command): \(help.err)")
                let flags = words.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "[]()|")) }
                    .filter { $0.hasPrefix("--") }
                for flag in flags { #expect(help.out.contains(flag), "\(command): \(flag) not in its help") }
            }
        }
    }

    @Test("Every recipe and completion line parses as an allo command")
    func recipes() throws {
        let commands = Self.shellLines(block: nil).flatMap { line in
            line.components(separatedBy: " | ").compactMap { part -> [String]? in
                let words = Self.words(part)
                guard let index = words.firstIndex(of: "allo") else { return nil }
                return Array(words[(index + 1)...].prefix { !$0.hasPrefix(">") && $0 != "&" && $0 != "|" })
            }
        }
        #expect(commands.count >= 8)
        for arguments in commands {
            do {
                _ = try AlloCommand.parseAsRoot(arguments)
            } catch {
                // Completion scripts are "errors" that exit 0.
                #expect(AlloCommand.exitCode(for: error) == .success, "\(arguments): \(error)")
            }
        }
    }

    /// Shell-like words: quotes group, `$(…)` stays one word.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var depth = 0
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "(" {
                depth += 1
                current.append(character)
            } else if character == ")" {
                depth -= 1
                current.append(character)
            } else if character == " " && depth == 0 {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
