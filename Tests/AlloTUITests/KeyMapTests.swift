import AlloKit
import AlloStore
@testable import AlloTUI
import Testing

/// The default key map as a table: (where the keyboard is, key) → actions.
@Suite struct KeyMapTests {
    enum Where: String, CustomTestStringConvertible, Sendable {
        case numbers, inbox, timeline, transcript, compose, help, filter, transcriptSearch, recipient, confirmQuit,
             commandLine, confirmSend, timelineOnFailedSend, timelineOnUnknownSend, confirmResend, sending

        var testDescription: String { rawValue }

        var state: AppState {
            var state = Fixture.withTranscript(Fixture.state())
            switch self {
            case .numbers: state.navigation.focus = .numbers
            case .inbox: state.navigation.focus = .inbox
            case .timeline: state.navigation.focus = .timeline
            case .transcript: state.navigation.focus = .transcript
            case .compose:
                state.navigation.focus = .compose
                state.compose.text = "Hi"
            case .help: state.navigation.helpVisible = true
            case .filter:
                state.navigation.input = .filter
                state.inbox.filter = "al"
            case .transcriptSearch:
                state.navigation.input = .transcriptSearch
                state.transcript.query = "dri"
            case .recipient:
                state.navigation.input = .recipient
                state.navigation.inputText = "+336"
            case .confirmQuit: state.navigation.input = .confirmQuit
            case .commandLine: state.navigation.commandLine = "quit"
            case .confirmSend:
                state.navigation.focus = .compose
                state.compose.confirming = true
            case .timelineOnFailedSend:
                state.navigation.focus = .timeline
                let error = ErrorInfo(kind: .http(status: 500), message: "boom")
                state.timeline.items.append(TimelineItem(id: "local-7", date: Fixture.now, direction: .outbound,
                                                         content: .sms(SMSInfo(text: "x", delivery: .failed(outboxID: 7, error)))))
                state.timeline.cursor.select(state.timeline.items.count - 1, count: state.timeline.items.count)
                state.compose.outbox = [OutboxEntry(id: 7, key: Fixture.alice, sender: .number(Fixture.sales),
                                                    recipient: Fixture.alice.contactNumber, text: "x", state: .failed(error))]
            case .timelineOnUnknownSend:
                state.navigation.focus = .timeline
                let unknown = UnknownSend(cause: ErrorInfo(kind: .http(status: 502), message: "boom", mayHaveBeenDone: true),
                                          phase: .notFound)
                state.timeline.items.append(TimelineItem(id: "local-8", date: Fixture.now, direction: .outbound,
                                                         content: .sms(SMSInfo(text: "y", delivery: .unknown(outboxID: 8, unknown)))))
                state.timeline.cursor.select(state.timeline.items.count - 1, count: state.timeline.items.count)
                state.compose.outbox = [OutboxEntry(id: 8, key: Fixture.alice, sender: .number(Fixture.sales),
                                                    recipient: Fixture.alice.contactNumber, text: "y", state: .unknown(unknown))]
            case .confirmResend:
                state.navigation.input = .confirmResend(outboxID: 8)
            case .sending:
                state.compose.outbox = [OutboxEntry(id: 1, key: Fixture.alice, sender: .number(Fixture.sales),
                                                    recipient: Fixture.alice.contactNumber, text: "x")]
            }
            return state
        }
    }

