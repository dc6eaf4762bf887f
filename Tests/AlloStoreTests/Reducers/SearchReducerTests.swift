import AlloKit
@testable import AlloStore
import Foundation
import Testing

@Suite struct SearchReducerTests {
    private func request(_ text: String = "refund", page: Int = 1) -> SearchRequest {
        SearchRequest(alloNumber: Fx.n1, text: text, page: page)
    }

    private func result(_ index: Int) -> TimelineItem {
        var item = Make.sms("msg-\(index)", at: -Double(index), "refund please")
        item.contactNumber = Fx.contact(index)
        return item
    }

    @Test func aSearchIsTrimmedAndAsksForItsFirstPage() {
        var store = TestStore(Fx.ready())
        store.arrange { $0.navigation.focus = .numbers }
        store.send(.searchSubmitted("  refund \n"), effects: [.searchItems(request())]) {
            var search = SearchState(query: "refund")
            search.status = .loading(page: 1)
            $0.inbox.search = search
            $0.navigation.focus = .inbox
        }
    }

    @Test func aSearchWithoutLettersOrDigitsIsNotSent() {
        var store = TestStore(Fx.ready())
        store.send(.searchSubmitted(" ?!* ")) {
            $0.status.toasts = [Toast(id: 1, level: .notice, text: "Search needs a letter or a digit")]
            $0.status.nextToastID = 2
        }
    }

    @Test func searchNeedsV2() {
        var store = TestStore(Fx.ready(scopes: nil))
        store.send(.searchSubmitted("refund")) {
            $0.status.toasts = [Toast(id: 1, level: .notice, text: "Search needs the v2 inbox (CONVERSATIONS_READ)")]
            $0.status.nextToastID = 2
        }
    }

    @Test func resultsPageLikeTheInboxAndStaleAnswersAreDropped() {
        var store = TestStore(Fx.ready())
        var state = store.state
        _ = reduce(into: &state, action: .searchSubmitted("refund"))
        store = TestStore(state)
        // An answer for an older query: dropped.
        store.send(.searchPageLoaded(request("invoice"), [result(99)], nextPage: 2))
        let first = (0..<8).map(result)
        store.send(.searchPageLoaded(request(), first, nextPage: 2)) {
            $0.inbox.search!.results = first
            $0.inbox.search!.nextPage = 2
            $0.inbox.search!.status = .idle
        }
        store.send(.selectionMoved(by: 2)) { $0.inbox.search!.cursor.selected = 2 }
        store.send(.selectionMoved(by: 1), effects: [.searchItems(request(page: 2))]) {
            $0.inbox.search!.cursor.selected = 3
            $0.inbox.search!.status = .loading(page: 2)
        }
        let failure = Fx.http(400, code: "INVALID_SEARCH_QUERY")
        store.send(.searchPageFailed(request(page: 2), failure)) {
            $0.inbox.search!.status = .failed(failure, page: 2)
            $0.status.toasts = [Fx.toast(1, failure)]
            $0.status.nextToastID = 2
        }
        store.send(.selectionMoved(by: 1), effects: [.searchItems(request(page: 2))]) {
            $0.inbox.search!.cursor.selected = 4
            $0.inbox.search!.status = .loading(page: 2)
        }
        store.send(.searchPageLoaded(request(page: 2), [result(8)], nextPage: nil)) {
            $0.inbox.search!.results.append(result(8))
            $0.inbox.search!.nextPage = nil
            $0.inbox.search!.status = .idle
        }
        store.send(.selectionJumped(toFirst: false)) { $0.inbox.search!.cursor.selected = 8 }
        store.send(.selectionMoved(by: 1))
        // Opening a result opens its conversation on the shown number.
        let key = ConversationKey(alloNumber: Fx.n1, contactNumber: Fx.contact(8))
        var probe = store.state
        let opening = Fx.applyOpen(key, to: &probe)
        store.send(.selectionActivated, effects: opening) { _ = Fx.applyOpen(key, to: &$0) }
        store.send(.searchClosed) { $0.inbox.search = nil }
        // Closed: a late page is dropped.
        store.send(.searchPageLoaded(request(page: 2), [result(9)], nextPage: nil))
    }
}
