public import AlloStore

/// Where each pane goes for a terminal size: pure geometry, computed once per frame.
///
/// - **Wide** (at least 120×40): three columns. Left: numbers above the inbox; centre: the timeline with the compose
///   box under it; right: the transcript of the open call, or the selected contact's details.
/// - **Medium** (at least 80×24): a one-line number selector on top, then two columns: the inbox and the timeline
///   (the transcript in its place while a call is open) with the compose box under it.
/// - **Narrow** (at least 40×10): a tab line, then the focused pane alone.
/// - **Too small**: a notice only.
///
/// Every mode but the last ends with a status bar line and a message line.
public struct Layout: Equatable, Sendable {
    public enum Mode: Equatable, Sendable {
        case wide, medium, narrow, tooSmall
    }

    public static let wideSize = Size(width: 120, height: 40)
    public static let mediumSize = Size(width: 80, height: 24)
    public static let minimumSize = Size(width: 40, height: 10)

    public var mode: Mode
    public var size: Size
    /// The numbers pane (wide; narrow while focused).
    public var numbers: Rect?
    /// The one-line number selector (medium).
    public var numberSelector: Rect?
    public var inbox: Rect?
    public var timeline: Rect?
    public var compose: Rect?
    public var transcript: Rect?
    /// The contact's details (wide, while no call is open).
    public var details: Rect?
    /// The tab line (narrow).
    public var tabs: Rect?
    public var statusBar: Rect?
    public var messageLine: Rect?

    /// The layout of `size` with `focus` on a pane, a call's transcript open or not.
    public init(size: Size, focus: Pane, transcriptOpen: Bool) {
        self.size = size
        mode = Self.mode(for: size)
        guard mode != .tooSmall else { return }
        let w = size.width, h = size.height
        statusBar = Rect(x: 0, y: h - 2, width: w, height: 1)
        messageLine = Rect(x: 0, y: h - 1, width: w, height: 1)
        let contentHeight = h - 2
        switch mode {
        case .wide:
            let left = max(30, w * 27 / 100)
            let right = max(34, w * 30 / 100)
            let centre = w - left - right
            let numbersHeight = max(6, contentHeight / 4)
            numbers = Rect(x: 0, y: 0, width: left, height: numbersHeight)
            inbox = Rect(x: 0, y: numbersHeight, width: left, height: contentHeight - numbersHeight)
            let composeHeight = 7
            timeline = Rect(x: left, y: 0, width: centre, height: contentHeight - composeHeight)
            compose = Rect(x: left, y: contentHeight - composeHeight, width: centre, height: composeHeight)
            let side = Rect(x: left + centre, y: 0, width: right, height: contentHeight)
            if transcriptOpen { transcript = side } else { details = side }
        case .medium:
            numberSelector = Rect(x: 0, y: 0, width: w, height: 1)
            let left = max(28, w * 36 / 100)
            let body = contentHeight - 1
            inbox = Rect(x: 0, y: 1, width: left, height: body)
            let composeHeight = 6
            let main = Rect(x: left, y: 1, width: w - left, height: body - composeHeight)
            if transcriptOpen { transcript = main } else { timeline = main }
            compose = Rect(x: left, y: 1 + body - composeHeight, width: w - left, height: composeHeight)
        case .narrow:
            tabs = Rect(x: 0, y: 0, width: w, height: 1)
            let body = Rect(x: 0, y: 1, width: w, height: contentHeight - 1)
            switch focus {
            case .numbers: numbers = body
            case .inbox: inbox = body
            case .timeline: timeline = body
            case .transcript: if transcriptOpen { transcript = body } else { timeline = body }
            case .compose: compose = body
            }
        case .tooSmall:
            break
        }
    }

    /// The layout for a state: its focus and whether a call's transcript is open.
    public init(size: Size, state: AppState) {
        self.init(size: size, focus: state.navigation.focus, transcriptOpen: state.transcript.callID != nil)
    }

    public static func mode(for size: Size) -> Mode {
        if size.width >= wideSize.width, size.height >= wideSize.height { return .wide }
        if size.width >= mediumSize.width, size.height >= mediumSize.height { return .medium }
        if size.width >= minimumSize.width, size.height >= minimumSize.height { return .narrow }
        return .tooSmall
    }

    /// The rectangle of `pane`, when it is shown.
    public func rect(of pane: Pane) -> Rect? {
        switch pane {
        case .numbers: return numbers ?? numberSelector
        case .inbox: return inbox
        case .timeline: return timeline
        case .transcript: return transcript
        case .compose: return compose
        }
    }

    /// Rows a list pane shows (inside its border), for `viewportResized`: what one page is.
    public func listRows(of pane: Pane) -> Int? {
        guard let rect = rect(of: pane), pane != .compose else { return nil }
        if rect.height == 1 { return 1 }
        let inside = max(1, rect.height - 2)
        switch pane {
        case .inbox: return max(1, inside / 2)  // two lines a conversation
        default: return inside
        }
    }
}

/// The `viewportResized` actions that bring the store's list viewports in line with what `size` shows (none when they
/// already are). The run loop sends them after a resize, so a page (PgDn, Ctrl-d) is what is on screen.
public func viewportActions(for state: AppState, size: Size) -> [Action] {
    let layout = Layout(size: size, state: state)
    var actions: [Action] = []
    let current: [(Pane, Int)] = [(.numbers, state.numbers.cursor.viewport), (.inbox, state.inbox.cursor.viewport),
                                  (.timeline, state.timeline.cursor.viewport),
                                  (.transcript, state.transcript.cursor.viewport)]
    for (pane, viewport) in current {
        if let rows = layout.listRows(of: pane), rows != viewport { actions.append(.viewportResized(pane, rows: rows)) }
    }
    return actions
}
