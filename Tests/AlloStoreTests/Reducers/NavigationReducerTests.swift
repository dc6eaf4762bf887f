import AlloKit
@testable import AlloStore
import Foundation
import Testing

@Suite struct NavigationReducerTests {
    @Test func tabSkipsTheTranscriptUntilACallIsOpen() {
        var store = TestStore()
        store.send(.focusMoved(.next)) { $0.navigation.focus = .timeline }
        store.send(.focusMoved(.next)) { $0.navigation.focus = .compose }
        store.send(.focusMoved(.next)) { $0.navigation.focus = .numbers }
        store.send(.focusMoved(.previous)) { $0.navigation.focus = .compose }
        store.send(.focusMoved(.to(.transcript)))
        store.arrange { $0.transcript.callID = "cll-1" }
        store.send(.focusMoved(.previous)) { $0.navigation.focus = .transcript }
        store.send(.focusMoved(.to(.numbers))) { $0.navigation.focus = .numbers }
    }

    @Test func leftAndRightStopAtTheEnds() {
        var store = TestStore()
        store.send(.focusMoved(.left)) { $0.navigation.focus = .numbers }
        store.send(.focusMoved(.left))
        store.send(.focusMoved(.to(.compose))) { $0.navigation.focus = .compose }
        store.send(.focusMoved(.right))
        store.send(.focusMoved(.left)) { $0.navigation.focus = .timeline }
    }

    @Test func numbersSelectionStaysInTheList() {
        var store = TestStore(Fx.ready())
        store.arrange { $0.navigation.focus = .numbers }
        store.send(.selectionMoved(by: 5)) { $0.numbers.cursor.selected = 1 }
        store.send(.selectionMoved(by: -9)) { $0.numbers.cursor.selected = 0 }
        store.send(.selectionJumped(toFirst: false)) { $0.numbers.cursor.selected = 1 }
        // The selected number again: nothing reloads.
        store.send(.selectionMoved(by: -1)) { $0.numbers.cursor.selected = 0 }
        store.send(.selectionActivated) { $0.navigation.focus = .inbox }
    }

    @Test func aSmallerViewportScrollsToKeepTheSelectionShown() {
        var store = TestStore(Fx.ready(count: 30, nextPage: nil))
        store.send(.selectionJumped(toFirst: false)) {
            $0.inbox.cursor.selected = 29
            $0.inbox.cursor.offset = 10
        }
        store.send(.viewportResized(.inbox, rows: 5)) {
            $0.inbox.cursor.viewport = 5
            $0.inbox.cursor.offset = 25
        }
        store.send(.viewportResized(.numbers, rows: 0)) { $0.numbers.cursor.viewport = 1 }
        store.send(.selectionJumped(toFirst: true)) {
            $0.inbox.cursor.selected = 0
            $0.inbox.cursor.offset = 0
        }
    }

    @Test func helpAndTheCommandLineOpenAndClose() {
        var store = TestStore()
        store.send(.helpToggled) { $0.navigation.helpVisible = true }
        store.send(.helpToggled) { $0.navigation.helpVisible = false }
        store.send(.commandLineChanged("ignored while closed"))
        store.send(.commandLineOpened) { $0.navigation.commandLine = "" }
        store.send(.commandLineChanged("hel")) { $0.navigation.commandLine = "hel" }
        store.send(.commandLineCancelled) { $0.navigation.commandLine = nil }
        store.send(.commandLineSubmitted)
    }

    private func command(_ text: String, in store: inout TestStore) {
        store.arrange { $0.navigation.commandLine = text }
    }

    @Test func commandsFilterSearchAndHelp() {
        var store = TestStore(Fx.ready(count: 12, nextPage: nil))
        command("filter Contact 1", in: &store)
        store.send(.commandLineSubmitted) {
            $0.navigation.commandLine = nil
            $0.inbox.filter = "Contact 1"
            $0.inbox.visible = [1, 10, 11]
        }
        command("search  billing refund ", in: &store)
        store.send(.commandLineSubmitted,
                   effects: [.searchItems(SearchRequest(alloNumber: Fx.n1, text: "billing refund", page: 1))]) {
            $0.navigation.commandLine = nil
            var search = SearchState(query: "billing refund")
            search.status = .loading(page: 1)
            $0.inbox.search = search
        }
        command("search", in: &store)
        store.send(.commandLineSubmitted) {
            $0.navigation.commandLine = nil
            $0.inbox.search = nil
        }
        command("HELP", in: &store)
        store.send(.commandLineSubmitted) {
            $0.navigation.commandLine = nil
            $0.navigation.helpVisible = true
        }
        command("frobnicate now", in: &store)
        store.send(.commandLineSubmitted) {
            $0.navigation.commandLine = nil
            $0.status.toasts = [Toast(id: 1, level: .error, text: "Unknown command: frobnicate (try :help)")]
            $0.status.nextToastID = 2
        }
    }

