public import AlloStore

/// Turns a key into the actions it means where the focus is. Pure: a table from (context, key) to actions.
///
/// Keys the store cannot act on are left to the run loop's `intercept`: `Ctrl-Z` (suspend), `Ctrl-E` in compose
/// (`$VISUAL`/`$EDITOR`) and `y` (copy `KeyMap.copyText(in:)` with OSC 52). They map to no action here.
public enum KeyMap {
    /// Who gets a key: an overlay or prompt first, then the compose box, then the focused pane.
    public enum Context: Equatable, Sendable {
        case help
        case prompt(InputMode)
        case commandLine
        /// "Send N segment(s) …? [y/N]" is showing.
        case confirmSend
        case compose
        case pane(Pane)
    }

    public static func context(of state: AppState) -> Context {
        if state.navigation.helpVisible { return .help }
        if let mode = state.navigation.input { return .prompt(mode) }
        if state.navigation.commandLine != nil { return .commandLine }
        if state.compose.confirming { return .confirmSend }
        if state.navigation.focus == .compose { return .compose }
        return .pane(state.navigation.focus)
    }

    /// The default key map, one row per binding: what the `?` overlay and the README show.
    public static let help: [(keys: String, meaning: String)] = [
        ("Tab Shift-Tab", "next / previous pane"),
        ("h l  ← →", "pane left / right"),
        ("j k  ↓ ↑", "move down / up"),
        ("g G", "first / last"),
        ("Ctrl-d Ctrl-u", "half page down / up (PgDn PgUp: a page)"),
        ("Enter", "open: number, conversation, call transcript"),
        ("Esc", "back / close"),
        ("c  C", "write here / to a new number"),
        ("/  n N", "filter inbox, search transcript; next / prev match"),
        ("r  y", "refresh now; copy the selection (OSC 52)"),
        ("u  a", "mark unread; archive"),
        ("Enter  e  R", "on a send: retry or check; edit; resend (asks twice)"),
        (":", "command: quit, theme NAME, search TEXT, refresh"),
        ("?  Ctrl-Z", "this help; suspend"),
        ("q  Ctrl-C", "quit (asks while a send is in flight)"),
        ("In compose", ""),
        ("Enter", "send (asks first: y sends)"),
        ("Alt-Enter Ctrl-J", "new line"),
        ("Alt-b Alt-f Ctrl-W", "word left / right / delete word"),
        ("Ctrl-E  Esc", "edit in $EDITOR; leave, keeping the draft"),
    ]

    public static func actions(for key: KeyEvent, in state: AppState) -> [Action] {
        if key == .control("c") { return interrupt(state) }
        switch context(of: state) {
        case .help:
            switch key {
            case .character("?"), .character("q"), .escape, .enter: return [.helpToggled]
            // The overlay scrolls when the terminal is shorter than the table; the view clamps the bottom.
            case .character("j"), .down: return [.helpScrolled(to: min(state.navigation.helpOffset + 1, help.count - 1))]
            case .character("k"), .up: return [.helpScrolled(to: max(state.navigation.helpOffset - 1, 0))]
            default: return []
            }
        case .prompt(let mode):
            return prompt(mode, key, state)
        case .commandLine:
            return commandLine(key, line: state.navigation.commandLine ?? "")
        case .confirmSend:
            return key == .character("y") || key == .character("Y") ? [.sendConfirmed] : [.sendCancelled]
        case .compose:
            return compose(key, state)
        case .pane(let pane):
            return self.pane(pane, key, state)
        }
    }

    /// Ctrl-C: quits, asking first while a send is in flight (a second Ctrl-C quits anyway).
    private static func interrupt(_ state: AppState) -> [Action] {
        let sending = state.compose.outbox.contains { $0.state == .sending }
        if sending, state.navigation.input != .confirmQuit { return [.inputOpened(.confirmQuit)] }
        return [.quitRequested]
    }

