import AlloKit
@testable import AlloStore
import Foundation
import Testing

@Suite struct NumbersReducerTests {
    private func session(_ scopes: [String]? = Fx.allScopes) -> TestStore {
        var state = AppState()
        _ = reduce(into: &state, action: .started(Make.t0))
        if let scopes {
            _ = reduce(into: &state, action: .sessionLoaded(Identity(apiKeyID: "key-1", scopes: scopes)))
        } else {
            _ = reduce(into: &state, action: .sessionFailed(Fx.http(404)))
        }
        return TestStore(state)
    }

    @Test func v2NumbersSelectTheFirstLoadItsFirstPageAndEveryUnreadCount() {
        var store = session()
        let list = Fx.numbers(Fx.n1, Fx.n2)
        store.send(.numbersLoaded(.v2, list, senderIDs: ["ACME"]),
                   effects: [.loadInboxPage(InboxRequest(alloNumber: Fx.n1, source: .conversations, page: 1)),
                             .loadUnreadCount(alloNumber: Fx.n1), .loadUnreadCount(alloNumber: Fx.n2)]) {
            $0.numbers.list = .loaded(list)
            $0.numbers.senderIDs = ["ACME"]
            $0.numbers.selected = Fx.n1
            $0.inbox.alloNumber = Fx.n1
            $0.inbox.nextPage = 1
            $0.inbox.status = .loading(page: 1)
        }
        store.send(.unreadCountLoaded(alloNumber: Fx.n2, count: 7)) { $0.numbers.unread[Fx.n2] = 7 }
    }

    @Test func aV1ClientLoadsContactsFromPageZeroWithoutUnreadCounts() {
        var store = session(nil)
        let list = Fx.numbers(Fx.n1)
        store.send(.numbersLoaded(.v1, list, senderIDs: []),
                   effects: [.loadInboxPage(InboxRequest(alloNumber: Fx.n1, source: .contacts, page: 0))]) {
            $0.numbers.list = .loaded(list)
            $0.numbers.selected = Fx.n1
            $0.inbox.alloNumber = Fx.n1
            $0.inbox.nextPage = 0
            $0.inbox.status = .loading(page: 0)
        }
    }

    @Test func anEmptyAccountLoadsNothingMoreAndSaysSo() {
        var store = session()
        store.send(.numbersLoaded(.v2, [], senderIDs: [])) {
            $0.numbers.list = .loaded([])
            $0.status.toasts = [Toast(id: 1, level: .notice, text: "This account has no Allo numbers")]
            $0.status.nextToastID = 2
        }
        #expect(store.state.numbers.selected == nil)
        // Nothing to refresh either.
        store.send(.tick(Fx.seconds(600))) { $0.status.now = Fx.seconds(600) }
    }

    @Test func v2NumbersRefusedForAScopeFallBackToV1Once() {
        var store = session()
        store.send(.numbersFailed(.v2, Fx.scope403), effects: [.loadNumbers(.v1)])
        #expect(store.state.numbers.list == .loading(previous: nil))
        let refused = Fx.http(403, code: "API_KEY_INSUFFICIENT_SCOPE", scopes: ["CONVERSATIONS_READ"])
        store.send(.numbersFailed(.v1, refused)) {
            $0.numbers.list = .failed(refused, previous: nil)
            $0.status.toasts = [Fx.toast(1, refused)]
            $0.status.nextToastID = 2
        }
        #expect(store.state.status.toasts.first?.hint == "this key needs CONVERSATIONS_READ; add it in Settings > API")
    }

    @Test func aTransientNumbersFailureIsRetriedOnTheSchedule() {
        var store = session()
        store.send(.numbersFailed(.v2, Fx.timeout)) {
            $0.numbers.list = .failed(Fx.timeout, previous: nil)
            $0.status.toasts = [Fx.toast(1, Fx.timeout)]
            $0.status.nextToastID = 2
            $0.live.failures = 1
            $0.live.currentInterval = .seconds(30)
            $0.live.nextRefreshAt = Fx.seconds(30)
        }
        store.send(.tick(Fx.seconds(31)), effects: [.loadNumbers(.v2)]) {
            $0.status.now = Fx.seconds(31)
            $0.numbers.list = .loading(previous: nil)
        }
    }

