import AlloTUI
import Foundation
import Testing

@Suite struct ThemeTests {
    /// The repository's root, found from this file's path (Tests/AlloTUITests/ThemeTests.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test(arguments: BuiltinThemes.files.map(\.file))
    func eachBuiltinLiteralEqualsItsFileByteForByte(file: String) throws {
        let literal = try #require(BuiltinThemes.files.first { $0.file == file }?.text)
        let onDisk = try Data(contentsOf: Self.root.appendingPathComponent("Themes").appendingPathComponent(file))
        #expect(Data(literal.utf8) == onDisk, "Themes/\(file) changed: paste it into Sources/AlloTUI/Theme/BuiltinThemes.swift")
    }

    @Test func everyThemeFileInThemesIsBuiltIn() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Themes").path)
            .filter { $0.hasSuffix(".toml") }
        #expect(Set(names) == Set(BuiltinThemes.files.map(\.file)))
    }

    @Test(arguments: ThemeLoader.builtinNames)
    func eachBuiltinParsesAndSetsEveryRole(name: String) throws {
        let file = try #require(BuiltinThemes.files.first { $0.file == name + ".toml" })
        let theme = try ThemeLoader.parse(file.text, name: name)
        #expect(theme.name == name)
        #expect(ThemeLoader.builtin(name) == theme)
        for role in Theme.roleNames {
            #expect(file.text.contains("\n\(role) = "), "\(name) does not set \(role)")
        }
    }

    @Test func builtinsKeepFocusAndSelectionVisible() {
        for theme in [Theme.default, .light, .highContrast, .mono] {
            #expect(theme.selection != theme.base, "\(theme.name)")
            #expect(theme.selection != theme.selectionUnfocused, "\(theme.name)")
            #expect(theme.borderFocused != theme.border, "\(theme.name)")
        }
    }

    @Test func monoIsAttributesOnly() {
        let mono = Theme.mono
        for role in Theme.roleNames {
            let style = mono.style(forRole: role)
            #expect(style != nil && style?.foreground == .default && style?.background == .default, "\(role)")
        }
        #expect(mono.selection.reverse)
        #expect(mono.borderFocused.bold)
        #expect(mono.selectionUnfocused.underline)
        #expect(mono == Theme(name: "mono"))
    }

    @Test func defaultThemeHasColours() {
        #expect(Theme.default.selection == Style(foreground: .indexed(0), background: .indexed(6)))
        #expect(Theme.default.statusBar == Style(foreground: .indexed(252), background: .indexed(236)))
        #expect(Theme.default.toastError == Style(foreground: .indexed(15), background: .indexed(1), bold: true))
    }

    @Test(arguments: [
        ("\"plain\"", Style()),
        ("\"\"", Style()),
        ("\"bold\"", Style(bold: true)),
        ("\"red\"", Style(foreground: .indexed(1))),
        ("\"bright-red\"", Style(foreground: .indexed(9))),
        ("\"BrightBlue\"", Style(foreground: .indexed(12))),
        ("\"grey\"", Style(foreground: .indexed(8))),
        ("\"208 on 17 underline\"", Style(foreground: .indexed(208), background: .indexed(17), underline: true)),
        ("\"on blue\"", Style(background: .indexed(4))),
        ("\"#ff8800 on default\"", Style(foreground: .rgb(255, 136, 0))),
        ("\"color123 italic dim reverse\"", Style(foreground: .indexed(123), dim: true, italic: true, reverse: true)),
        ("{ fg = \"cyan\", bg = 236, bold = true }", Style(foreground: .indexed(6), background: .indexed(236), bold: true)),
        ("{ fg = \"#0a0B0c\", reverse = true, underline = false }", Style(foreground: .rgb(10, 11, 12), reverse: true)),
        ("{}", Style()),
    ] as [(String, Style)])
    func stylesInBothForms(value: String, expected: Style) throws {
        let theme = try ThemeLoader.parse("[styles]\nselection = \(value)\n", name: "t")
        #expect(theme.selection == expected)
        #expect(theme.border == Theme.mono.border)
    }

    @Test func aBrokenFileNamesItsLine() {
        let text = "name = \"x\"\n[styles]\nselection = \"red\"\nborder = { fg = \"red\"\n"
        #expect {
            try ThemeLoader.parse(text, name: "x", source: "/tmp/x.toml")
        } throws: { error in
            let error = error as? ThemeError
            return error?.line == 4 && error?.source == "/tmp/x.toml"
                && error?.description.hasPrefix("/tmp/x.toml:4: ") == true
        }
    }

    @Test(arguments: [
        ("[styles]\nborder = \"bold\"\nselection = \"cyna on black\"\n", 3, "styles.selection", "unknown colour \"cyna\""),
        ("[styles]\n\nselection = { fg = 300 }\n", 3, "styles.selection", "300 is not a colour"),
        ("[styles]\nselection = { fg = \"#12345\" }\n", 2, "styles.selection", "unknown colour \"#12345\""),
        ("# c\n[styles]\ntitle = \"bold\"\nsidebar = \"red\"\n", 4, "styles.sidebar", "unknown role"),
        ("[styles]\ntitle = { fg = \"red\", blink = true }\n", 2, "styles.title", "unknown field blink"),
        ("[styles]\ntitle = \"red blue\"\n", 2, "styles.title", "two foreground colours"),
        ("[styles]\ntitle = \"red on\"\n", 2, "styles.title", "must follow \"on\""),
        ("[styles]\ntitle = 12\n", 2, "styles.title", "expected a style"),
        ("colour = \"red\"\n", 1, "colour", "unknown key"),
        ("extends = \"solarized\"\n", 1, "extends", "built-in theme"),
    ] as [(String, Int, String, String)])
    func semanticErrorsNameTheKeyAndLine(text: String, line: Int, key: String, message: String) {
        #expect {
            try ThemeLoader.parse(text, name: "t", source: "t.toml")
        } throws: { error in
            guard let error = error as? ThemeError else { return false }
            return error.line == line && error.key == key && error.message.contains(message)
                && error.description.hasPrefix("t.toml:\(line): \(key): ")
        }
    }

    @Test func extendsTakesUnsetRolesFromABuiltin() throws {
        let theme = try ThemeLoader.parse("name = \"mine\"\nextends = \"default\"\n[styles]\nselection = \"reverse\"\n",
                                          name: "file")
        #expect(theme.name == "mine")
        #expect(theme.selection == Style(reverse: true))
        #expect(theme.border == Theme.default.border)
    }

    @Test func summaryRolesAreReadFromAFileAndDefaultToMono() throws {
        let theme = try ThemeLoader.parse("""
            [styles]
            strong = "yellow bold"
            emphasis = { italic = true }
            heading = "cyan bold underline"
            code = "252 on 236"
            link = { fg = "#5fafd7", underline = true }
            """, name: "t")
        #expect(theme.strong == Style(foreground: .indexed(3), bold: true))
        #expect(theme.emphasis == Style(italic: true))
        #expect(theme.heading == Style(foreground: .indexed(6), bold: true, underline: true))
        #expect(theme.code == Style(foreground: .indexed(252), background: .indexed(236)))
        #expect(theme.link == Style(foreground: .rgb(95, 175, 215), underline: true))
        let unset = try ThemeLoader.parse("[styles]\nstrong = \"red\"\n", name: "t")
        #expect(unset.emphasis == Theme.mono.emphasis && unset.code == Theme.mono.code)
        #expect {
            try ThemeLoader.parse("[styles]\n\nlink = \"blu\"\n", name: "t", source: "t.toml")
        } throws: { error in
            (error as? ThemeError)?.description == "t.toml:3: styles.link: unknown colour \"blu\" (a name such as cyan or "
                + "bright-black, 0–255, or #rrggbb)"
        }
    }

    @Test func monoMarksSummariesWithAttributesOnly() {
        let mono = Theme.mono
        #expect(mono.strong == Style(bold: true))
        #expect(mono.emphasis == Style(underline: true))
        #expect(mono.heading == Style(bold: true, underline: true))
        #expect(mono.code == Style(reverse: true))
        #expect(mono.link == Style(underline: true))
        for theme in [Theme.default, .light, .highContrast] {
            #expect(theme.strong != theme.base && theme.heading != theme.base && theme.link != theme.base, "\(theme.name)")
        }
    }

    @Test func camelCaseRoleNamesAreAcceptedToo() throws {
        let theme = try ThemeLoader.parse("[styles]\nborderFocused = \"red\"\n", name: "t")
        #expect(theme.borderFocused == Style(foreground: .indexed(1)))
    }

    @Test func noColorSelectsMonoUnlessAThemeIsChosen() {
        let env = ["NO_COLOR": "1", "ALLO_THEME": "light", "HOME": "/nonexistent"]
        #expect(ThemeLoader.resolve(nil, environment: env).theme == .mono)
        #expect(ThemeLoader.resolve("high-contrast", environment: env).theme == .highContrast)
        #expect(ThemeLoader.resolve(nil, environment: ["NO_COLOR": "", "ALLO_THEME": "light"]).theme == .light)
        #expect(ThemeLoader.resolve(nil, environment: [:]).theme == .default)
    }

    @Test func userThemesComeFromXDGConfigOrAPathAndBrokenOnesFallBack() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("allo-themes-\(UUID().uuidString)")
        let themes = directory.appendingPathComponent("allo/themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "extends = \"light\"\n[styles]\ntitle = \"#102030\"\n".write(
            to: themes.appendingPathComponent("ocean.toml"), atomically: true, encoding: .utf8)
        try "[styles]\ntitle = \"bold\nborder = \"red\"\n".write(
            to: themes.appendingPathComponent("broken.toml"), atomically: true, encoding: .utf8)
        let env = ["XDG_CONFIG_HOME": directory.path]
        #expect(ThemeLoader.userDirectory(environment: env) == themes.path)
        #expect(ThemeLoader.userDirectory(environment: ["HOME": "/home/me"]) == "/home/me/.config/allo/themes")

        let ocean = ThemeLoader.resolve("ocean", environment: env)
        #expect(ocean.error == nil)
        #expect(ocean.theme.name == "ocean")
        #expect(ocean.theme.title == Style(foreground: .rgb(0x10, 0x20, 0x30)))
        #expect(ocean.theme.border == Theme.light.border)

        let byPath = try ThemeLoader.load(themes.appendingPathComponent("ocean.toml").path, environment: [:])
        #expect(byPath == ocean.theme)

        let broken = ThemeLoader.resolve("broken", environment: env)
        #expect(broken.theme == .default)
        #expect(broken.error?.line == 2)
        #expect(broken.error?.source.hasSuffix("broken.toml") == true)

        let missing = ThemeLoader.resolve("nope", environment: env)
        #expect(missing.theme == .default)
        #expect(missing.error?.message.contains("no such theme") == true)
        let missingFile = ThemeLoader.resolve("/nonexistent/x.toml", environment: env)
        #expect(missingFile.error == ThemeError(source: "/nonexistent/x.toml", message: "no such file"))
    }
}