    private static func prompt(_ mode: InputMode, _ key: KeyEvent, _ state: AppState) -> [Action] {
        switch mode {
        case .confirmQuit, .confirmResend:
            return key == .character("y") || key == .character("Y") ? [.inputSubmitted] : [.inputCancelled]
        case .filter, .transcriptSearch, .recipient:
            break
        }
        let text: String
        switch mode {
        case .filter: text = state.inbox.filter
        case .transcriptSearch: text = state.transcript.query
        case .recipient, .confirmQuit, .confirmResend: text = state.navigation.inputText
        }
        switch key {
        case .character(let character): return [.inputChanged(text + String(character))]
        case .paste(let pasted): return [.inputChanged(text + Format.oneLine(pasted))]
        case .backspace: return text.isEmpty ? [] : [.inputChanged(String(text.dropLast()))]
        case .control("u"): return [.inputChanged("")]
        case .enter: return [.inputSubmitted]
        case .escape: return [.inputCancelled]
        default: return []
        }
    }

    private static func commandLine(_ key: KeyEvent, line: String) -> [Action] {
        switch key {
        case .character(let character): return [.commandLineChanged(line + String(character))]
        case .paste(let pasted): return [.commandLineChanged(line + Format.oneLine(pasted))]
        case .backspace: return line.isEmpty ? [.commandLineCancelled] : [.commandLineChanged(String(line.dropLast()))]
        case .control("u"): return [.commandLineChanged("")]
        case .enter: return [.commandLineSubmitted]
        case .escape: return [.commandLineCancelled]
        default: return []
        }
    }

    private static func compose(_ key: KeyEvent, _ state: AppState) -> [Action] {
        switch key {
        case .character(let character): return [.composeEdited(.insert(String(character)))]
        case .paste(let text): return [.composeEdited(.insert(text))]
        case .enter: return [.sendTapped]
        case .altEnter, .control("j"): return [.composeEdited(.insert("\n"))]
        case .backspace: return [.composeEdited(.deleteBackward)]
        case .delete: return [.composeEdited(.deleteForward)]
        case .control("w"): return [.composeEdited(.deleteWordBackward)]
        case .left: return [.composeEdited(.left)]
        case .right: return [.composeEdited(.right)]
        case .up: return [.composeEdited(.up)]
        case .down: return [.composeEdited(.down)]
        case .home, .control("a"): return [.composeEdited(.home)]
        case .end: return [.composeEdited(.end)]
        case .alt("b"): return [.composeEdited(.wordLeft)]
        case .alt("f"): return [.composeEdited(.wordRight)]
        case .escape: return [.focusMoved(.to(state.timeline.key != nil ? .timeline : .inbox))]
        case .tab: return [.focusMoved(.next)]
        case .backTab: return [.focusMoved(.previous)]
        default: return []
        }
    }

    private static func pane(_ pane: Pane, _ key: KeyEvent, _ state: AppState) -> [Action] {
        let viewport = max(1, self.viewport(of: pane, state))
        switch key {
        case .tab: return [.focusMoved(.next)]
        case .backTab: return [.focusMoved(.previous)]
        case .character("h"), .left: return [.focusMoved(.left)]
        case .character("l"), .right: return [.focusMoved(.right)]
        case .character("j"), .down: return [.selectionMoved(by: 1)]
        case .character("k"), .up: return [.selectionMoved(by: -1)]
        case .character("g"), .home: return [.selectionJumped(toFirst: true)]
        case .character("G"), .end: return [.selectionJumped(toFirst: false)]
        case .control("d"): return [.selectionMoved(by: max(1, viewport / 2))]
        case .control("u"): return [.selectionMoved(by: -max(1, viewport / 2))]
        case .pageDown: return [.selectionMoved(by: viewport)]
        case .pageUp: return [.selectionMoved(by: -viewport)]
        case .enter:
            if pane == .timeline, let send = selectedSend(state) {
                return [send.unknown ? .checkAgainTapped(outboxID: send.id) : .retryTapped(outboxID: send.id)]
            }
            return [.selectionActivated]
        case .escape: return back(pane, state)
        case .character("c"): return [.focusMoved(.to(.compose))]
        case .character("C"): return [.inputOpened(.recipient)]
        case .character("/"):
            return pane == .transcript ? [.inputOpened(.transcriptSearch)] : [.inputOpened(.filter)]
        case .character("n"), .character("N"):
            guard state.transcript.callID != nil, !state.transcript.matches.isEmpty else { return [] }
            return [.transcriptMatchMoved(by: key == .character("n") ? 1 : -1)]
        case .character("e"):
            guard pane == .timeline, let send = selectedSend(state) else { return [] }
            return [.editTapped(outboxID: send.id)]
        case .character("R"):
            guard pane == .timeline, let send = selectedSend(state) else { return [] }
            return [send.unknown ? .resendTapped(outboxID: send.id) : .retryTapped(outboxID: send.id)]
        case .character("r"): return [.refreshTapped]
        case .character("u"): return pane == .inbox ? [.markUnreadTapped] : []
        case .character("a"): return pane == .inbox ? [.archiveTapped] : []
        case .character("?"): return [.helpToggled]
        case .character(":"): return [.commandLineOpened]
        case .character("q"): return [.quitRequested]
        default: return []
        }
    }