    static let table: [(Where, KeyEvent, [Action])] = [
        // Moving between panes.
        (.inbox, .tab, [.focusMoved(.next)]), (.inbox, .backTab, [.focusMoved(.previous)]),
        (.inbox, .character("h"), [.focusMoved(.left)]), (.inbox, .left, [.focusMoved(.left)]),
        (.inbox, .character("l"), [.focusMoved(.right)]), (.timeline, .right, [.focusMoved(.right)]),
        // Moving in a pane.
        (.inbox, .character("j"), [.selectionMoved(by: 1)]), (.inbox, .down, [.selectionMoved(by: 1)]),
        (.timeline, .character("k"), [.selectionMoved(by: -1)]), (.numbers, .up, [.selectionMoved(by: -1)]),
        (.inbox, .character("g"), [.selectionJumped(toFirst: true)]),
        (.timeline, .character("G"), [.selectionJumped(toFirst: false)]),
        (.timeline, .control("d"), [.selectionMoved(by: 10)]), (.timeline, .control("u"), [.selectionMoved(by: -10)]),
        (.timeline, .pageDown, [.selectionMoved(by: 20)]), (.timeline, .pageUp, [.selectionMoved(by: -20)]),
        (.inbox, .pageDown, [.selectionMoved(by: 10)]),
        // Opening and going back.
        (.numbers, .enter, [.selectionActivated]), (.inbox, .enter, [.selectionActivated]),
        (.timeline, .enter, [.selectionActivated]),
        (.transcript, .escape, [.transcriptClosed]),
        (.timeline, .escape, [.transcriptClosed, .focusMoved(.to(.timeline))]),
        (.numbers, .escape, [.focusMoved(.to(.inbox))]),
        // Writing.
        (.inbox, .character("c"), [.focusMoved(.to(.compose))]), (.transcript, .character("c"), [.focusMoved(.to(.compose))]),
        (.inbox, .character("C"), [.inputOpened(.recipient)]),
        // Filter and search.
        (.inbox, .character("/"), [.inputOpened(.filter)]), (.timeline, .character("/"), [.inputOpened(.filter)]),
        (.transcript, .character("/"), [.inputOpened(.transcriptSearch)]),
        (.transcript, .character("n"), []),
        // The rest.
        (.inbox, .character("r"), [.refreshTapped]), (.inbox, .character("?"), [.helpToggled]),
        (.inbox, .character(":"), [.commandLineOpened]), (.inbox, .character("u"), [.markUnreadTapped]),
        (.inbox, .character("a"), [.archiveTapped]), (.timeline, .character("a"), []),
        (.inbox, .character("q"), [.quitRequested]), (.inbox, .control("c"), [.quitRequested]),
        (.inbox, .character("y"), []), (.inbox, .character("x"), []),
        // Ctrl-C asks while a send is in flight; a second one quits.
        (.sending, .control("c"), [.inputOpened(.confirmQuit)]), (.sending, .character("q"), [.quitRequested]),
        (.confirmQuit, .character("y"), [.inputSubmitted]), (.confirmQuit, .character("n"), [.inputCancelled]),
        (.confirmQuit, .escape, [.inputCancelled]), (.confirmQuit, .control("c"), [.quitRequested]),
        // Failed sends.
        (.timelineOnFailedSend, .enter, [.retryTapped(outboxID: 7)]),
        (.timelineOnFailedSend, .character("e"), [.editTapped(outboxID: 7)]),
        (.timelineOnFailedSend, .character("R"), [.retryTapped(outboxID: 7)]),
        (.timeline, .character("e"), []), (.timeline, .character("R"), []),
        // Unknown sends: Enter only looks again; R asks before sending again.
        (.timelineOnUnknownSend, .enter, [.checkAgainTapped(outboxID: 8)]),
        (.timelineOnUnknownSend, .character("R"), [.resendTapped(outboxID: 8)]),
        (.timelineOnUnknownSend, .character("e"), [.editTapped(outboxID: 8)]),
        (.confirmResend, .character("y"), [.inputSubmitted]), (.confirmResend, .enter, [.inputCancelled]),
        (.confirmResend, .character("n"), [.inputCancelled]),
        // Help.
        (.help, .character("?"), [.helpToggled]), (.help, .escape, [.helpToggled]), (.help, .character("j"), [.helpScrolled(to: 1)]), (.help, .character("k"), [.helpScrolled(to: 0)]),
        (.help, .control("c"), [.quitRequested]),
        // Prompts edit their own text.
        (.filter, .character("i"), [.inputChanged("ali")]), (.filter, .backspace, [.inputChanged("a")]),
        (.filter, .enter, [.inputSubmitted]), (.filter, .escape, [.inputCancelled]),
        (.filter, .character("q"), [.inputChanged("alq")]),
        (.transcriptSearch, .character("p"), [.inputChanged("drip")]),
        (.recipient, .character("1"), [.inputChanged("+3361")]), (.recipient, .enter, [.inputSubmitted]),
        (.recipient, .paste("2 34\n"), [.inputChanged("+3362 34 ")]),
        // The command line.
        (.commandLine, .character("!"), [.commandLineChanged("quit!")]),
        (.commandLine, .backspace, [.commandLineChanged("qui")]), (.commandLine, .enter, [.commandLineSubmitted]),
        (.commandLine, .escape, [.commandLineCancelled]),
        // Compose: typing edits; Enter asks; y sends, anything else cancels.
        (.compose, .character("q"), [.composeEdited(.insert("q"))]), (.compose, .character("j"), [.composeEdited(.insert("j"))]),
        (.compose, .paste("a\nb"), [.composeEdited(.insert("a\nb"))]),
        (.compose, .enter, [.sendTapped]), (.compose, .altEnter, [.composeEdited(.insert("\n"))]),
        (.compose, .control("j"), [.composeEdited(.insert("\n"))]),
        (.compose, .backspace, [.composeEdited(.deleteBackward)]), (.compose, .delete, [.composeEdited(.deleteForward)]),
        (.compose, .control("w"), [.composeEdited(.deleteWordBackward)]),
        (.compose, .left, [.composeEdited(.left)]), (.compose, .right, [.composeEdited(.right)]),
        (.compose, .up, [.composeEdited(.up)]), (.compose, .down, [.composeEdited(.down)]),
        (.compose, .home, [.composeEdited(.home)]), (.compose, .end, [.composeEdited(.end)]),
        (.compose, .alt("b"), [.composeEdited(.wordLeft)]), (.compose, .alt("f"), [.composeEdited(.wordRight)]),
        (.compose, .escape, [.focusMoved(.to(.timeline))]), (.compose, .tab, [.focusMoved(.next)]),
        (.compose, .control("e"), []),
        (.confirmSend, .character("y"), [.sendConfirmed]), (.confirmSend, .character("n"), [.sendCancelled]),
        (.confirmSend, .enter, [.sendCancelled]), (.confirmSend, .escape, [.sendCancelled]),
    ]

