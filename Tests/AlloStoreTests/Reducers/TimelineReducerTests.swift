import AlloKit
@testable import AlloStore
import DequeModule
import Foundation
import Testing

@Suite struct TimelineReducerTests {
    // MARK: Opening and closing

    @Test func openClearsThePreviousConversationAndAsksForPageOneOnV2() {
        var store = TestStore(TL.loaded([Make.sms("msg-1", at: 1), Make.sms("msg-2", at: 2)], key: TL.other, viewport: 8))
        store.call("open", effects: [.loadTimelinePage(TL.request(page: 1))], { TimelineReducer.open(TL.key, in: &$0) }) {
            $0.timeline = TimelineState()
            $0.timeline.cursor.viewport = 8
            $0.timeline.key = TL.key
            $0.timeline.source = .conversations
            $0.timeline.status = .loading(page: 1)
        }
    }

    @Test func openOnV1ContactsAsksForPageZero() {
        var store = TestStore(TL.base(source: .contacts))
        store.call("open", effects: [.loadTimelinePage(TL.request(TL.v1Key, page: 0, source: .contacts))],
                   { TimelineReducer.open(TL.v1Key, in: &$0) }) {
            $0.timeline.key = TL.v1Key
            $0.timeline.source = .contacts
            $0.timeline.status = .loading(page: 0)
        }
    }

    @Test func openBringsBackThisConversationsOutboxAndTheFirstPageMergesAroundIt() {
        var state = TL.base()
        state.compose.outbox = [
            OutboxEntry(id: 1, key: TL.key, sender: .number(TL.line), recipient: TL.key.contactNumber, text: "later",
                        date: Make.date(90)),
            OutboxEntry(id: 2, key: TL.other, sender: .number(TL.line), recipient: TL.other.contactNumber, text: "elsewhere",
                        date: Make.date(95)),
            OutboxEntry(id: 3, key: TL.key, sender: .number(TL.line), recipient: TL.key.contactNumber, text: "first",
                        state: .failed(TL.serverError), date: Make.date(80)),
        ]
        let failed = TimelineItem(id: "local-3", date: Make.date(80), direction: .outbound,
                                  content: .sms(SMSInfo(text: "first", delivery: .failed(outboxID: 3, TL.serverError))),
                                  contactNumber: "+14155551234")
        let pending = TimelineItem(id: "local-1", date: Make.date(90), direction: .outbound,
                                   content: .sms(SMSInfo(text: "later", delivery: .pending(outboxID: 1))),
                                   contactNumber: "+14155551234")
        var store = TestStore(state)
        store.call("open", effects: [.loadTimelinePage(TL.request(page: 1))], { TimelineReducer.open(TL.key, in: &$0) }) {
            $0.timeline.key = TL.key
            $0.timeline.status = .loading(page: 1)
            $0.timeline.items = [failed, pending]
            $0.timeline.ids = ["local-3", "local-1"]
            $0.timeline.cursor.selected = 1
        }
        let a = Make.sms("msg-a", at: 85), b = Make.sms("msg-b", at: 95)
        store.send(.timelinePageLoaded(TL.request(page: 1), [b, a], nextPage: 2)) {
            $0.timeline.items = [failed, a, pending, b]
            $0.timeline.ids = ["local-3", "local-1", "msg-a", "msg-b"]
            $0.timeline.cursor.selected = 3
            $0.timeline.status = .idle
            $0.timeline.nextOlderPage = 2
        }
    }

    @Test func closeEmptiesEverythingButTheViewport() {
        var store = TestStore(TL.loaded([Make.sms("msg-1", at: 1)], viewport: 12))
        store.call("close", { TimelineReducer.close(in: &$0); return [] }) {
            $0.timeline = TimelineState()
            $0.timeline.cursor.viewport = 12
        }
    }

    // MARK: Pages

