import Foundation
import TOMLKit

/// What went wrong reading a theme, said so the user can fix it: the file, the line when known, the key.
public struct ThemeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file's path, or `theme NAME` for a theme not read from a file.
    public var source: String
    public var line: Int?
    /// The key at fault (`styles.selection`), when the problem is a value rather than the syntax.
    public var key: String?
    public var message: String

    public init(source: String, line: Int? = nil, key: String? = nil, message: String) {
        self.source = source
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        var text = source
        if let line { text += ":\(line)" }
        text += ": "
        if let key { text += "\(key): " }
        return text + message
    }
}

/// Reads themes: TOML with a `[styles]` table mapping roles to styles (the format is documented at the top of
/// `Themes/default.toml`), built in or from the user's files.
public enum ThemeLoader {
    /// The built-in themes, by the name `--theme`, `ALLO_THEME` and `:theme` take.
    public static let builtinNames = ["default", "light", "high-contrast", "mono"]

    /// A built-in theme by name (`default`, `light`, `high-contrast`, `mono`; `dark` is `default`).
    public static func builtin(_ name: String) -> Theme? {
        switch name.lowercased() {
        case "default", "dark": .default
        case "light": .light
        case "high-contrast", "highcontrast", "high_contrast": .highContrast
        case "mono", "none", "no-color": .mono
        default: nil
        }
    }

