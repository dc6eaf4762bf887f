import AlloKit
import AlloStore
@testable import AlloTUI
import Foundation
import Testing

/// Whole screens at the three reference sizes, in the mono theme, compared to reviewed text files.
@Suite struct ScreenSnapshotTests {
    @Test(arguments: [(120, 40), (80, 24), (40, 12)])
    func inboxWithAConversationOpen(width: Int, height: Int) {
        Snapshot.assert(Fixture.render(Fixture.state(focus: .inbox), width, height), named: "inbox-\(width)x\(height)")
    }

    @Test(arguments: [(120, 40), (80, 24), (40, 12)])
    func timelineFocusedWithItsNewestItemSelected(width: Int, height: Int) {
        Snapshot.assert(Fixture.render(Fixture.state(focus: .timeline), width, height),
                        named: "timeline-\(width)x\(height)")
    }

    @Test(arguments: [(120, 40), (80, 24), (40, 12)])
    func transcriptOfTheSelectedCall(width: Int, height: Int) {
        var state = Fixture.withTranscript(Fixture.state())
        state.transcript.query = "drip"
        state.transcript.matches = [2, 3]
        state.transcript.currentMatch = 0
        state.transcript.cursor.select(2, count: 5)
        Snapshot.assert(Fixture.render(state, width, height), named: "transcript-\(width)x\(height)")
    }

    @Test(arguments: [(120, 40), (80, 24), (40, 12)])
    func numbersPane(width: Int, height: Int) {
        Snapshot.assert(Fixture.render(Fixture.state(focus: .numbers), width, height, chrome: Fixture.demo),
                        named: "numbers-\(width)x\(height)")
    }

    @Test(arguments: [(120, 40), (80, 24), (40, 12)])
    func firstFrameWhileEverythingLoads(width: Int, height: Int) {
        var state = AppState()
        state.status.now = Fixture.now
        state.numbers.list = .loading(previous: nil)
        Snapshot.assert(Fixture.render(state, width, height, chrome: Fixture.demo), named: "loading-\(width)x\(height)")
    }

    @Test func emptyInboxAndEmptyConversation() {
        var state = Fixture.state()
        state.inbox.entries = []
        state.inbox.ids = []
        state.timeline.items = []
        state.timeline.ids = []
        Snapshot.assert(Fixture.render(state, 120, 40), named: "empty-120x40")
    }

    @Test(arguments: [(120, 40), (80, 24)])
    func missingScopeIsANoticeNamingIt(width: Int, height: Int) {
        var state = Fixture.state()
        state.inbox.entries = []
        state.inbox.ids = []
        state.inbox.status = .failed(ErrorInfo(kind: .http(status: 403), code: "API_KEY_INSUFFICIENT_SCOPE",
                                               message: "Insufficient scope", requiredScopes: ["CONVERSATIONS_READ"]),
                                     page: 1)
        state.timeline = TimelineState()
        state.session.notices = ["Search needs CONVERSATIONS_READ"]
        state.status.toasts = [Toast(id: 1, level: .error, text: "Insufficient scope", code: "API_KEY_INSUFFICIENT_SCOPE",
                                     hint: "this key needs CONVERSATIONS_READ; add it in Settings > API")]
        Snapshot.assert(Fixture.render(state, width, height), named: "scope-error-\(width)x\(height)")
    }

    @Test func timelineFailedToLoad() {
        var state = Fixture.state(focus: .timeline)
        state.timeline.items = []
        state.timeline.ids = []
        state.timeline.status = .failed(ErrorInfo(kind: .network, message: "connection refused",
                                                  hint: "offline? allo retries on its own"), page: 1)
        state.status.offlineSince = Fixture.now.addingTimeInterval(-180)
        Snapshot.assert(Fixture.render(state, 80, 24), named: "timeline-error-80x24")
    }

    @Test(arguments: [(120, 40), (80, 24), (40, 12)])
    func helpOverlay(width: Int, height: Int) {
        var state = Fixture.state()
        state.navigation.helpVisible = true
        Snapshot.assert(Fixture.render(state, width, height), named: "help-\(width)x\(height)")
    }

    @Test func helpOverlayScrolledToItsEndOnASmallTerminal() {
        var state = Fixture.state()
        state.navigation.helpVisible = true
        state.navigation.helpOffset = 99  // past the end: the view shows the last rows at the bottom
        Snapshot.assert(Fixture.render(state, 40, 12), named: "help-scrolled-40x12")
    }

    @Test(arguments: [(39, 12), (80, 9), (20, 5)])
    func belowTheMinimumSizeANoticeOnly(width: Int, height: Int) {
        Snapshot.assert(Fixture.render(Fixture.state(), width, height), named: "too-small-\(width)x\(height)")
    }

    @Test func tinyAndEmptySizesNeverCrash() {
        for width in 0...130 {
            for height in [0, 1, 2, 9, 10, 11, 23, 24, 39, 40] {
                let canvas = Fixture.render(Fixture.withTranscript(Fixture.state(focus: .compose)), width, height)
                #expect(canvas.size == Size(width: width, height: height))
            }
        }
    }
}