    @Test(arguments: table)
    func keyMeansActions(place: Where, key: KeyEvent, expected: [Action]) {
        #expect(KeyMap.actions(for: key, in: place.state) == expected)
    }

    @Test func nextMatchOnlyWithMatches() {
        var state = Where.transcript.state
        state.transcript.query = "drip"
        state.transcript.matches = [2, 3]
        #expect(KeyMap.actions(for: .character("n"), in: state) == [.transcriptMatchMoved(by: 1)])
        #expect(KeyMap.actions(for: .character("N"), in: state) == [.transcriptMatchMoved(by: -1)])
    }

    @Test func helpTableListsEveryKeyOnce() {
        let keys = KeyMap.help.map(\.keys)
        #expect(keys.count == 20)
        for entry in ["Tab Shift-Tab", "Enter", "Esc", "q  Ctrl-C", ":", "Alt-Enter Ctrl-J"] {
            #expect(keys.contains(entry))
        }
    }

    @Test func copyTextIsTheSelection() {
        #expect(KeyMap.copyText(in: Where.timeline.state) == Fixture.timeline().last.map {
            if case .sms(let sms) = $0.content { return sms.text }
            return ""
        })
        #expect(KeyMap.copyText(in: Where.inbox.state) == Fixture.alice.contactNumber)
        #expect(KeyMap.copyText(in: Where.numbers.state) == Fixture.sales)
    }
}

/// The keys driven through the real reducer: what the user sees after typing.
@Suite struct KeyMapThroughTheStoreTests {
    static func press(_ keys: [KeyEvent], _ state: inout AppState) {
        for key in keys {
            for action in KeyMap.actions(for: key, in: state) { _ = reduce(into: &state, action: action) }
        }
    }

    @Test func typingEditsAtTheCursorAndEnterThenYSends() {
        var state = Fixture.state()
        Self.press([.character("c"), .character("H"), .character("i"), .character("!"), .left, .left,
                    .character("e"), .end, .altEnter, .character("x")], &state)
        #expect(state.navigation.focus == .compose)
        #expect(state.compose.text == "Hei!\nx")
        Self.press([.enter], &state)
        #expect(state.compose.confirming)
        Self.press([.character("y")], &state)
        #expect(state.compose.text.isEmpty)
        #expect(state.compose.outbox.count == 1 && state.compose.outbox[0].text == "Hei!\nx")
    }

    @Test func anyOtherKeyCancelsTheSendAndKeepsTheText() {
        var state = Fixture.state()
        Self.press([.character("c"), .character("o"), .character("k"), .enter, .character("n")], &state)
        #expect(!state.compose.confirming && state.compose.text == "ok" && state.compose.outbox.isEmpty)
        Self.press([.escape], &state)
        #expect(state.navigation.focus == .timeline && state.compose.text == "ok")
    }

