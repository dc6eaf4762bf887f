@testable import AlloCLI
import AlloStore
import AlloTUI
import Foundation
import Testing

/// `:theme NAME|PATH` switches the client's theme at run time and says so on the message line.
@Suite("allo (the client): :theme")
@MainActor
struct ThemeSwitchTests {
    @Test("Only a theme command line has an argument", arguments: [
        ("theme light", "light"), ("  theme   high-contrast ", "high-contrast"), ("theme", ""), ("themes", nil),
        ("search theme", nil), ("q", nil),
    ] as [(String, String?)])
    func argument(line: String, expected: String?) {
        #expect(ThemeSwitch.argument(of: line) == expected)
    }

    @Test("A built-in name switches the theme, closes the command line and says which theme is on")
    func switches() {
        let themes = ThemeSwitch(.default, environment: [:])
        var state = AppState()
        state.navigation.commandLine = "theme light"
        for action in themes.apply("light") { _ = reduce(into: &state, action: action) }
        #expect(themes.theme == .light)
        #expect(state.navigation.commandLine == nil)
        #expect(state.status.toasts.last?.text == "theme light")
    }

    @Test("An unknown theme leaves the theme as it was and shows the loader's error")
    func unknownKeepsTheTheme() {
        let themes = ThemeSwitch(.mono, environment: ["XDG_CONFIG_HOME": "/nonexistent-\(UUID().uuidString)"])
        var state = AppState()
        state.navigation.commandLine = "theme no-such-theme"
        for action in themes.apply("no-such-theme") { _ = reduce(into: &state, action: action) }
        #expect(themes.theme == .mono)
        #expect(state.navigation.commandLine == nil)
        #expect(state.status.toasts.last?.level == .error)
        #expect(state.status.toasts.last?.text.hasSuffix("theme unchanged") == true)
    }

    @Test("No name lists the built-in themes")
    func listsThemes() {
        let themes = ThemeSwitch(.default, environment: [:])
        var state = AppState()
        for action in themes.apply("") { _ = reduce(into: &state, action: action) }
        #expect(state.status.toasts.last?.text.contains("high-contrast") == true)
        #expect(themes.theme == .default)
    }
}
