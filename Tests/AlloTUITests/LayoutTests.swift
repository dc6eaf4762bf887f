import AlloStore
@testable import AlloTUI
import Testing

@Suite struct LayoutTests {
    @Test(arguments: [
        (Size(width: 120, height: 40), Layout.Mode.wide), (Size(width: 200, height: 60), .wide),
        (Size(width: 119, height: 40), .medium), (Size(width: 120, height: 39), .medium),
        (Size(width: 80, height: 24), .medium), (Size(width: 79, height: 24), .narrow),
        (Size(width: 80, height: 23), .narrow), (Size(width: 40, height: 10), .narrow),
        (Size(width: 39, height: 10), .tooSmall), (Size(width: 40, height: 9), .tooSmall),
        (Size(width: 0, height: 0), .tooSmall),
    ])
    func modeBySize(size: Size, mode: Layout.Mode) {
        #expect(Layout.mode(for: size) == mode)
    }

    @Test func wideHasThreeColumnsAndTwoBottomLines() {
        let layout = Layout(size: Size(width: 120, height: 40), focus: .inbox, transcriptOpen: false)
        let numbers = try! #require(layout.numbers), inbox = try! #require(layout.inbox)
        let timeline = try! #require(layout.timeline), compose = try! #require(layout.compose)
        let details = try! #require(layout.details)
        #expect(numbers.maxY == inbox.y && numbers.x == 0 && inbox.maxY == 38)
        #expect(timeline.x == inbox.maxX && compose.y == timeline.maxY && compose.maxY == 38)
        #expect(details.x == timeline.maxX && details.maxX == 120)
        #expect(layout.statusBar == Rect(x: 0, y: 38, width: 120, height: 1))
        #expect(layout.messageLine == Rect(x: 0, y: 39, width: 120, height: 1))
        #expect(layout.transcript == nil)
        let open = Layout(size: Size(width: 120, height: 40), focus: .inbox, transcriptOpen: true)
        #expect(open.transcript == details && open.details == nil)
    }

    @Test func mediumTranscriptReplacesTheTimeline() {
        let closed = Layout(size: Size(width: 80, height: 24), focus: .inbox, transcriptOpen: false)
        let open = Layout(size: Size(width: 80, height: 24), focus: .inbox, transcriptOpen: true)
        #expect(closed.numberSelector == Rect(x: 0, y: 0, width: 80, height: 1))
        #expect(closed.timeline != nil && closed.transcript == nil)
        #expect(open.transcript == closed.timeline && open.timeline == nil)
    }

    @Test(arguments: Pane.allCases)
    func narrowShowsTheFocusedPaneAlone(focus: Pane) {
        let layout = Layout(size: Size(width: 50, height: 15), focus: focus, transcriptOpen: true)
        let shown = Pane.allCases.filter { layout.rect(of: $0) != nil }
        #expect(shown == [focus])
        #expect(layout.rect(of: focus) == Rect(x: 0, y: 1, width: 50, height: 12))
    }

    @Test func viewportActionsFollowTheScreen() {
        var state = AppState()
        let actions = viewportActions(for: state, size: Size(width: 80, height: 24))
        #expect(actions.contains(.viewportResized(.inbox, rows: 9)))
        for action in actions { _ = reduce(into: &state, action: action) }
        #expect(viewportActions(for: state, size: Size(width: 80, height: 24)).isEmpty)
    }
}