    @Test func aReloadKeepsTheSelectedNumber() {
        var store = TestStore(Fx.ready())
        let list = Fx.numbers(Fx.n2, Fx.n1)
        store.send(.numbersLoaded(.v2, list, senderIDs: []),
                   effects: [.loadUnreadCount(alloNumber: Fx.n2), .loadUnreadCount(alloNumber: Fx.n1)]) {
            $0.numbers.list = .loaded(list)
            $0.numbers.cursor.selected = 1
        }
    }

    @Test func selectingAnotherNumberStartsItsInboxOverAndDropsTheOldOnesAnswers() {
        var store = TestStore(Fx.ready(count: 10))
        store.arrange {
            $0.navigation.focus = .numbers
            $0.inbox.cursor.select(4, count: 10)
            $0.inbox.filter = "contact"
            $0.inbox.visible = Array(0..<10)
            $0.numbers.cursor.select(1, count: 2)
        }
        var probe = store.state
        let leaving = Fx.applyLeave(to: &probe)
        store.send(.selectionActivated,
                   effects: [.loadInboxPage(InboxRequest(alloNumber: Fx.n2, source: .conversations, page: 1))] + leaving) {
            $0.navigation.focus = .inbox
            $0.numbers.selected = Fx.n2
            $0.inbox.alloNumber = Fx.n2
            $0.inbox.entries = []
            $0.inbox.ids = []
            $0.inbox.nextPage = 1
            $0.inbox.status = .loading(page: 1)
            $0.inbox.cursor = ListCursor()
            $0.inbox.filter = ""
            $0.inbox.visible = nil
            _ = Fx.applyLeave(to: &$0)
        }
        // A late page for the old number changes nothing.
        store.send(.inboxPageLoaded(InboxRequest(alloNumber: Fx.n1, source: .conversations, page: 2), Fx.entries(10..<20),
                                    nextPage: 3))
        store.send(.inboxPageFailed(InboxRequest(alloNumber: Fx.n1, source: .conversations, page: 2), Fx.http(500)))
    }

    @Test func rapidSelectionChangesKeepOnlyTheLastNumbersFirstPage() {
        var store = TestStore(Fx.ready(count: 3))
        store.arrange { $0.navigation.focus = .numbers }
        var state = store.state
        // A → B → A.
        state.numbers.cursor.select(1, count: 2)
        _ = reduce(into: &state, action: .selectionActivated)
        state.navigation.focus = .numbers
        state.numbers.cursor.select(0, count: 2)
        let effects = reduce(into: &state, action: .selectionActivated)
        #expect(effects.first == .loadInboxPage(InboxRequest(alloNumber: Fx.n1, source: .conversations, page: 1)))
        store = TestStore(state)
        // B's page: stale.
        store.send(.inboxPageLoaded(InboxRequest(alloNumber: Fx.n2, source: .conversations, page: 1),
                                    Fx.entries(0..<5, on: Fx.n2), nextPage: 2))
        // A's first answer is taken; a second answer for the same page is dropped.
        let page = Fx.entries(0..<5)
        store.send(.inboxPageLoaded(InboxRequest(alloNumber: Fx.n1, source: .conversations, page: 1), page, nextPage: nil)) {
            $0.inbox.entries = page
            $0.inbox.ids = Set(page.map(\.id))
            $0.inbox.nextPage = nil
            $0.inbox.status = .idle
        }
        store.send(.inboxPageLoaded(InboxRequest(alloNumber: Fx.n1, source: .conversations, page: 1),
                                    Fx.entries(5..<9), nextPage: 2))
        #expect(store.state.inbox.entries.count == 5)
    }
}
