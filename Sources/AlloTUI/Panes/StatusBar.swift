import AlloStore
import Foundation

/// The status bar: account (or DEMO), the number shown, connection and rate-limit state, sends in flight, key hints.
enum StatusBar {
    static func draw(_ state: AppState, chrome: Chrome, in rect: Rect, on canvas: inout Canvas, context: PaneContext) {
        let theme = context.theme
        canvas.fill(rect, style: theme.statusBar)
        var x = rect.x
        if chrome.demo {
            x += canvas.write(" DEMO ", x: x, y: rect.y, style: theme.demoBadge, clippedTo: rect)
        } else {
            let account = chrome.account ?? state.session.identity.value?.teamName ?? "allo"
            x += canvas.write(" " + Format.oneLine(account) + " ", x: x, y: rect.y, style: theme.statusBar, clippedTo: rect)
        }
        var parts: [String] = []
        if let selected = state.numbers.selected {
            let name = state.numbers.list.value?.first { $0.number == selected }?.name
            parts.append(name.map { Format.oneLine($0) + " " + selected } ?? selected)
        }
        if let since = state.status.offlineSince {
            let minutes = max(0, Int(context.now.timeIntervalSince(since)) / 60)
            parts.append(minutes > 0 ? "offline \(minutes)m" : "offline")
        }
        if let rate = state.status.rateLimit {
            if rate.remaining == 0 || rate.retryAfter != nil {
                parts.append("rate limited")
            } else if let remaining = rate.remaining, let limit = rate.limit, remaining * 5 < limit {
                parts.append("rate \(remaining)/\(limit)")
            }
        }
        var sending = 0, notSent = 0, unknown = 0
        for entry in state.compose.outbox {
            switch entry.state {
            case .sending: sending += 1
            case .failed: notSent += 1
            case .unknown: unknown += 1
            }
        }
        if sending > 0 { parts.append("\(sending) sending") }
        if notSent > 0 { parts.append("\(notSent) not sent") }
        if unknown > 0 { parts.append("\(unknown) unknown") }
        // The state comes first; the key hints show only when there is room for both.
        let left = parts.isEmpty ? "" : "│ " + parts.joined(separator: " │ ")
        let room = rect.maxX - x
        canvas.write(Truncate.fit(left, width: room), x: x, y: rect.y, style: theme.statusBar, clippedTo: rect)
        for hints in [hint(state) + " ", "? help "] where Truncate.cells(left) + 2 + Truncate.cells(hints) <= room {
            canvas.write(hints, x: rect.maxX - Truncate.cells(hints), y: rect.y, style: theme.statusBar, clippedTo: rect)
            break
        }
    }

    /// The keys that matter where the focus is.
    static func hint(_ state: AppState) -> String {
        if state.navigation.helpVisible { return "Esc closes help" }
        if state.compose.confirming { return "y sends · any key cancels" }
        if state.navigation.input == .confirmQuit { return "y quits · any key stays" }
        if case .confirmResend? = state.navigation.input { return "y sends again · any key keeps it" }
        if state.navigation.input != nil || state.navigation.commandLine != nil { return "Enter ok · Esc cancel" }
        switch state.navigation.focus {
        case .compose: return "Enter send · Alt-Enter newline · Esc leave"
        case .transcript: return "/ search · n/N match · Esc close · ? help"
        case .timeline: return sendHint(state) ?? "Enter transcript · c write · Esc back · ? help"
        case .numbers, .inbox: return "Enter open · / filter · c write · ? help · q quit"
        }
    }
}

extension StatusBar {
    /// The keys for the selected item when it is a send not settled: what Enter, R and e do to it now.
    static func sendHint(_ state: AppState) -> String? {
        guard let item = state.timeline.selectedItem, case .sms(let sms) = item.content else { return nil }
        switch sms.delivery {
        case .failed: return "Enter retries · e edits · Esc back"
        case .unknown(_, let unknown) where unknown.isSettledAsUnknown: return "Enter checks again · R sends again · e edits"
        case .unknown: return "checking the server… · Esc back"
        case .pending, .api: return nil
        }
    }
}

/// The bottom line: an open prompt or command line, else the last toast with its code and hint.
enum MessageLine {
    /// The second confirmation before an unknown send goes again.
    static let resendQuestion = "This SMS may already have been delivered. Send again? [y/N]"