    /// Parses a theme from TOML `text`. `name` is used when the file has no `name` key; `source` names the file in
    /// errors. Roles the file does not set come from the theme it `extends`, or else are attributes only (as `mono`).
    public static func parse(_ text: String, name: String, source: String? = nil) throws(ThemeError) -> Theme {
        let source = source ?? "theme \(name)"
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ThemeError(source: source, line: error.source.begin.line, message: error.description)
        } catch {
            throw ThemeError(source: source, message: "\(error)")
        }
        let lines = KeyLines(text)
        var theme = Theme(name: name)
        for key in table.keys.sorted(by: { lines.line(of: $0) ?? 0 < lines.line(of: $1) ?? 0 }) {
            guard let value = table[key] else { continue }
            switch key {
            case "name":
                guard let string = value.string, !string.isEmpty else {
                    throw ThemeError(source: source, line: lines.line(of: key), key: key, message: "expected a string")
                }
                theme.name = string
            case "extends":
                guard let string = value.string, let base = builtin(string) else {
                    throw ThemeError(source: source, line: lines.line(of: key), key: key,
                                     message: "expected the name of a built-in theme (\(builtinNames.joined(separator: ", ")))")
                }
                let name = theme.name
                theme = base
                theme.name = name
            case "styles":
                break
            default:
                throw ThemeError(source: source, line: lines.line(of: key), key: key,
                                 message: "unknown key (a theme has name, extends and [styles])")
            }
        }
        guard let stylesValue = table["styles"] else { return theme }
        guard let styles = stylesValue.table else {
            throw ThemeError(source: source, line: lines.line(of: "styles"), key: "styles",
                             message: "expected a table of role = style")
        }
        for role in styles.keys.sorted(by: { lines.line(of: $0, in: "styles") ?? 0 < lines.line(of: $1, in: "styles") ?? 0 }) {
            let key = "styles.\(role)"
            let line = lines.line(of: role, in: "styles")
            guard let keyPath = Theme.role(named: role) else {
                throw ThemeError(source: source, line: line, key: key,
                                 message: "unknown role (roles: \(Theme.roleNames.joined(separator: ", ")))")
            }
            do {
                theme[keyPath: keyPath] = try style(from: styles[role])
            } catch let problem {
                throw ThemeError(source: source, line: line, key: key, message: problem.message)
            }
        }
        return theme
    }

    /// Reads and parses the theme file at `path`; the theme is named after the file.
    public static func load(file path: String) throws(ThemeError) -> Theme {
        let url = URL(fileURLWithPath: path)
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            throw ThemeError(source: path, message: exists ? "cannot be read as UTF-8 text" : "no such file")
        }
        return try parse(text, name: url.deletingPathExtension().lastPathComponent, source: path)
    }

    /// Where user themes live: `$XDG_CONFIG_HOME/allo/themes`, else `~/.config/allo/themes`.
    public static func userDirectory(environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") { return config + "/allo/themes" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/allo/themes"
    }

    /// A theme by name or path. A path (with a `/`, or ending in `.toml`) is read as it is; a name is looked up as
    /// `NAME.toml` in the user's directory first, then among the built-ins.
    public static func load(_ nameOrPath: String, environment: [String: String]) throws(ThemeError) -> Theme {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") {
            let path = nameOrPath.hasPrefix("~/") ? (environment["HOME"] ?? "~") + nameOrPath.dropFirst() : nameOrPath
            return try load(file: path)
        }
        if let directory = userDirectory(environment: environment) {
            let path = directory + "/" + nameOrPath + ".toml"
            if FileManager.default.fileExists(atPath: path) { return try load(file: path) }
        }
        if let theme = builtin(nameOrPath) { return theme }
        let place = userDirectory(environment: environment).map { " or \($0)/\(nameOrPath).toml" } ?? ""
        throw ThemeError(source: "theme \(nameOrPath)",
                         message: "no such theme: not built in (\(builtinNames.joined(separator: ", ")))\(place)")
    }

    /// The theme the client starts with: an explicit `choice` (`--theme`, `:theme`) first; else `NO_COLOR` (set and not
    /// empty) gives `mono`; else `ALLO_THEME`; else `default`. A theme that cannot be loaded gives `default` and the
    /// error, for the client to show.
    public static func resolve(_ choice: String?, environment: [String: String]) -> (theme: Theme, error: ThemeError?) {
        let wanted: String
        if let choice, !choice.isEmpty {
            wanted = choice
        } else if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
            return (.mono, nil)
        } else if let named = environment["ALLO_THEME"], !named.isEmpty {
            wanted = named
        } else {
            return (.default, nil)
        }
        do {
            return (try load(wanted, environment: environment), nil)
        } catch {
            return (.default, error)
        }
    }

    // MARK: Styles and colours

    struct Problem: Error {
        var message: String
    }

    /// A style from a table (`{ fg = "cyan", bg = 236, bold = true }`) or a compact string (`"black on cyan bold"`).
    static func style(from value: (any TOMLValueConvertible)?) throws(Problem) -> Style {
        guard let value else { throw Problem(message: "missing") }
        if let string = value.string { return try style(compact: string) }
        guard let table = value.table else {
            throw Problem(message: "expected a style: a string such as \"black on cyan bold\" or a table such as "
                + "{ fg = \"black\", bg = \"cyan\", bold = true }")
        }
        var style = Style()
        for key in table.keys.sorted() {
            guard let field = table[key] else { continue }
            switch key {
            case "fg", "foreground": style.foreground = try color(from: field, key: key)
            case "bg", "background": style.background = try color(from: field, key: key)
            case "bold", "dim", "italic", "underline", "reverse":
                guard let flag = field.bool else { throw Problem(message: "\(key): expected true or false") }
                set(attribute: key, to: flag, in: &style)
            default:
                throw Problem(message: "unknown field \(key) (fields: fg, bg, bold, dim, italic, underline, reverse)")
            }
        }
        return style
    }

    /// `"[FG] [on BG] [bold] [dim] [italic] [underline] [reverse]"`, words in any order; `""` or `"plain"` is no style.
    static func style(compact: String) throws(Problem) -> Style {
        var style = Style()
        var foregroundSet = false
        var expectingBackground = false
        for word in compact.split(whereSeparator: \.isWhitespace).map({ $0.lowercased() }) {
            if expectingBackground {
                style.background = try color(named: word)
                expectingBackground = false
                continue
            }
            switch word {
            case "on": expectingBackground = true
            case "plain", "none": break
            case "bold", "dim", "italic", "underline", "reverse": set(attribute: word, to: true, in: &style)
            default:
                guard !foregroundSet else {
                    throw Problem(message: "\"\(compact)\": two foreground colours (write \"FG on BG\" for a background)")
                }
                style.foreground = try color(named: word)
                foregroundSet = true
            }
        }
        if expectingBackground { throw Problem(message: "\"\(compact)\": a colour must follow \"on\"") }
        return style
    }

    private static func color(from value: any TOMLValueConvertible, key: String) throws(Problem) -> Color {
        if let number = value.int {
            guard (0...255).contains(number) else { throw Problem(message: "\(key): \(number) is not a colour (0–255)") }
            return .indexed(UInt8(number))
        }
        guard let name = value.string else {
            throw Problem(message: "\(key): expected a colour: a name, 0–255 or \"#rrggbb\"")
        }
        do {
            return try color(named: name)
        } catch {
            throw Problem(message: "\(key): \(error.message)")
        }
    }

    static let colorNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// `default`, a name (`red`, `bright-red`, `grey`), `0`–`255` (or `color208`), or `#rrggbb`.
    static func color(named text: String) throws(Problem) -> Color {
        let name = text.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
        if name == "default" || name == "reset" { return .default }
        if let index = colorNames.firstIndex(of: name) { return .indexed(UInt8(index)) }
        if name.hasPrefix("bright"), let index = colorNames.firstIndex(of: String(name.dropFirst(6))) {
            return .indexed(UInt8(8 + index))
        }
        if name == "grey" || name == "gray" { return .indexed(8) }
        let digits = name.hasPrefix("colour") ? name.dropFirst(6) : name.hasPrefix("color") ? name.dropFirst(5) : Substring(name)
        if !digits.isEmpty, digits.allSatisfy(\.isASCII), let number = Int(digits) {
            guard (0...255).contains(number) else { throw Problem(message: "\(number) is not a colour (0–255)") }
            return .indexed(UInt8(number))
        }
        if name.hasPrefix("#"), name.count == 7, let value = UInt32(name.dropFirst(), radix: 16) {
            return .rgb(UInt8(value >> 16), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF))
        }
        throw Problem(message: "unknown colour \"\(text)\" (a name such as cyan or bright-black, 0–255, or #rrggbb)")
    }

    private static func set(attribute: String, to flag: Bool, in style: inout Style) {
        switch attribute {
        case "bold": style.bold = flag
        case "dim": style.dim = flag
        case "italic": style.italic = flag
        case "underline": style.underline = flag
        case "reverse": style.reverse = flag
        default: break
        }
    }

    /// Finds the line of a key in the text, for errors TOMLKit cannot place (it keeps no positions for values).
    /// Understands `key = …` lines under `[table]` headers, which is how themes are written; nil otherwise.
    struct KeyLines {
        private var lines: [String: Int] = [:]

        init(_ text: String) {
            var table = ""
            for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.hasPrefix("[") {
                    table = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] ")).replacingOccurrences(of: "\"", with: "")
                    continue
                }
                guard let equals = line.firstIndex(of: "="), !line.hasPrefix("#") else { continue }
                let key = line[..<equals].trimmingCharacters(in: .whitespaces)
                    .trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                let path = table.isEmpty ? key : table + "." + key
                if lines[path] == nil { lines[path] = number + 1 }
            }
        }

        func line(of key: String, in table: String? = nil) -> Int? {
            lines[table.map { $0 + "." + key } ?? key]
        }
    }
}

