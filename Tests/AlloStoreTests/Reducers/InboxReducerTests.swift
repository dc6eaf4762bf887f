import AlloKit
@testable import AlloStore
import Foundation
import Testing

@Suite struct InboxReducerTests {
    private let page1 = InboxRequest(alloNumber: Fx.n1, source: .conversations, page: 1)
    private let page2 = InboxRequest(alloNumber: Fx.n1, source: .conversations, page: 2)

    /// Session and numbers loaded; the first page asked for, not answered.
    private func waitingForFirstPage() -> TestStore {
        var state = AppState()
        _ = reduce(into: &state, action: .started(Make.t0))
        _ = reduce(into: &state, action: .sessionLoaded(Identity(apiKeyID: "key-1", scopes: Fx.allScopes)))
        _ = reduce(into: &state, action: .numbersLoaded(.v2, Fx.numbers(Fx.n1, Fx.n2), senderIDs: []))
        return TestStore(state)
    }

    @Test func theFirstPageFillsTheInboxAndStartsTheRefreshSchedule() {
        var store = waitingForFirstPage()
        let page = Fx.entries(0..<50)
        store.send(.inboxPageLoaded(page1, page, nextPage: 2)) {
            $0.inbox.entries = page
            $0.inbox.ids = Set(page.map(\.id))
            $0.inbox.nextPage = 2
            $0.inbox.status = .idle
            $0.live.nextRefreshAt = Fx.seconds(15)
        }
    }

    @Test func aPageForAnotherPageThanTheOneAskedIsDropped() {
        var store = waitingForFirstPage()
        store.send(.inboxPageLoaded(page2, Fx.entries(0..<5), nextPage: 3))
        store.send(.inboxPageFailed(page2, Fx.http(500)))
        store.send(.inboxPageLoaded(InboxRequest(alloNumber: Fx.n1, source: .contacts, page: 1), Fx.entries(0..<5),
                                    nextPage: 3))
    }

    @Test func movingNearTheEndLoadsTheNextPageAndDuplicatesAreDropped() {
        var store = TestStore(Fx.ready(count: 10, nextPage: 2))
        store.send(.selectionMoved(by: 4)) { $0.inbox.cursor.selected = 4 }
        store.send(.selectionMoved(by: 1), effects: [.loadInboxPage(page2)]) {
            $0.inbox.cursor.selected = 5
            $0.inbox.status = .loading(page: 2)
        }
        // Still loading: no second request.
        store.send(.selectionMoved(by: 1)) { $0.inbox.cursor.selected = 6 }
        // The page repeats two rows (the list shifted on the server): they are not added twice.
        let page = Fx.entries(8..<15)
        store.send(.inboxPageLoaded(page2, page, nextPage: nil)) {
            $0.inbox.entries.append(contentsOf: Fx.entries(10..<15))
            $0.inbox.ids.formUnion(page.map(\.id))
            $0.inbox.nextPage = nil
            $0.inbox.status = .idle
        }
        // The end: no more requests.
        store.send(.selectionJumped(toFirst: false)) { $0.inbox.cursor.selected = 14 }
        store.send(.selectionMoved(by: 1))
    }

    @Test func aShortPageWithMoreBehindItFetchesOnWhileTheSelectionIsNearTheEnd() {
        var store = waitingForFirstPage()
        let page = Fx.entries(0..<3)
        store.send(.inboxPageLoaded(page1, page, nextPage: 2), effects: [.loadInboxPage(page2)]) {
            $0.inbox.entries = page
            $0.inbox.ids = Set(page.map(\.id))
            $0.inbox.nextPage = 2
            $0.inbox.status = .loading(page: 2)
            $0.live.nextRefreshAt = Fx.seconds(15)
        }
    }