    /// Draws the line; returns where the cursor goes when a prompt has the keyboard.
    static func draw(_ state: AppState, in rect: Rect, on canvas: inout Canvas, context: PaneContext) -> Point? {
        let theme = context.theme
        canvas.fill(rect, style: theme.base)
        if let prompt = prompt(state) {
            let labelWidth = canvas.write(prompt.label, x: rect.x, y: rect.y, style: theme.title, clippedTo: rect)
            guard prompt.editable else { return nil }
            let area = Rect(x: rect.x + labelWidth, y: rect.y, width: max(0, rect.width - labelWidth), height: 1)
            let drawn = TextInput(text: prompt.text, style: theme.base).draw(in: area, on: &canvas)
            return drawn.cursor
        }
        guard let toast = state.status.toasts.last else { return nil }
        let style: Style
        var text: String
        switch toast.level {
        case .error: style = theme.toastError; text = "✗ "
        case .notice: style = theme.warning; text = "! "
        case .info: style = theme.toastInfo; text = ""
        }
        text += Format.oneLine(toast.text)
        if let code = toast.code { text += " [\(code)]" }
        if let hint = toast.hint { text += " — " + Format.oneLine(hint) }
        canvas.write(Truncate.fit(text, width: rect.width), x: rect.x, y: rect.y, style: style, clippedTo: rect)
        return nil
    }

    struct Prompt {
        var label: String
        var text: String
        var editable: Bool
    }

    static func prompt(_ state: AppState) -> Prompt? {
        if let line = state.navigation.commandLine { return Prompt(label: ":", text: line, editable: true) }
        switch state.navigation.input {
        case .filter: return Prompt(label: "Filter: ", text: state.inbox.filter, editable: true)
        case .transcriptSearch: return Prompt(label: "Search transcript: ", text: state.transcript.query, editable: true)
        case .recipient: return Prompt(label: "Write to (+E.164): ", text: state.navigation.inputText, editable: true)
        case .confirmQuit: return Prompt(label: "A send is in flight. Quit anyway? [y/N]", text: "", editable: false)
        case .confirmResend: return Prompt(label: resendQuestion, text: "", editable: false)
        case nil: return nil
        }
    }
}

/// The tab line of the narrow layout: the panes, the focused one marked.
enum TabLine {
    static func draw(_ state: AppState, in rect: Rect, on canvas: inout Canvas, context: PaneContext) {
        let theme = context.theme
        canvas.fill(rect, style: theme.base)
        var x = rect.x
        for pane in Pane.allCases where pane != .transcript || state.transcript.callID != nil {
            let focused = pane == state.navigation.focus
            let label = " " + name(pane) + " "
            x += canvas.write(label, x: x, y: rect.y, style: focused ? theme.selection : theme.dim, clippedTo: rect)
            x += 1
        }
    }

    static func name(_ pane: Pane) -> String {
        switch pane {
        case .numbers: return "Numbers"
        case .inbox: return "Inbox"
        case .timeline: return "Timeline"
        case .transcript: return "Transcript"
        case .compose: return "Compose"
        }
    }
}

/// The `?` overlay: the key map, from `KeyMap.help` (the table the README shows).
enum HelpOverlay {
    static func draw(in area: Rect, on canvas: inout Canvas, theme: Theme, offset requested: Int = 0) {
        let table = KeyMap.help
        let keysWidth = table.map { Truncate.cells($0.keys) }.max() ?? 0
        let lines = table.map { Truncate.padded($0.keys, width: keysWidth) + "  " + $0.meaning }
        let lineWidth = lines.map { Truncate.cells($0) }.max() ?? 0
        // Two columns when one is too tall for the screen and two fit side by side.
        let columns = lines.count + 2 > area.height - 2 && 2 * lineWidth + 3 + 4 <= area.width - 2 ? 2 : 1
        let perColumn = (lines.count + columns - 1) / columns
        let width = columns * lineWidth + (columns - 1) * 3 + 4
        // Taller than the terminal: one column scrolled by j/k, the offset clamped so the last row can reach the bottom.
        let scrolls = columns == 1 && perColumn + 2 > area.height
        let overlay = Overlay(title: "Keys", rightTitle: scrolls ? "j/k scroll" : "? or Esc closes",
                              size: Size(width: width, height: perColumn + 2), theme: theme)
        let inside = overlay.draw(on: &canvas, in: area)
        guard !inside.isEmpty else { return }
        let offset = scrolls ? min(max(0, requested), max(0, perColumn - inside.height)) : 0
        for (index, entry) in table.enumerated() {
            let column = index / perColumn, row = index % perColumn - offset
            guard row >= 0 else { continue }
            let x = inside.x + column * (lineWidth + 3)
            let y = inside.y + row
            guard y < inside.maxY else { continue }
            let cell = Rect(x: x, y: y, width: min(lineWidth, inside.maxX - x), height: 1).intersection(inside)
            canvas.write(entry.keys, x: x, y: y, style: theme.title, clippedTo: cell)
            canvas.write(entry.meaning, x: x + keysWidth + 2, y: y, style: theme.base, clippedTo: cell)
        }
    }
}
