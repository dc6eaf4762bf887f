import AlloKit
import AlloStore
@testable import AlloTUI
import DequeModule
import Foundation
import SandboxTestSupport
import Testing

/// Pane contents that need their own look: hard text, sends in every state, the compose footer, search results.
@Suite struct PanesSnapshotTests {
    static func sms(_ id: String, _ text: String, daysAgo: Int = 0, _ hour: Int, _ minute: Int,
                    direction: TimelineItem.Direction = .inbound, delivery: Delivery = .api(nil)) -> TimelineItem {
        TimelineItem(id: id, date: Fixture.date(daysAgo: daysAgo, hour, minute), direction: direction,
                     content: .sms(SMSInfo(text: text, delivery: delivery)))
    }

    static func timeline(_ items: [TimelineItem], focus: Pane = .timeline) -> AppState {
        var state = Fixture.state(focus: focus)
        state.timeline.items = Deque(items)
        state.timeline.ids = Set(items.map(\.id))
        state.timeline.cursor.select(items.count - 1, count: items.count)
        return state
    }

    @Test(arguments: [(120, 40), (80, 24), (40, 12)])
    func wideGlyphsEmojiAndZWJSequences(width: Int, height: Int) {
        let state = Self.timeline([
            Self.sms("m1", "你好，我想预约明天上午的维修服务。请问九点可以吗？厨房的水管一直在漏水。", 9, 0),
            Self.sms("m2", "👍 OK! 👨‍👩‍👧‍👦 family of four, 🇫🇷 flag, 1️⃣ keycap, café (e + ◌́: cafe\u{301})", 9, 5,
                     direction: .outbound, delivery: .api("DELIVERED")),
            Self.sms("m3", "한국어 텍스트도 잘 보입니다 ｆｕｌｌｗｉｄｔｈ", 9, 10),
        ])
        Snapshot.assert(Fixture.render(state, width, height), named: "wide-glyphs-\(width)x\(height)")
    }

    /// Every kind of cluster (`GraphemeSamples`), as tmux and xterm lay them out (per code point), and in mode 2027.
    @Test(arguments: [(120, 40, GraphemeMode.codePoints), (80, 24, .codePoints), (40, 12, .codePoints),
                      (120, 40, .clusters), (80, 24, .clusters)])
    func everyKindOfGraphemeCluster(width: Int, height: Int, mode: GraphemeMode) {
        let state = Self.timeline(GraphemeSamples.texts.enumerated().map { index, text in
            Self.sms("g\(index)", text, 10, index, direction: index.isMultiple(of: 2) ? .inbound : .outbound)
        })
        let canvas = TextWidth.$mode.withValue(mode) { Fixture.render(state, width, height) }
        let suffix = mode == .clusters ? "-clusters" : ""
        Snapshot.assert(canvas, named: "graphemes-\(width)x\(height)\(suffix)")
        TextWidth.$mode.withValue(mode) { Self.expectGlyphsFitTheirCells(canvas, mode: mode) }
    }