    @Test func filterNarrowsLiveAndEscClearsIt() {
        var state = Fixture.state()
        Self.press([.character("/"), .character("b"), .character("o")], &state)
        #expect(state.inbox.filter == "bo" && state.inbox.visibleCount == 1)
        Self.press([.enter], &state)
        #expect(state.navigation.input == nil && state.inbox.filter == "bo")
        Self.press([.character("/"), .escape], &state)
        #expect(state.inbox.filter.isEmpty && state.inbox.visible == nil)
    }

    @Test func newRecipientPromptSetsTheRecipientAndFocusesCompose() {
        var state = Fixture.state()
        Self.press([.character("C")] + "+33611112222".map { KeyEvent.character($0) } + [.enter], &state)
        #expect(state.compose.recipient == "+33611112222")
        #expect(state.navigation.focus == .compose && state.navigation.input == nil)
    }

    @Test func ctrlCWhileSendingAsksAndYQuits() {
        var state = Fixture.state()
        Self.press([.character("c"), .character("x"), .enter, .character("y")], &state)
        #expect(state.compose.outbox.first?.state == .sending)
        Self.press([.control("c")], &state)
        #expect(state.navigation.input == .confirmQuit && !state.navigation.quitting)
        Self.press([.character("n")], &state)
        #expect(state.navigation.input == nil && !state.navigation.quitting)
        Self.press([.control("c"), .character("y")], &state)
        #expect(state.navigation.quitting)
    }

    @Test func commandLineTypedAndSubmitted() {
        var state = Fixture.state()
        Self.press([.character(":"), .character("q"), .enter], &state)
        #expect(state.navigation.quitting)
    }
}

/// Compose editing steps, as a table over text and cursor (`|` marks the cursor).
@Suite struct TextEditTests {
    static func apply(_ edit: TextEdit, _ marked: String) -> String {
        let cursor = marked.distance(from: marked.startIndex, to: marked.firstIndex(of: "|")!)
        var state = AppState()
        state.compose.text = marked.replacingOccurrences(of: "|", with: "")
        state.compose.cursorFromEnd = state.compose.text.count - cursor
        _ = reduce(into: &state, action: .composeEdited(edit))
        var result = Array(state.compose.text)
        result.insert("|", at: state.compose.cursor)
        return String(result)
    }

    @Test(arguments: [
        (TextEdit.insert("x"), "ab|c", "abx|c"), (.insert("中文"), "|", "中文|"), (.insert("\u{301}"), "e|", "é|"),
        (.insert("a\r\nb"), "|", "a\nb|"),
        (.deleteBackward, "ab|c", "a|c"), (.deleteBackward, "|abc", "|abc"), (.deleteBackward, "👨‍👩‍👧|", "|"),
        (.deleteForward, "ab|c", "ab|"), (.deleteForward, "abc|", "abc|"),
        (.deleteWordBackward, "hello wor|ld", "hello |ld"), (.deleteWordBackward, "hello |", "|"),
        (.left, "|ab", "|ab"), (.left, "a|b", "|ab"), (.right, "ab|", "ab|"), (.right, "a|b", "ab|"),
        (.wordLeft, "one two| three", "one |two three"), (.wordRight, "one| two three", "one two| three"),
        (.home, "one\ntw|o", "one\n|two"), (.end, "o|ne\ntwo", "one|\ntwo"),
        (.up, "one\ntw|o", "on|e\ntwo"), (.up, "a\nlong|er", "a|\nlonger"), (.up, "ab|", "|ab"),
        (.down, "o|ne\ntwo", "one\nt|wo"), (.down, "one|\nt", "one\nt|"), (.down, "a|b", "ab|"),
    ])
    func editAtTheCursor(edit: TextEdit, before: String, after: String) {
        #expect(Self.apply(edit, before) == after)
    }

    @Test func textReplacedElsewhereLeavesTheCursorAtItsEnd() {
        var state = AppState()
        _ = reduce(into: &state, action: .composeEdited(.insert("draft")))
        _ = reduce(into: &state, action: .composeTextChanged("a longer text"))
        #expect(state.compose.cursor == "a longer text".count)
    }
}
