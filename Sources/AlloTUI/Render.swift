public import AlloStore
public import Foundation

/// What the panes need beyond the store's state.
public struct Chrome: Equatable, Sendable {
    /// Running on the embedded sandbox (`allo --demo`): the status bar says DEMO.
    public var demo: Bool
    /// The account label for the status bar (team name or base URL host).
    public var account: String?
    /// The zone times and day separators are shown in (tests fix it).
    public var timeZone: TimeZone

    public init(demo: Bool = false, account: String? = nil, timeZone: TimeZone = .current) {
        self.demo = demo
        self.account = account
        self.timeZone = timeZone
    }
}

/// A drawn screen and where the terminal's cursor goes (the compose box or a prompt with the keyboard), if anywhere.
public struct RenderedFrame: Equatable, Sendable {
    public var canvas: Canvas
    public var cursor: Point?

    public init(canvas: Canvas, cursor: Point? = nil) {
        self.canvas = canvas
        self.cursor = cursor
    }
}

/// Draws the whole screen for `state` at `size`. Pure: the same inputs give the same canvas.
public func render(_ state: AppState, size: Size, theme: Theme, chrome: Chrome) -> Canvas {
    renderFrame(state, size: size, theme: theme, chrome: chrome).canvas
}

/// Draws the whole screen and says where the cursor goes. Cost is proportional to the cells on screen: every list is a
/// window over its data and text is wrapped only for the rows shown (cached per width).
public func renderFrame(_ state: AppState, size: Size, theme: Theme, chrome: Chrome) -> RenderedFrame {
    var canvas = Canvas(size: size, style: theme.base)
    let layout = Layout(size: size, state: state)
    let context = PaneContext(theme: theme, now: state.status.now, timeZone: chrome.timeZone,
                              focus: state.navigation.focus)
    guard layout.mode != .tooSmall else {
        canvas.writeNotice([("Terminal too small", theme.title),
                            ("\(size.width)×\(size.height), needs \(Layout.minimumSize.width)×\(Layout.minimumSize.height)",
                             theme.dim)], in: canvas.bounds)
        return RenderedFrame(canvas: canvas)
    }
    var cursor: Point?
    if let rect = layout.tabs { TabLine.draw(state, in: rect, on: &canvas, context: context) }
    if let rect = layout.numbers { NumbersPane.draw(state, in: rect, on: &canvas, context: context) }
    if let rect = layout.numberSelector { NumbersPane.drawSelector(state, in: rect, on: &canvas, context: context) }
    if let rect = layout.inbox { InboxPane.draw(state, in: rect, on: &canvas, context: context) }
    if let rect = layout.timeline { TimelinePane.draw(state, in: rect, on: &canvas, context: context) }
    if let rect = layout.transcript { TranscriptPane.draw(state, in: rect, on: &canvas, context: context) }
    if let rect = layout.details { DetailsPane.draw(state, in: rect, on: &canvas, context: context) }
    if let rect = layout.compose {
        cursor = ComposePane.draw(state, in: rect, on: &canvas, context: context)
    }
    if let rect = layout.statusBar { StatusBar.draw(state, chrome: chrome, in: rect, on: &canvas, context: context) }
    if let rect = layout.messageLine {
        if let promptCursor = MessageLine.draw(state, in: rect, on: &canvas, context: context) { cursor = promptCursor }
        else if MessageLine.prompt(state) != nil { cursor = nil }
    }
    if state.navigation.helpVisible {
        HelpOverlay.draw(in: canvas.bounds, on: &canvas, theme: theme, offset: state.navigation.helpOffset)
        cursor = nil
    }
    return RenderedFrame(canvas: canvas, cursor: cursor)
}