    /// Every cell's glyph takes exactly the cells it was given, measured as the terminal will (per code point: glibc's
    /// `wcwidth`, ncurses' and tmux's measure): a 2-cell glyph is followed by its empty right half, and nothing else is.
    static func expectGlyphsFitTheirCells(_ canvas: Canvas, mode: GraphemeMode,
                                          sourceLocation: SourceLocation = #_sourceLocation) {
        for y in 0..<canvas.size.height {
            for x in 0..<canvas.size.width {
                let glyph = canvas[x, y].glyph
                guard !glyph.isEmpty else {
                    #expect(x > 0 && TextWidth.of(canvas[x - 1, y].glyph) == 2, "a right half alone at \(x),\(y)",
                            sourceLocation: sourceLocation)
                    continue
                }
                let width = mode == .codePoints ? GlibcWidth.total(glyph) : TextWidth.of(glyph)
                let given = x + 1 < canvas.size.width && canvas[x + 1, y].glyph.isEmpty ? 2 : 1
                #expect(width == given, "'\(glyph)' at \(x),\(y) takes \(String(describing: width)) cells, given \(given)",
                        sourceLocation: sourceLocation)
            }
        }
    }

    @Test(arguments: [(120, 40), (80, 24)])
    func controlCharactersInIncomingTextAreShownNeverSent(width: Int, height: Int) {
        var state = Self.timeline([
            Self.sms("m1", "Hi\u{1B}[2J\u{1B}]0;pwned\u{07} there\u{7F} bell\u{07} nul\u{00} c1\u{9B}31m end", 9, 0),
        ])
        state.inbox.entries[0].title = "Evil\u{1B}[31mRed"
        state.inbox.entries[0].snippet = "tab\there\u{1B}[0m"
        let canvas = Fixture.render(state, width, height)
        for cell in canvas.cells {
            #expect(!cell.glyph.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
        }
        Snapshot.assert(canvas, named: "control-characters-\(width)x\(height)")
    }

    @Test(arguments: [(120, 40), (80, 24), (40, 12)])
    func longSMSWrapsAndTheNewestStaysAtTheBottom(width: Int, height: Int) {
        let long = String(repeating: "The quick brown fox jumps over the lazy dog. ", count: 12)
            + "\nA second paragraph after a hard break.\n\nAnd a third after a blank line. Supercalifragilisticexpialidociousandevenlongerwordthatmustbesplit."
        let state = Self.timeline([Self.sms("m0", "Earlier message", daysAgo: 2, 8, 0), Self.sms("m1", long, 9, 0)])
        Snapshot.assert(Fixture.render(state, width, height), named: "long-sms-\(width)x\(height)")
    }

    @Test func sendsPendingNotSentUnknownAndNotFound() {
        let refused = ErrorInfo(kind: .http(status: 429), code: "RATE_LIMIT_EXCEEDED", message: "Too many requests")
        let checking = UnknownSend(cause: ErrorInfo(kind: .http(status: 502), message: "Bad gateway", mayHaveBeenDone: true))
        var notFound = checking
        notFound.phase = .notFound
        var state = Self.timeline([
            Self.sms("msg-1", "Delivered one", 9, 0, direction: .outbound, delivery: .api("DELIVERED")),
            Self.sms("local-1", "Still sending", 9, 1, direction: .outbound, delivery: .pending(outboxID: 1)),
            Self.sms("local-2", "This one was refused", 9, 2, direction: .outbound, delivery: .failed(outboxID: 2, refused)),
            Self.sms("local-3", "This one got a 502", 9, 3, direction: .outbound, delivery: .unknown(outboxID: 3, checking)),
            Self.sms("local-4", "This one is not on the server", 9, 4, direction: .outbound,
                     delivery: .unknown(outboxID: 4, notFound)),
        ])
        let texts = ["Still sending", "This one was refused", "This one got a 502", "This one is not on the server"]
        let states: [OutboxEntry.State] = [.sending, .failed(refused), .unknown(checking), .unknown(notFound)]
        state.compose.outbox = zip(texts, states).enumerated().map { index, pair in
            OutboxEntry(id: index + 1, key: Fixture.alice, sender: .number(Fixture.sales),
                        recipient: Fixture.alice.contactNumber, text: pair.0, state: pair.1)
        }
        Snapshot.assert(Fixture.render(state, 120, 40), named: "sends-120x40")
        Snapshot.assert(Fixture.render(state, 80, 24), named: "sends-80x24")
    }

    @Test func olderPageLoadingIndicatorAtTheTop() {
        var state = Fixture.state(focus: .timeline)
        state.timeline.status = .loading(page: 2)
        state.timeline.nextOlderPage = 2
        Snapshot.assert(Fixture.render(state, 80, 24), named: "timeline-older-loading-80x24")
    }

    static func composing(_ text: String, cursorFromEnd: Int = 0) -> AppState {
        var state = Fixture.state(focus: .compose)
        _ = reduce(into: &state, action: .composeTextChanged(text))
        state.compose.cursorFromEnd = cursorFromEnd
        return state
    }

    @Test(arguments: [(120, 40), (80, 24), (40, 12)])
    func composeFooterForGSM7(width: Int, height: Int) {
        let state = Self.composing("Hello Alice, we can come on Thursday at 9:00. Is that OK? {confirm with a reply}",
                                   cursorFromEnd: 10)
        #expect(state.compose.validation.segments.encoding == .gsm7)
        Snapshot.assert(Fixture.render(state, width, height), named: "compose-gsm7-\(width)x\(height)")
    }

    @Test(arguments: [(120, 40), (80, 24)])
    func composeFooterForUCS2OnTwoSegmentsWithTheConfirmation(width: Int, height: Int) {
        var state = Self.composing("Bonjour Alice, nous passerons jeudi à 9h00 — ça vous va ? Merci de confirmer par retour de message. Très cordialement, l'équipe 🔧")
        #expect(state.compose.validation.segments.encoding == .ucs2)
        _ = reduce(into: &state, action: .sendTapped)
        #expect(state.compose.confirming)
        Snapshot.assert(Fixture.render(state, width, height), named: "compose-ucs2-confirm-\(width)x\(height)")
    }

    @Test func composeShowsWhatBlocksSending() {
        var state = Self.composing("Hi")
        _ = reduce(into: &state, action: .composeRecipientChanged("0612"))
        Snapshot.assert(Fixture.render(state, 80, 24), named: "compose-problem-80x24")
    }

    @Test func composeMultilineKeepsTheCursorInView() {
        let state = Self.composing("line one\nline two\nline three\nline four", cursorFromEnd: 0)
        let frame = renderFrame(state, size: Size(width: 80, height: 24), theme: .mono, chrome: Fixture.chrome)
        #expect(frame.cursor != nil)
        Snapshot.assert(frame.canvas, named: "compose-multiline-80x24")
    }

    @Test func filterPromptAndFilteredInbox() {
        var state = Fixture.state()
        _ = reduce(into: &state, action: .inputOpened(.filter))
        _ = reduce(into: &state, action: .inputChanged("al"))
        let frame = renderFrame(state, size: Size(width: 80, height: 24), theme: .mono, chrome: Fixture.chrome)
        #expect(frame.cursor == Point(x: 10, y: 23))
        Snapshot.assert(frame.canvas, named: "filter-80x24")
    }

    @Test func serverSearchResultsInPlaceOfTheInbox() {
        var state = Fixture.state()
        var search = SearchState(query: "leak")
        search.results = [Fixture.timeline()[0], PanesSnapshotTests.sms("m9", "Thanks, the leak is fixed 👍", 18, 40)]
        search.results[1].contactNumber = "+33611112222"
        search.results[0].contactNumber = Fixture.alice.contactNumber
        search.nextPage = nil
        state.inbox.search = search
        Snapshot.assert(Fixture.render(state, 120, 40), named: "search-120x40")
    }

    @Test func contactsOnV1AndAnOfflineRateLimitedStatusBar() {
        var state = Fixture.state()
        state.inbox.source = .contacts
        state.session.hasV2 = false
        state.status.offlineSince = Fixture.now.addingTimeInterval(-300)
        state.status.rateLimit = RateLimitInfo(limit: 20, remaining: 0, observedAt: Fixture.now)
        state.compose.outbox = [OutboxEntry(id: 1, key: Fixture.alice, sender: .number(Fixture.sales),
                                            recipient: Fixture.alice.contactNumber, text: "x")]
        state.status.toasts = [Toast(id: 1, level: .info, text: "1 new message from Alice Martin")]
        Snapshot.assert(Fixture.render(state, 120, 40), named: "v1-offline-120x40")
    }

    @Test func confirmQuitPrompt() {
        var state = Fixture.state()
        state.navigation.input = .confirmQuit
        Snapshot.assert(Fixture.render(state, 80, 24), named: "confirm-quit-80x24")
    }

    @Test func commandLine() {
        var state = Fixture.state()
        state.navigation.commandLine = "theme light"
        let frame = renderFrame(state, size: Size(width: 80, height: 24), theme: .mono, chrome: Fixture.chrome)
        #expect(frame.cursor == Point(x: 12, y: 23))
        #expect(frame.canvas.rows()[23].hasPrefix(":theme light"))
    }
}