    /// Esc: closes the transcript, leaves the timeline for the inbox, closes a search, clears a filter, then dismisses
    /// the toast.
    private static func back(_ pane: Pane, _ state: AppState) -> [Action] {
        switch pane {
        case .transcript: return [.transcriptClosed]
        case .timeline:
            if state.transcript.callID != nil { return [.transcriptClosed, .focusMoved(.to(.timeline))] }
            return [.focusMoved(.to(.inbox))]
        case .inbox, .numbers:
            if state.inbox.search != nil { return [.searchClosed] }
            if !state.inbox.filter.isEmpty { return [.filterChanged("")] }
            if pane == .inbox, state.navigation.focus == .inbox, !state.status.toasts.isEmpty { return [.toastDismissed] }
            return pane == .numbers ? [.focusMoved(.to(.inbox))] : (state.status.toasts.isEmpty ? [] : [.toastDismissed])
        case .compose: return []
        }
    }

    private static func viewport(of pane: Pane, _ state: AppState) -> Int {
        switch pane {
        case .numbers: return state.numbers.cursor.viewport
        case .inbox: return state.inbox.search?.cursor.viewport ?? state.inbox.cursor.viewport
        case .timeline: return state.timeline.cursor.viewport
        case .transcript: return state.transcript.cursor.viewport
        case .compose: return 1
        }
    }

    /// The selected timeline item when it is a send not sent or unknown: its outbox id, and whether it is unknown.
    private static func selectedSend(_ state: AppState) -> (id: Int, unknown: Bool)? {
        guard let item = state.timeline.selectedItem, case .sms(let sms) = item.content else { return nil }
        switch sms.delivery {
        case .failed(let id, _): return (id, false)
        case .unknown(let id, _): return (id, true)
        case .pending, .api: return nil
        }
    }

    /// What `y` copies: the selected SMS's text, call summary or transcript line, the selected conversation's number,
    /// or the selected Allo number. The run loop's intercept sends it with OSC 52.
    public static func copyText(in state: AppState) -> String? {
        switch state.navigation.focus {
        case .numbers:
            let list = state.numbers.list.value ?? []
            return list.indices.contains(state.numbers.cursor.selected) ? list[state.numbers.cursor.selected].number : nil
        case .inbox:
            if let search = state.inbox.search {
                guard search.results.indices.contains(search.cursor.selected) else { return nil }
                return text(of: search.results[search.cursor.selected])
            }
            return state.inbox.selectedEntry?.key.contactNumber
        case .timeline:
            return state.timeline.selectedItem.map(text(of:))
        case .transcript:
            guard let rows = state.transcript.transcript.value?.rows,
                  rows.indices.contains(state.transcript.cursor.selected) else { return nil }
            return rows[state.transcript.cursor.selected].text
        case .compose:
            return state.compose.text.isEmpty ? nil : state.compose.text
        }
    }

    private static func text(of item: TimelineItem) -> String {
        switch item.content {
        case .sms(let sms): return sms.text
        case .call(let call): return call.summary ?? call.recordingURL ?? (call.result ?? "call")
        }
    }
}