    @Test func aFailedPageIsShownAndAMoveRetriesIt() {
        var store = TestStore(Fx.ready(count: 10, nextPage: 2))
        store.arrange { $0.inbox.cursor.select(7, count: 10) }
        store.send(.selectionMoved(by: 1), effects: [.loadInboxPage(page2)]) {
            $0.inbox.cursor.selected = 8
            $0.inbox.status = .loading(page: 2)
        }
        let failure = Fx.http(500)
        store.send(.inboxPageFailed(page2, failure)) {
            $0.inbox.status = .failed(failure, page: 2)
            $0.status.toasts = [Fx.toast(1, failure)]
            $0.status.nextToastID = 2
        }
        store.send(.selectionMoved(by: 1), effects: [.loadInboxPage(page2)]) {
            $0.inbox.cursor.selected = 9
            $0.inbox.status = .loading(page: 2)
        }
        // Offline this time: marked offline, and online again with the next answer.
        store.send(.inboxPageFailed(page2, Fx.network)) {
            $0.inbox.status = .failed(Fx.network, page: 2)
            $0.status.toasts.append(Fx.toast(2, Fx.network))
            $0.status.nextToastID = 3
            $0.status.offlineSince = Make.t0
        }
        store.send(.selectionMoved(by: 0), effects: [.loadInboxPage(page2)]) { $0.inbox.status = .loading(page: 2) }
        store.send(.inboxPageLoaded(page2, [], nextPage: nil)) {
            $0.inbox.nextPage = nil
            $0.inbox.status = .idle
            $0.status.offlineSince = nil
        }
    }

    // MARK: Filter

    @Test func theFilterMatchesTitleAndNumberIgnoringCaseAndAccents() {
        var store = TestStore(Fx.ready(count: 0, nextPage: nil))
        let rows = [Fx.entry(0, title: "José Álvarez"), Fx.entry(1, title: "Anna Smith"), Fx.entry(2, title: "Joseph Kim"),
                    Fx.entry(3, title: "Zoë")]
        store.arrange {
            _ = reduce(into: &$0, action: .inboxPageLoaded(InboxRequest(alloNumber: Fx.n1, source: .conversations, page: 1),
                                                          [], nextPage: nil))
            $0.inbox.entries = rows
            $0.inbox.ids = Set(rows.map(\.id))
            $0.inbox.cursor.select(3, count: 4)
        }
        store.send(.filterChanged("JOS")) {
            $0.inbox.filter = "JOS"
            $0.inbox.visible = [0, 2]
            $0.inbox.cursor.selected = 0
        }
        store.send(.filterChanged("JOSE")) {
            $0.inbox.filter = "JOSE"
            $0.inbox.visible = [0, 2]
        }
        store.send(.filterChanged("josé a")) {
            $0.inbox.filter = "josé a"
            $0.inbox.visible = [0]
        }
        store.send(.filterChanged("zoe")) {
            $0.inbox.filter = "zoe"
            $0.inbox.visible = [3]
        }
        store.send(.filterChanged("0001")) {
            $0.inbox.filter = "0001"
            $0.inbox.visible = [1]
        }
        store.send(.filterChanged("")) {
            $0.inbox.filter = ""
            $0.inbox.visible = nil
        }
        #expect(store.state.inbox.visibleCount == 4)
    }

    @Test func narrowingScansOnlyThePreviousMatches() {
        // A row that would match the longer text but was not among the previous matches stays out: proof that only
        // the previous matches were scanned (the state is inconsistent on purpose).
        var store = TestStore(Fx.ready(count: 4, nextPage: nil))
        store.arrange {
            $0.inbox.filter = "contact"
            $0.inbox.visible = [1, 2]
        }
        store.send(.filterChanged("contact 2")) {
            $0.inbox.filter = "contact 2"
            $0.inbox.visible = [2]
        }
        // Not an extension: a full scan.
        store.send(.filterChanged("contact 3")) {
            $0.inbox.filter = "contact 3"
            $0.inbox.visible = [3]
        }
    }

    @Test func aPageLoadedUnderAFilterAddsOnlyItsMatches() {
        var store = TestStore(Fx.ready(count: 10, nextPage: 2))
        store.send(.filterChanged("contact 1")) {
            $0.inbox.filter = "contact 1"
            $0.inbox.visible = [1]
        }
        store.send(.selectionMoved(by: 1), effects: [.loadInboxPage(page2)]) { $0.inbox.status = .loading(page: 2) }
        let page = Fx.entries(10..<13)
        store.send(.inboxPageLoaded(page2, page, nextPage: 3)) {
            $0.inbox.entries.append(contentsOf: page)
            $0.inbox.ids.formUnion(page.map(\.id))
            $0.inbox.visible = [1, 10, 11, 12]
            $0.inbox.nextPage = 3
            $0.inbox.status = .idle
        }
    }

    // MARK: Read state

