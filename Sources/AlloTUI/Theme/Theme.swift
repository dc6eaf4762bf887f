/// The styles the panes draw with, by role. Built-in themes (`Theme.default`, `.light`, `.highContrast`, `.mono` for
/// `NO_COLOR`) are compiled in from `Themes/*.toml` (see `BuiltinThemes.swift`); user themes are read from TOML files
/// (see `ThemeLoader`). The defaults of `init` are attributes only, as `mono`.
public struct Theme: Equatable, Sendable {
    public var name: String
    /// Everything not styled otherwise.
    public var base: Style
    public var border: Style
    public var borderFocused: Style
    public var title: Style
    /// The selected row in the focused pane.
    public var selection: Style
    /// The selected row in a pane without focus.
    public var selectionUnfocused: Style
    /// Secondary text: times, numbers under names, hints.
    public var dim: Style
    /// Unread marks and counts.
    public var unread: Style
    public var inbound: Style
    public var outbound: Style
    public var callAnswered: Style
    public var callMissed: Style
    public var daySeparator: Style
    public var speakerUser: Style
    public var speakerExternal: Style
    public var speakerAgent: Style
    /// Search matches.
    public var match: Style
    public var statusBar: Style
    /// The DEMO badge.
    public var demoBadge: Style
    public var toastInfo: Style
    public var toastError: Style
    /// Pending, unknown and failed sends; validation problems.
    public var warning: Style
    /// Call summaries (Markdown): strong and emphasised text, headings, code, link texts.
    public var strong: Style
    public var emphasis: Style
    public var heading: Style
    public var code: Style
    public var link: Style

    public init(name: String, base: Style = .plain, border: Style = .plain, borderFocused: Style = Style(bold: true),
                title: Style = Style(bold: true), selection: Style = Style(reverse: true),
                selectionUnfocused: Style = Style(underline: true), dim: Style = Style(dim: true),
                unread: Style = Style(bold: true), inbound: Style = .plain, outbound: Style = .plain,
                callAnswered: Style = .plain, callMissed: Style = Style(bold: true), daySeparator: Style = Style(dim: true),
                speakerUser: Style = Style(bold: true), speakerExternal: Style = .plain, speakerAgent: Style = Style(italic: true),
                match: Style = Style(underline: true), statusBar: Style = Style(reverse: true),
                demoBadge: Style = Style(bold: true, reverse: true), toastInfo: Style = .plain,
                toastError: Style = Style(bold: true), warning: Style = Style(bold: true), strong: Style = Style(bold: true),
                emphasis: Style = Style(underline: true), heading: Style = Style(bold: true, underline: true),
                code: Style = Style(reverse: true), link: Style = Style(underline: true)) {
        self.name = name
        self.base = base
        self.border = border
        self.borderFocused = borderFocused
        self.title = title
        self.selection = selection
        self.selectionUnfocused = selectionUnfocused
        self.dim = dim
        self.unread = unread
        self.inbound = inbound
        self.outbound = outbound
        self.callAnswered = callAnswered
        self.callMissed = callMissed
        self.daySeparator = daySeparator
        self.speakerUser = speakerUser
        self.speakerExternal = speakerExternal
        self.speakerAgent = speakerAgent
        self.match = match
        self.statusBar = statusBar
        self.demoBadge = demoBadge
        self.toastInfo = toastInfo
        self.toastError = toastError
        self.warning = warning
        self.strong = strong
        self.emphasis = emphasis
        self.heading = heading
        self.code = code
        self.link = link
    }
}
