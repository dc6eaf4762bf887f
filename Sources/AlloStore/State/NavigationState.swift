/// Which pane has the keyboard, the help overlay and the command line.
public struct NavigationState: Equatable, Sendable {
    public var focus: Pane = .inbox
    public var helpVisible = false
    /// The text of the `:` command line while open; nil when closed.
    public var commandLine: String? = nil
    /// The user asked to quit (`quitRequested`, or `:q` on the command line): the run loop exits once the drafts are saved.
    public var quitting = false

    public init() {}
}

/// The panes, in Tab order.
public enum Pane: Equatable, Sendable, CaseIterable {
    case numbers, inbox, timeline, transcript, compose
}
