import AlloKit
@testable import AlloStore
import Foundation
import Testing

@Suite struct TranscriptReducerTests {
    static let rows = [
        TranscriptRow(speaker: .external, offsetSeconds: 0, text: "Bonjour, c'est pour l'été"),
        TranscriptRow(speaker: .user, offsetSeconds: 4, text: "Of course, what dates?"),
        TranscriptRow(speaker: .external, offsetSeconds: 9, text: "Mid July. ETE is busy, I know"),
        TranscriptRow(speaker: .agent, offsetSeconds: 15, text: "I can book a call back."),
        TranscriptRow(speaker: .user, offsetSeconds: 20, text: "Thanks, talk soon"),
    ]

    static func v2Call(_ id: String = "cll-1", transcript: [TranscriptRow]? = nil) -> TimelineItem {
        TimelineItem(id: id, date: Make.date(10), direction: .inbound,
                     content: .call(CallInfo(result: "ANSWERED", durationSeconds: 95, summary: "Wants a quote",
                                             recordingURL: "https://storage.withallo.com/r/1.mp3", transcript: transcript)))
    }

    static var loadedState: AppState {
        var state = TL.base()
        state.transcript.callID = "cll-1"
        state.transcript.transcript = .loaded(Transcript(rows: rows, summary: "Wants a quote"))
        state.transcript.cursor.viewport = 3
        return state
    }

    // MARK: Opening

    @Test func aCallCarryingItsTranscriptIsShownAtOnceWithNoRequest() {
        var store = TestStore(TL.base())
        store.call("open", { TranscriptReducer.open(Self.v2Call(transcript: Self.rows), in: &$0) }) {
            $0.transcript.callID = "cll-1"
            $0.transcript.transcript = .loaded(Transcript(rows: Self.rows, summary: "Wants a quote",
                                                          recordingURL: "https://storage.withallo.com/r/1.mp3"))
        }
    }

    @Test func aV2CallWithoutItsTranscriptIsLoaded() {
        var state = Self.loadedState
        state.transcript.query = "july"
        state.transcript.matches = [2]
        state.transcript.cursor.select(4, count: 5)
        var store = TestStore(state)
        store.call("open", effects: [.loadTranscript(callID: "cll-2")], { TranscriptReducer.open(Self.v2Call("cll-2"), in: &$0) }) {
            $0.transcript = TranscriptState()
            $0.transcript.cursor.viewport = 3
            $0.transcript.callID = "cll-2"
            $0.transcript.transcript = .loading(previous: nil)
        }
        let loaded = Transcript(rows: Self.rows, summary: "Wants a quote", recordingURL: "https://r/2.mp3")
        store.send(.transcriptLoaded(callID: "cll-2", loaded)) {
            $0.transcript.transcript = .loaded(loaded)
        }
    }

    @Test func aV1CallWithoutTranscriptShowsItsSummaryAndNothingIsAsked() {
        let call = TimelineItem(id: "call_abc123", date: Make.date(1), direction: .inbound,
                                content: .call(CallInfo(result: "VOICEMAIL", summary: "Left a message", recordingURL: "https://r/v1.mp3")))
        var store = TestStore(TL.base(source: .contacts))
        store.call("open", { TranscriptReducer.open(call, in: &$0) }) {
            $0.transcript.callID = "call_abc123"
            $0.transcript.transcript = .loaded(Transcript(rows: [], summary: "Left a message", recordingURL: "https://r/v1.mp3"))
        }
    }

    @Test func anSMSOpensNoTranscript() {
        var store = TestStore(Self.loadedState)
        store.call("open", { TranscriptReducer.open(Make.sms("msg-1", at: 1), in: &$0) })
    }

    @Test func reopeningTheCallShownAsksNothingButAfterAFailureAsksAgain() {
        var store = TestStore(Self.loadedState)
        store.call("open the same call", { TranscriptReducer.open(Self.v2Call(), in: &$0) })
        store.arrange { $0.transcript.transcript = .failed(TL.serverError, previous: nil) }
        store.call("open after a failure", effects: [.loadTranscript(callID: "cll-1")],
                   { TranscriptReducer.open(Self.v2Call(), in: &$0) }) {
            $0.transcript.transcript = .loading(previous: nil)
        }
    }

    // MARK: Answers

    @Test func aTranscriptForAnotherCallIsDropped() {
        var state = TL.base()
        state.transcript.callID = "cll-2"
        state.transcript.transcript = .loading(previous: nil)
        var store = TestStore(state)
        store.send(.transcriptLoaded(callID: "cll-1", Transcript(rows: Self.rows)))
        store.send(.transcriptFailed(callID: "cll-1", TL.serverError))
    }

