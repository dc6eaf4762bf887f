import AlloStore
import Foundation
import AlloTUI

/// The theme the client draws with, switchable at run time by `:theme NAME|PATH` (the store knows nothing of themes).
@MainActor
final class ThemeSwitch {
    private(set) var theme: Theme
    private let environment: [String: String]

    init(_ theme: Theme, environment: [String: String]) {
        self.theme = theme
        self.environment = environment
    }

    /// The argument of a `theme` command line (`"theme light"` → `"light"`, `"theme"` → `""`); nil for other commands.
    nonisolated static func argument(of commandLine: String) -> String? {
        let words = commandLine.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1)
        guard words.first == "theme" else { return nil }
        return words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : ""
    }

    /// Switches to `choice` and says what happened, as the actions for the store: the command line closes and a
    /// notice tells the new theme, the available names, or why the theme is unchanged.
    func apply(_ choice: String) -> [Action] {
        guard !choice.isEmpty else {
            return [.commandLineCancelled, .noticePosted("themes: " + ThemeLoader.builtinNames.joined(separator: ", ")
                                                         + " (or a path); now \(theme.name)", level: .info)]
        }
        do {
            theme = try ThemeLoader.load(choice, environment: environment)
            return [.commandLineCancelled, .noticePosted("theme \(theme.name)", level: .info)]
        } catch {
            return [.commandLineCancelled, .noticePosted("\(error); theme unchanged", level: .error)]
        }
    }
}