    @Test func firstPageGoesInOldestFirstWithTheNewestSelected() {
        var state = TL.base()
        state.status.offlineSince = Make.date(50)
        var store = TestStore(state)
        store.call("open", effects: [.loadTimelinePage(TL.request(page: 1))], { TimelineReducer.open(TL.key, in: &$0) }) {
            $0.timeline.key = TL.key
            $0.timeline.status = .loading(page: 1)
        }
        let a = Make.call("cll-a", at: 10), b = Make.sms("msg-b", at: 20), c = TL.out("msg-c", at: 30, "see you")
        store.send(.timelinePageLoaded(TL.request(page: 1), [c, b, a], nextPage: 2)) {
            $0.timeline.items = [a, b, c]
            $0.timeline.ids = ["cll-a", "msg-b", "msg-c"]
            $0.timeline.cursor.selected = 2
            $0.timeline.status = .idle
            $0.timeline.nextOlderPage = 2
            $0.status.offlineSince = nil
        }
    }

    @Test func pagesOfAConversationLeftBehindAreDroppedWhenSwitchingAToBToA() {
        var store = TestStore(TL.base())
        store.call("open A", effects: [.loadTimelinePage(TL.request(page: 1))], { TimelineReducer.open(TL.key, in: &$0) }) {
            $0.timeline.key = TL.key
            $0.timeline.status = .loading(page: 1)
        }
        store.call("open B", effects: [.loadTimelinePage(TL.request(TL.other, page: 1))],
                   { TimelineReducer.open(TL.other, in: &$0) }) {
            $0.timeline.key = TL.other
        }
        // A's answer arrives while B is open: dropped.
        store.send(.timelinePageLoaded(TL.request(page: 1), [Make.sms("msg-a", at: 1)], nextPage: 2))
        store.call("open A again", effects: [.loadTimelinePage(TL.request(page: 1))],
                   { TimelineReducer.open(TL.key, in: &$0) }) {
            $0.timeline.key = TL.key
        }
        // B's answer, and a page A did not ask for: dropped.
        store.send(.timelinePageLoaded(TL.request(TL.other, page: 1), [Make.sms("msg-b", at: 2)], nextPage: nil))
        store.send(.timelinePageLoaded(TL.request(page: 2), [Make.sms("msg-old", at: 0)], nextPage: 3))
        store.send(.timelinePageFailed(TL.request(TL.other, page: 1), TL.serverError))
        let a = Make.sms("msg-a", at: 1)
        store.send(.timelinePageLoaded(TL.request(page: 1), [a], nextPage: nil)) {
            $0.timeline.items = [a]
            $0.timeline.ids = ["msg-a"]
            $0.timeline.status = .idle
        }
    }

    @Test func nearTheTopTheOlderPageIsAskedAndPrependedWithTheSelectionKept() {
        let newest = (100..<110).map { Make.sms("msg-\($0)", at: Double($0)) }
        var store = TestStore(TL.loaded(newest, next: 2, viewport: 5))
        #expect(store.state.timeline.cursor == ListCursor(selected: 9, offset: 5, viewport: 5))
        store.call("move up 4", { TimelineReducer.move(by: -4, in: &$0) }) {
            $0.timeline.cursor.selected = 5
        }
        store.call("move up 1", effects: [.loadTimelinePage(TL.request(page: 2))], { TimelineReducer.move(by: -1, in: &$0) }) {
            $0.timeline.cursor.selected = 4
            $0.timeline.cursor.offset = 4
            $0.timeline.status = .loading(page: 2)
        }
        // While it loads, moving asks nothing more.
        store.call("move while loading", { TimelineReducer.move(by: -1, in: &$0) }) {
            $0.timeline.cursor.selected = 3
            $0.timeline.cursor.offset = 3
        }
        let older = (50..<100).reversed().map { Make.sms("msg-\($0)", at: Double($0)) }
        store.send(.timelinePageLoaded(TL.request(page: 2), older, nextPage: 3)) {
            $0.timeline.items.prepend(contentsOf: older.reversed())
            $0.timeline.ids.formUnion(older.map(\.id))
            $0.timeline.cursor = ListCursor(selected: 53, offset: 53, viewport: 5)
            $0.timeline.status = .idle
            $0.timeline.nextOlderPage = 3
        }
        #expect(store.state.timeline.selectedItem?.id == "msg-103")
        #expect(TL.ids(store.state).first == "msg-50")
        #expect(store.state.timeline.items.count == 60)
    }

