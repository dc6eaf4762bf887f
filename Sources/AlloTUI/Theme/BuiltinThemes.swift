// The built-in themes, compiled in because `Themes/` cannot be a SwiftPM resource. Each literal is its file in
// `Themes/` byte for byte (BuiltinThemeTests checks it): edit the file, then paste it here between the `#"""` lines.

extension Theme {
    /// Parsed once from `Themes/default.toml`.
    public static let `default` = BuiltinThemes.parse(BuiltinThemes.defaultText, name: "default")
    /// Parsed once from `Themes/light.toml`.
    public static let light = BuiltinThemes.parse(BuiltinThemes.lightText, name: "light")
    /// Parsed once from `Themes/high-contrast.toml`.
    public static let highContrast = BuiltinThemes.parse(BuiltinThemes.highContrastText, name: "high-contrast")
    /// Parsed once from `Themes/mono.toml`.
    public static let mono = BuiltinThemes.parse(BuiltinThemes.monoText, name: "mono")
}

/// The built-in theme files as compiled in.
public enum BuiltinThemes {
    /// A built-in theme from its literal; the tests keep every literal parsing, so the fallback never shows.
    static func parse(_ text: String, name: String) -> Theme {
        (try? ThemeLoader.parse(text, name: name, source: "Themes/\(name).toml")) ?? Theme(name: name)
    }

    /// The text of each built-in theme file, by file name (the tests compare them with `Themes/`; a command can print one as a starting point).
    public static let files: [(file: String, text: String)] = [
        ("default.toml", defaultText),
        ("light.toml", lightText),
        ("high-contrast.toml", highContrastText),
        ("mono.toml", monoText),
    ]

    static let defaultText = #"""
# allo theme: default (dark terminals). The format, for every theme file:
#
#   name = "my-theme"       # optional; the file's name otherwise
#   extends = "default"     # optional; roles not set below come from this built-in theme
#                           # (default, light, high-contrast, mono); without it they are plain text
#                           # with attributes only, as in mono
#   [styles]
#   role = STYLE            # one line per role
#
# A STYLE is a table or a compact string:
#   selection = { fg = "black", bg = "cyan", bold = true }
#       fields: fg, bg (colours); bold, dim, italic, underline, reverse (true or false)
#   selection = "black on cyan bold"
#       words in any order: a foreground colour, "on" and a background colour, and attributes;
#       "" or "plain" is no style at all
#
# Colours: default (the terminal's own), black red green yellow blue magenta cyan white,
#   bright-black … bright-white (grey = bright-black), 0–255 (an integer in a table, a string
#   such as "208" in the compact form), or "#rrggbb". The client degrades colours to what the
#   terminal supports (256 or 16). With NO_COLOR set, the mono theme is used.
#
# Roles: base, border, border_focused, title, selection, selection_unfocused, dim, unread,
#   inbound, outbound, call_answered, call_missed, day_separator, speaker_user, speaker_external,
#   speaker_agent, match, status_bar, demo_badge, toast_info, toast_error, warning; and for call
#   summaries (Markdown): strong, emphasis, heading, code, link (a link's URL is shown in dim).
#
# User themes: $XDG_CONFIG_HOME/allo/themes/NAME.toml (or ~/.config/allo/themes/NAME.toml),
# chosen with --theme NAME, ALLO_THEME=NAME or :theme NAME; --theme also takes a path.
# A broken file is reported with its line, and the client falls back to this theme.

name = "default"

[styles]
base = "plain"
border = "240"
border_focused = "cyan bold"
title = "bold"
selection = { fg = "black", bg = "cyan" }
selection_unfocused = { fg = "cyan", bg = 237 }
dim = "245"
unread = "yellow bold"
inbound = "plain"
outbound = "110"
call_answered = "green"
call_missed = "red bold"
day_separator = "244"
speaker_user = "cyan bold"
speaker_external = "yellow"
speaker_agent = "magenta italic"
match = "black on yellow"
status_bar = "252 on 236"
demo_badge = "black on magenta bold"
toast_info = "green"
toast_error = "bright-white on red bold"
warning = "yellow bold"
strong = "bold"
emphasis = "italic"
heading = "cyan bold"
code = "180 on 236"
link = "110 underline"

"""#

    static let lightText = #"""
# allo theme: light (light terminal backgrounds). The format is described in default.toml.

name = "light"

[styles]
base = "plain"
border = "248"
border_focused = "blue bold"
title = "bold"
selection = { fg = "white", bg = "blue" }
selection_unfocused = { fg = "blue", bg = 254 }
dim = "242"
unread = "130 bold"
inbound = "plain"
outbound = "25"
call_answered = "28"
call_missed = "160 bold"
day_separator = "243"
speaker_user = "25 bold"
speaker_external = "130"
speaker_agent = "90 italic"
match = "black on 222"
status_bar = "235 on 252"
demo_badge = "white on 90 bold"
toast_info = "28"
toast_error = "white on 160 bold"
warning = "130 bold"
strong = "bold"
emphasis = "italic"
heading = "25 bold"
code = "88 on 254"
link = "25 underline"

"""#

    static let highContrastText = #"""
# allo theme: high-contrast (bright colours and bold on the terminal's own background, for low vision and
# glare). The format is described in default.toml.

name = "high-contrast"

[styles]
base = "bright-white"
border = "white"
border_focused = "bright-yellow bold"
title = "bright-white bold"
selection = "black on bright-yellow bold"
selection_unfocused = "bright-white underline bold"
dim = "white"
unread = "bright-yellow bold"
inbound = "bright-white"
outbound = "bright-cyan"
call_answered = "bright-green bold"
call_missed = "bright-red bold"
day_separator = "white bold"
speaker_user = "bright-cyan bold"
speaker_external = "bright-yellow bold"
speaker_agent = "bright-magenta bold"
match = "black on bright-cyan bold"
status_bar = "black on white bold"
demo_badge = "black on bright-magenta bold"
toast_info = "bright-green bold"
toast_error = "bright-white on red bold"
warning = "bright-yellow bold underline"
strong = "bright-white bold"
emphasis = "bright-white italic underline"
heading = "bright-yellow bold underline"
code = "black on white"
link = "bright-cyan underline"

"""#

    static let monoText = #"""
# allo theme: mono (NO_COLOR). Attributes only, no colour: bold, reverse and underline keep focus and selection
# visible, and mark a summary's strong text (bold), emphasis and links (underline), headings and code. The format is described in default.toml.

name = "mono"

[styles]
base = "plain"
border = "plain"
border_focused = "bold"
title = "bold"
selection = "reverse"
selection_unfocused = "underline"
dim = "dim"
unread = "bold"
inbound = "plain"
outbound = "plain"
call_answered = "plain"
call_missed = "bold"
day_separator = "dim"
speaker_user = "bold"
speaker_external = "plain"
speaker_agent = "italic"
match = "underline"
status_bar = "reverse"
demo_badge = "bold reverse"
toast_info = "plain"
toast_error = "bold"
warning = "bold"
strong = "bold"
emphasis = "underline"
heading = "bold underline"
code = "reverse"
link = "underline"

"""#
}
