/// Which pane has the keyboard, the help overlay and the command line.
public struct NavigationState: Equatable, Sendable {
    public var focus: Pane = .inbox
    public var helpVisible = false
    /// The first row of the help overlay shown, when it is taller than the terminal (scrolled with j/k).
    public var helpOffset = 0
    /// The text of the `:` command line while open; nil when closed.
    public var commandLine: String? = nil
    /// The user asked to quit (`quitRequested`, or `:q` on the command line): the run loop exits once the drafts are saved.
    public var quitting = false
    /// The prompt that has the keyboard (filter, transcript search, new recipient, quit confirmation); nil for none.
    public var input: InputMode? = nil
    /// The text typed at a prompt that keeps its own text (`recipient`).
    public var inputText = ""

    public init() {}
}

/// The panes, in Tab order.
public enum Pane: Equatable, Sendable, CaseIterable {
    case numbers, inbox, timeline, transcript, compose
}
