public import AlloStore

/// What the panes need beyond the store's state.
public struct Chrome: Equatable, Sendable {
    /// Running on the embedded sandbox (`allo --demo`): the status bar says DEMO.
    public var demo: Bool
    /// The account label for the status bar (team name or base URL host).
    public var account: String?

    public init(demo: Bool = false, account: String? = nil) {
        self.demo = demo
        self.account = account
    }
}

// OWNER: the panes helper (replace this placeholder body; keep the signature).
/// Draws the whole screen for `state` at `size`. Pure: the same inputs give the same canvas.
public func render(_ state: AppState, size: Size, theme: Theme, chrome: Chrome) -> Canvas {
    Canvas(size: size, style: theme.base)
}