    @Test func atTheBeginningNoMorePagesAreAsked() {
        var store = TestStore(TL.loaded([Make.sms("msg-1", at: 1), Make.sms("msg-2", at: 2)], next: nil))
        store.call("move to the top", { TimelineReducer.move(by: -10, in: &$0) }) {
            $0.timeline.cursor.selected = 0
        }
        store.call("move again", { TimelineReducer.move(by: -1, in: &$0) })
    }

    @Test func aFailedOlderPageIsReportedAndAskedAgainOnTheNextMove() {
        var state = TL.loaded((0..<3).map { Make.sms("msg-\($0)", at: Double($0)) }, next: 2)
        state.timeline.status = .loading(page: 2)
        var store = TestStore(state)
        // A failure for a page not asked: dropped.
        store.send(.timelinePageFailed(TL.request(page: 3), TL.serverError))
        store.send(.timelinePageFailed(TL.request(page: 2), TL.serverError)) {
            $0.timeline.status = .failed(TL.serverError, page: 2)
            StatusReducer.report(TL.serverError, in: &$0)
        }
        #expect(store.state.status.toasts.count == 1)
        store.call("move", effects: [.loadTimelinePage(TL.request(page: 2))], { TimelineReducer.move(by: -1, in: &$0) }) {
            $0.timeline.cursor.selected = 1
            $0.timeline.status = .loading(page: 2)
        }
    }

    @Test func anOlderPageOverlappingWhatIsShownIsDeduped() {
        var state = TL.loaded([Make.sms("msg-10", at: 10), Make.sms("msg-11", at: 11), Make.sms("msg-12", at: 12)])
        state.timeline.status = .loading(page: 2)
        var store = TestStore(state)
        let eight = Make.sms("msg-8", at: 8), nine = Make.sms("msg-9", at: 9)
        // New items shifted the server's pages: page 2 repeats two items of page 1.
        store.send(.timelinePageLoaded(TL.request(page: 2), [Make.sms("msg-11", at: 11), Make.sms("msg-10", at: 10), nine, eight],
                                       nextPage: 3)) {
            $0.timeline.items.prepend(contentsOf: [eight, nine])
            $0.timeline.ids.formUnion(["msg-8", "msg-9"])
            $0.timeline.cursor.selected = 4
            $0.timeline.status = .idle
            $0.timeline.nextOlderPage = 3
        }
        #expect(TL.ids(store.state) == ["msg-8", "msg-9", "msg-10", "msg-11", "msg-12"])
    }

    @Test func anOlderPageIsMergedInDateOrderAroundAnOldLocalItem() {
        let failed = TimelineItem(id: "local-1", date: Make.date(5), direction: .outbound,
                                  content: .sms(SMSInfo(text: "old", delivery: .failed(outboxID: 1, TL.serverError))))
        var state = TL.loaded([failed, Make.sms("msg-100", at: 100), Make.sms("msg-110", at: 110)])
        state.timeline.status = .loading(page: 2)
        var store = TestStore(state)
        let fifty = Make.sms("msg-50", at: 50), three = Make.sms("msg-3", at: 3)
        store.send(.timelinePageLoaded(TL.request(page: 2), [fifty, three], nextPage: nil)) {
            $0.timeline.items = [three, failed, fifty, Make.sms("msg-100", at: 100), Make.sms("msg-110", at: 110)]
            $0.timeline.ids.formUnion(["msg-50", "msg-3"])
            $0.timeline.cursor.selected = 4
            $0.timeline.status = .idle
            $0.timeline.nextOlderPage = nil
        }
        #expect(store.state.timeline.selectedItem?.id == "msg-110")
    }

    // MARK: Live merge

    @Test func liveItemsAreAppendedOnceAndTheSelectionStays() {
        var state = TL.loaded([Make.sms("msg-1", at: 1), Make.sms("msg-2", at: 2), Make.sms("msg-3", at: 3)])
        state.timeline.cursor.select(1, count: 3)
        var store = TestStore(state)
        let four = TL.out("msg-4", at: 4, "ok"), five = Make.sms("msg-5", at: 5)
        var newInbound = 0
        store.call("mergeNewest", { newInbound = TimelineReducer.mergeNewest([five, Make.sms("msg-3", at: 3), four], for: TL.key, in: &$0); return [] }) {
            $0.timeline.items.append(contentsOf: [four, five])
            $0.timeline.ids.formUnion(["msg-4", "msg-5"])
        }
        #expect(newInbound == 1)
        #expect(store.state.timeline.selectedItem?.id == "msg-2")
        // The same refresh again brings nothing new.
        store.call("mergeNewest again", { newInbound = TimelineReducer.mergeNewest([five, four], for: TL.key, in: &$0); return [] })
        #expect(newInbound == 0)
    }