/// Rendering costs what is visible, never the length of the history.
@Suite struct RenderCostTests {
    @Test func hundredThousandTimelineItemsRenderInAFrame() {
        var state = Fixture.state(focus: .timeline)
        var items = Deque<TimelineItem>()
        let start = Fixture.now.addingTimeInterval(-100_000 * 600)
        for index in 0..<100_000 {
            items.append(PanesSnapshotTests.sms("m\(index)", "Message number \(index) with some words to wrap across the line",
                                                0, 0, direction: index % 2 == 0 ? .inbound : .outbound))
            items[index].date = start.addingTimeInterval(Double(index) * 600)
        }
        state.timeline.items = items
        state.timeline.cursor.select(items.count - 1, count: items.count)
        let clock = ContinuousClock()
        _ = Fixture.render(state, 200, 60)
        let elapsed = clock.measure {
            for _ in 0..<10 { _ = Fixture.render(state, 200, 60) }
        }
        // Generous for a loaded 2-core CI machine in debug; a walk over the deque would take far longer.
        #expect(elapsed < .seconds(2), "10 frames took \(elapsed)")
        // In the middle of the history too.
        state.timeline.cursor.select(50_000, count: items.count)
        let canvas = Fixture.render(state, 200, 60)
        #expect(canvas.rows().joined().contains("Message number 50000 "))
    }
}