extension Theme {
    /// The role names a theme file uses, in the order of `Theme`'s properties.
    public static let roleNames = [
        "base", "border", "border_focused", "title", "selection", "selection_unfocused", "dim", "unread", "inbound",
        "outbound", "call_answered", "call_missed", "day_separator", "speaker_user", "speaker_external", "speaker_agent",
        "match", "status_bar", "demo_badge", "toast_info", "toast_error", "warning", "strong", "emphasis", "heading",
        "code", "link",
    ]

    /// The property a role name (`border_focused`, or `borderFocused`) sets.
    static func role(named name: String) -> WritableKeyPath<Theme, Style>? {
        switch name.lowercased().filter({ $0 != "_" && $0 != "-" }) {
        case "base": \.base
        case "border": \.border
        case "borderfocused": \.borderFocused
        case "title": \.title
        case "selection": \.selection
        case "selectionunfocused": \.selectionUnfocused
        case "dim": \.dim
        case "unread": \.unread
        case "inbound": \.inbound
        case "outbound": \.outbound
        case "callanswered": \.callAnswered
        case "callmissed": \.callMissed
        case "dayseparator": \.daySeparator
        case "speakeruser": \.speakerUser
        case "speakerexternal": \.speakerExternal
        case "speakeragent": \.speakerAgent
        case "match": \.match
        case "statusbar": \.statusBar
        case "demobadge": \.demoBadge
        case "toastinfo": \.toastInfo
        case "toasterror": \.toastError
        case "warning": \.warning
        case "strong": \.strong
        case "emphasis": \.emphasis
        case "heading": \.heading
        case "code": \.code
        case "link": \.link
        default: nil
        }
    }

    /// The style of a role by its theme-file name (nil for an unknown role).
    public func style(forRole name: String) -> Style? {
        Self.role(named: name).map { self[keyPath: $0] }
    }
}