    @Test func aLiveItemOlderThanTheLastGoesInItsPlace() {
        var store = TestStore(TL.loaded([Make.sms("msg-1", at: 1), Make.sms("msg-2", at: 2), Make.sms("msg-4", at: 4)]))
        let three = Make.sms("msg-3", at: 3)
        var newInbound = 0
        store.call("mergeNewest", { newInbound = TimelineReducer.mergeNewest([three], for: TL.key, in: &$0); return [] }) {
            $0.timeline.items.insert(three, at: 2)
            $0.timeline.ids.insert("msg-3")
            $0.timeline.cursor.selected = 3
        }
        #expect(newInbound == 1)
        #expect(store.state.timeline.selectedItem?.id == "msg-4")
    }

    @Test func aRefreshOfAnotherConversationMergesNothing() {
        var store = TestStore(TL.loaded([Make.sms("msg-1", at: 1)]))
        var newInbound = -1
        store.call("mergeNewest", { newInbound = TimelineReducer.mergeNewest([Make.sms("msg-9", at: 9)], for: TL.other, in: &$0); return [] })
        #expect(newInbound == 0)
    }

    @Test func theServersCopyReplacesALocallyConfirmedSend() {
        let confirmed = TimelineItem(id: "local-1", date: Make.date(100), direction: .outbound,
                                     content: .sms(SMSInfo(text: "See you at 10", delivery: .api("SENT"))))
        var store = TestStore(TL.loaded([Make.sms("msg-1", at: 1), confirmed]))
        let copy = TL.out("msg-77", at: 100.5, "See you at 10", status: "DELIVERED")
        let reply = Make.sms("msg-78", at: 101, "ok")
        var newInbound = 0
        store.call("mergeNewest", { newInbound = TimelineReducer.mergeNewest([reply, copy], for: TL.key, in: &$0); return [] }) {
            $0.timeline.items = [Make.sms("msg-1", at: 1), copy, reply]
            $0.timeline.ids = ["msg-1", "msg-77", "msg-78"]
        }
        #expect(newInbound == 1)
        #expect(store.state.timeline.selectedItem?.id == "msg-77")
    }

    @Test func theSameTextSentMuchLaterIsAnotherMessage() {
        let confirmed = TimelineItem(id: "local-1", date: Make.date(100), direction: .outbound,
                                     content: .sms(SMSInfo(text: "ok", delivery: .api("SENT"))))
        var store = TestStore(TL.loaded([confirmed]))
        let later = TL.out("msg-9", at: 111, "ok")
        store.call("mergeNewest", { _ = TimelineReducer.mergeNewest([later], for: TL.key, in: &$0); return [] }) {
            $0.timeline.items.append(later)
            $0.timeline.ids.insert("msg-9")
        }
    }

    @Test func dayBoundariesFollowTheDateOrder() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let midnight = calendar.startOfDay(for: Make.t0).addingTimeInterval(86_400)
        func item(_ id: String, _ seconds: Double) -> TimelineItem {
            TimelineItem(id: id, date: midnight.addingTimeInterval(seconds), direction: .inbound,
                         content: .sms(SMSInfo(text: id, delivery: .api(nil))))
        }
        var store = TestStore(TL.loaded([item("late", -600), item("early", 600)]))
        store.call("mergeNewest", { _ = TimelineReducer.mergeNewest([item("later", -300)], for: TL.key, in: &$0); return [] }) {
            $0.timeline.items.insert(item("later", -300), at: 1)
            $0.timeline.ids.insert("later")
            $0.timeline.cursor.selected = 2
        }
        let timeline = store.state.timeline
        #expect([0, 1, 2].map { timeline.startsDay(at: $0, calendar: calendar) } == [true, false, true])
    }
}