    @Test func commandNumberSelectsByPositionOrByNumber() {
        var store = TestStore(Fx.ready(count: 3))
        command("number 2", in: &store)
        var probe = store.state
        let leaving = Fx.applyLeave(to: &probe)
        store.send(.commandLineSubmitted,
                   effects: [.loadInboxPage(InboxRequest(alloNumber: Fx.n2, source: .conversations, page: 1))] + leaving) {
            $0.navigation.commandLine = nil
            $0.numbers.cursor.selected = 1
            $0.numbers.selected = Fx.n2
            $0.inbox.alloNumber = Fx.n2
            $0.inbox.entries = []
            $0.inbox.ids = []
            $0.inbox.nextPage = 1
            $0.inbox.status = .loading(page: 1)
            _ = Fx.applyLeave(to: &$0)
        }
        command("number +1 415 555 0100", in: &store)
        probe = store.state
        let back = Fx.applyLeave(to: &probe)
        store.send(.commandLineSubmitted,
                   effects: [.loadInboxPage(InboxRequest(alloNumber: Fx.n1, source: .conversations, page: 1))] + back) {
            $0.navigation.commandLine = nil
            $0.numbers.cursor.selected = 0
            $0.numbers.selected = Fx.n1
            $0.inbox.alloNumber = Fx.n1
            _ = Fx.applyLeave(to: &$0)
        }
        command("number 7", in: &store)
        store.send(.commandLineSubmitted) {
            $0.navigation.commandLine = nil
            $0.status.toasts = [Toast(id: 1, level: .error, text: "No Allo number 7")]
            $0.status.nextToastID = 2
        }
    }

    @Test func commandRefreshRefreshesNowOnceAndQuitSavesDrafts() {
        var store = TestStore(Fx.ready(count: 3))
        command("refresh", in: &store)
        store.send(.commandLineSubmitted,
                   effects: [.refresh(RefreshRequest(alloNumber: Fx.n1, source: .conversations))]) {
            $0.navigation.commandLine = nil
            $0.live.nextRefreshAt = Make.t0
            $0.live.inFlight = true
        }
        command("refresh", in: &store)
        store.send(.commandLineSubmitted) { $0.navigation.commandLine = nil }
        command("q", in: &store)
        store.send(.commandLineSubmitted, effects: [.saveDrafts(Revision(1, []))]) {
            $0.navigation.commandLine = nil
            $0.navigation.quitting = true
            $0.compose.draftsRevision = 1
        }
    }

    @Test func commandUnreadActsOnTheSelectedConversation() {
        var store = TestStore(Fx.ready(count: 3))
        let key = store.state.inbox.entries[0].key
        command("unread", in: &store)
        store.send(.commandLineSubmitted,
                   effects: [.conversationAction(ConversationActionRequest(action: .unread, key: key))]) {
            $0.navigation.commandLine = nil
            $0.inbox.entries[0].unread = true
        }
    }

    @Test func enterOnACallInTheTimelineOpensItsTranscript() {
        var store = TestStore(Fx.ready(count: 3))
        let call = Make.call("cll-1", at: 0)
        store.arrange {
            $0.navigation.focus = .timeline
            $0.timeline.items = [Make.sms("msg-1", at: -1), call]
            $0.timeline.ids = ["msg-1", "cll-1"]
            $0.timeline.cursor.selected = 1
        }
        var probe = store.state
        let opening = TranscriptReducer.open(call, in: &probe)
        store.send(.selectionActivated, effects: opening) {
            _ = TranscriptReducer.open(call, in: &$0)
            $0.navigation.focus = .transcript
        }
        // On an SMS: nothing.
        store.arrange { $0.navigation.focus = .timeline; $0.timeline.cursor.selected = 0 }
        store.send(.selectionActivated)
    }
}