    @Test func markUnreadIsOptimisticAndRevertedWhenRefused() {
        var store = TestStore(Fx.ready(count: 5))
        store.arrange {
            $0.inbox.cursor.select(2, count: 5)
            $0.numbers.unread[Fx.n1] = 4
        }
        let key = store.state.inbox.entries[2].key
        let request = ConversationActionRequest(action: .unread, key: key)
        store.send(.markUnreadTapped, effects: [.conversationAction(request)]) {
            $0.inbox.entries[2].unread = true
            $0.numbers.unread[Fx.n1] = 5
        }
        // Already unread: nothing to send.
        store.send(.markUnreadTapped)
        let refused = Fx.http(404, code: "CONVERSATION_NOT_FOUND")
        store.send(.conversationActionFailed(request, refused)) {
            $0.inbox.entries[2].unread = false
            $0.numbers.unread[Fx.n1] = 4
            $0.status.toasts = [Fx.toast(1, refused)]
            $0.status.nextToastID = 2
        }
    }

    @Test func archiveAndUnarchiveAreOptimisticAndARefusalElsewhereInTheListIsStillReverted() {
        var store = TestStore(Fx.ready(count: 5))
        store.arrange { $0.inbox.cursor.select(1, count: 5) }
        let key = store.state.inbox.entries[1].key
        store.send(.archiveTapped, effects: [.conversationAction(ConversationActionRequest(action: .archive, key: key))]) {
            $0.inbox.entries[1].archived = true
        }
        store.send(.archiveTapped)
        store.send(.conversationActionDone(ConversationActionRequest(action: .archive, key: key)))
        store.send(.unarchiveTapped,
                   effects: [.conversationAction(ConversationActionRequest(action: .unarchive, key: key))]) {
            $0.inbox.entries[1].archived = false
        }
        store.send(.selectionMoved(by: 2)) { $0.inbox.cursor.selected = 3 }
        store.send(.conversationActionFailed(ConversationActionRequest(action: .unarchive, key: key), Fx.network)) {
            $0.inbox.entries[1].archived = true
            $0.status.toasts = [Fx.toast(1, Fx.network)]
            $0.status.nextToastID = 2
            $0.status.offlineSince = Make.t0
        }
        store.send(.conversationActionDone(ConversationActionRequest(action: .archive, key: key))) {
            $0.status.offlineSince = nil
        }
    }

    @Test func readStateOnAV1InboxSaysItNeedsV2() {
        var store = TestStore(Fx.ready(scopes: nil, count: 3))
        store.send(.archiveTapped) {
            $0.status.toasts = [Toast(id: 1, level: .notice, text: "Read state and archive need the v2 inbox (CONVERSATIONS_READ)")]
            $0.status.nextToastID = 2
        }
    }

    // MARK: Opening

    @Test func openingAnUnreadConversationMarksItReadHereAndOnTheServer() {
        var store = TestStore(Fx.ready(count: 5))
        store.arrange {
            $0.inbox.entries[3].unread = true
            $0.inbox.cursor.select(3, count: 5)
            $0.numbers.unread[Fx.n1] = 1
        }
        let key = store.state.inbox.entries[3].key
        var probe = store.state
        let opening = Fx.applyOpen(key, to: &probe)
        store.send(.selectionActivated,
                   effects: opening + [.conversationAction(ConversationActionRequest(action: .read, key: key))]) {
            _ = Fx.applyOpen(key, to: &$0)
            $0.inbox.entries[3].unread = false
            $0.numbers.unread[Fx.n1] = 0
        }
        #expect(store.state.navigation.focus == .timeline)
    }

    @Test func openingAReadConversationSendsNoRead() {
        var store = TestStore(Fx.ready(count: 5))
        store.arrange { $0.inbox.cursor.select(1, count: 5) }
        let key = store.state.inbox.entries[1].key
        var probe = store.state
        let opening = Fx.applyOpen(key, to: &probe)
        store.send(.selectionActivated, effects: opening) { _ = Fx.applyOpen(key, to: &$0) }
    }

    @Test func openingAnUnreadV1ContactSendsNoReadAction() {
        var store = TestStore(Fx.ready(scopes: nil, count: 3))
        store.arrange { $0.inbox.entries[0].unread = true }
        let key = store.state.inbox.entries[0].key
        var probe = store.state
        let opening = Fx.applyOpen(key, to: &probe)
        store.send(.selectionActivated, effects: opening) {
            _ = Fx.applyOpen(key, to: &$0)
            $0.inbox.entries[0].unread = false
        }
    }
}