    @Test func aFailureIsReportedAndKeepsWhatWasShown() {
        var state = Self.loadedState
        state.transcript.transcript = .loading(previous: Transcript(rows: Self.rows, summary: "Wants a quote"))
        var store = TestStore(state)
        store.send(.transcriptFailed(callID: "cll-1", TL.serverError)) {
            $0.transcript.transcript = .failed(TL.serverError, previous: Transcript(rows: Self.rows, summary: "Wants a quote"))
            StatusReducer.report(TL.serverError, in: &$0)
        }
        #expect(store.state.status.toasts.last?.text == TL.serverError.message)
    }

    @Test func closingReturnsFocusToTheTimeline() {
        var state = Self.loadedState
        state.navigation.focus = .transcript
        state.transcript.query = "july"
        state.transcript.matches = [2]
        var store = TestStore(state)
        store.send(.transcriptClosed) {
            $0.transcript = TranscriptState()
            $0.transcript.cursor.viewport = 3
            $0.navigation.focus = .timeline
        }
    }

    @Test func closingFromAnotherPaneLeavesTheFocus() {
        var state = Self.loadedState
        state.navigation.focus = .compose
        var store = TestStore(state)
        store.send(.transcriptClosed) {
            $0.transcript = TranscriptState()
            $0.transcript.cursor.viewport = 3
        }
    }

    // MARK: Search and moves

    @Test func searchIgnoresCaseAndAccentsAndSelectsTheFirstMatch() {
        var store = TestStore(Self.loadedState)
        store.send(.transcriptQueryChanged("ete")) {
            $0.transcript.query = "ete"
            $0.transcript.matches = [0, 2]
        }
        store.send(.transcriptQueryChanged("TALK")) {
            $0.transcript.query = "TALK"
            $0.transcript.matches = [4]
            $0.transcript.cursor = ListCursor(selected: 4, offset: 2, viewport: 3)
        }
        store.send(.transcriptQueryChanged("refund")) {
            $0.transcript.query = "refund"
            $0.transcript.matches = []
        }
        store.send(.transcriptQueryChanged("")) {
            $0.transcript.query = ""
        }
    }

    @Test func matchesCycleBothWays() {
        var store = TestStore(Self.loadedState)
        store.send(.transcriptQueryChanged("a")) {
            $0.transcript.query = "a"
            // Rows 0 and 2 hold no "a".
            $0.transcript.matches = [1, 3, 4]
            $0.transcript.cursor.selected = 1
        }
        store.send(.transcriptMatchMoved(by: 1)) {
            $0.transcript.currentMatch = 1
            $0.transcript.cursor = ListCursor(selected: 3, offset: 1, viewport: 3)
        }
        store.send(.transcriptMatchMoved(by: 2)) {
            $0.transcript.currentMatch = 0
            $0.transcript.cursor = ListCursor(selected: 1, offset: 1, viewport: 3)
        }
        store.send(.transcriptMatchMoved(by: -1)) {
            $0.transcript.currentMatch = 2
            $0.transcript.cursor = ListCursor(selected: 4, offset: 2, viewport: 3)
        }
    }

    @Test func movingWithNoMatchesDoesNothing() {
        var store = TestStore(Self.loadedState)
        store.send(.transcriptMatchMoved(by: 1))
    }

    @Test func aQueryTypedWhileLoadingFindsItsMatchesWhenTheTranscriptArrives() {
        var state = TL.base()
        state.transcript.callID = "cll-1"
        state.transcript.transcript = .loading(previous: nil)
        var store = TestStore(state)
        store.send(.transcriptQueryChanged("July")) {
            $0.transcript.query = "July"
        }
        store.send(.transcriptLoaded(callID: "cll-1", Transcript(rows: Self.rows))) {
            $0.transcript.transcript = .loaded(Transcript(rows: Self.rows))
            $0.transcript.matches = [2]
            $0.transcript.cursor.selected = 2
        }
    }

    @Test func movesStayWithinTheRows() {
        var store = TestStore(Self.loadedState)
        store.call("down 3", { TranscriptReducer.move(by: 3, in: &$0); return [] }) {
            $0.transcript.cursor = ListCursor(selected: 3, offset: 1, viewport: 3)
        }
        store.call("down 10", { TranscriptReducer.move(by: 10, in: &$0); return [] }) {
            $0.transcript.cursor = ListCursor(selected: 4, offset: 2, viewport: 3)
        }
        store.call("up 10", { TranscriptReducer.move(by: -10, in: &$0); return [] }) {
            $0.transcript.cursor = ListCursor(selected: 0, offset: 0, viewport: 3)
        }
    }
}
