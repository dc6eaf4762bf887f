import AlloKit
@testable import AlloStore
import Foundation
import Testing

@Suite struct LiveReducerTests {
    private func refreshRequest(since: Date? = nil, open: ConversationKey? = nil) -> RefreshRequest {
        RefreshRequest(alloNumber: Fx.n1, source: .conversations, since: since, openConversation: open)
    }

    @Test func startLoadsTheSessionTheDraftsAndTheOutbox() {
        var store = TestStore()
        store.send(.started(Make.t0), effects: [.loadSession, .loadDrafts, .loadOutbox]) { $0.status.now = Make.t0 }
    }

    @Test func aTickBeforeTheRefreshIsDueOnlyMovesTheClock() {
        var store = TestStore(Fx.ready())
        store.send(.tick(Fx.seconds(14))) { $0.status.now = Fx.seconds(14) }
    }

    @Test func aDueTickRefreshesTheSelectedNumberOnceAtATime() {
        var store = TestStore(Fx.ready())
        let open = store.state.inbox.entries[0].key
        store.arrange {
            $0.timeline.key = open
            $0.live.lastSync[Fx.n1] = Fx.seconds(-60)
        }
        store.send(.tick(Fx.seconds(15)), effects: [.refresh(refreshRequest(since: Fx.seconds(-60), open: open))]) {
            $0.status.now = Fx.seconds(15)
            $0.live.inFlight = true
        }
        store.send(.tick(Fx.seconds(16))) { $0.status.now = Fx.seconds(16) }
    }

    @Test func aV1RefreshAsksForTheFirstContactsWithoutSince() {
        var store = TestStore(Fx.ready(scopes: nil))
        store.arrange { $0.live.lastSync[Fx.n1] = Fx.seconds(-60) }
        store.send(.tick(Fx.seconds(20)),
                   effects: [.refresh(RefreshRequest(alloNumber: Fx.n1, source: .contacts, since: nil))]) {
            $0.status.now = Fx.seconds(20)
            $0.live.inFlight = true
        }
    }

    @Test func aSpentRateLimitHoldsTheRefreshUntilItResets() {
        var store = TestStore(Fx.ready())
        store.send(.rateLimitObserved(RateLimitInfo(limit: 20, remaining: 0, reset: Fx.seconds(17), observedAt: Make.t0))) {
            $0.status.rateLimit = RateLimitInfo(limit: 20, remaining: 0, reset: Fx.seconds(17), observedAt: Make.t0)
        }
        store.send(.tick(Fx.seconds(16))) { $0.status.now = Fx.seconds(16) }
        store.send(.tick(Fx.seconds(17)), effects: [.refresh(refreshRequest())]) {
            $0.status.now = Fx.seconds(17)
            $0.live.inFlight = true
        }
    }

    @Test func failuresBackOffDoublingUpToTheMaximumAndShowOnlyTheFirst() {
        var store = TestStore(Fx.ready())
        store.send(.tick(Fx.seconds(15)), effects: [.refresh(refreshRequest())]) {
            $0.status.now = Fx.seconds(15)
            $0.live.inFlight = true
        }
        let failure = Fx.http(502)
        store.send(.refreshFailed(refreshRequest(), failure)) {
            $0.live.inFlight = false
            $0.live.failures = 1
            $0.live.currentInterval = .seconds(30)
            $0.live.nextRefreshAt = Fx.seconds(45)
            $0.status.toasts = [Fx.toast(1, failure)]
            $0.status.nextToastID = 2
        }
        var now = 45.0
        for (failures, interval) in [(2, 60), (3, 120), (4, 240), (5, 300), (6, 300)] {
            store.send(.tick(Fx.seconds(now)), effects: [.refresh(refreshRequest())]) {
                $0.status.now = Fx.seconds(now)
                $0.live.inFlight = true
            }
            // A network failure in the run marks the app offline, without a toast.
            let error = failures == 4 ? Fx.network : failure
            store.send(.refreshFailed(refreshRequest(), error)) {
                $0.live.inFlight = false
                $0.live.failures = failures
                $0.live.currentInterval = .seconds(interval)
                $0.live.nextRefreshAt = Fx.seconds(now + Double(interval))
                if failures == 4 { $0.status.offlineSince = Fx.seconds(now) }
            }
            now += Double(interval)
        }
        #expect(store.state.status.toasts.count == 1)
        // A success resets the pace and brings the app online.
        store.send(.tick(Fx.seconds(now)), effects: [.refresh(refreshRequest())]) {
            $0.status.now = Fx.seconds(now)
            $0.live.inFlight = true
        }
        store.send(.refreshed(refreshRequest(), [], newest: [], at: Fx.seconds(now))) {
            $0.live.inFlight = false
            $0.live.failures = 0
            $0.live.currentInterval = .seconds(15)
            $0.live.nextRefreshAt = Fx.seconds(now + 15)
            $0.live.lastSync[Fx.n1] = Fx.seconds(now)
            $0.status.offlineSince = nil
        }
    }

    @Test func a429WaitsForItsRetryAfterWhenLongerThanTheBackoff() {
        var store = TestStore(Fx.ready())
        store.arrange { $0.status.now = Fx.seconds(15); $0.live.inFlight = true }
        let limited = Fx.http(429, code: "RATE_LIMIT_EXCEEDED", retryAfter: .seconds(90))
        store.send(.refreshFailed(refreshRequest(), limited)) {
            $0.live.inFlight = false
            $0.live.failures = 1
            $0.live.currentInterval = .seconds(90)
            $0.live.nextRefreshAt = Fx.seconds(105)
            $0.status.toasts = [Fx.toast(1, limited)]
            $0.status.nextToastID = 2
        }
        // A short Retry-After does not shorten the backoff.
        store.arrange { $0.live.inFlight = true }
        store.send(.refreshFailed(refreshRequest(), Fx.http(429, code: "RATE_LIMIT_EXCEEDED", retryAfter: .seconds(1)))) {
            $0.live.inFlight = false
            $0.live.failures = 2
            $0.live.currentInterval = .seconds(180)
            $0.live.nextRefreshAt = Fx.seconds(195)
        }
    }

    @Test func aRefreshMovesUpdatedConversationsToTheTopAndCountsNewInboundActivity() {
        var store = TestStore(Fx.ready(count: 10))
        store.arrange {
            $0.status.now = Fx.seconds(15)
            $0.live.inFlight = true
            $0.inbox.cursor.select(5, count: 10)
        }
        let at = Fx.seconds(15)
        // Contact 7 wrote again, contact 20 is new and unread, contact 2 changed without new activity.
        let updated7 = Fx.entry(7, minutes: 1, unread: true)
        let new20 = Fx.entry(20, minutes: 0.5, unread: true)
        let same2 = Fx.entry(2, title: "Contact Two", minutes: -2, unread: true)
        store.send(.refreshed(refreshRequest(), [updated7, new20, same2], newest: [], at: at),
                   effects: [.loadUnreadCount(alloNumber: Fx.n1)]) {
            let old = $0.inbox.entries
            var two = same2
            two.unread = false
            $0.inbox.entries = [updated7, new20, two, old[0], old[1], old[3], old[4], old[5], old[6], old[8], old[9]]
            $0.inbox.ids.insert(new20.id)
            // Contact 5 stays selected: one row lower.
            $0.inbox.cursor.selected = 7
            $0.status.toasts = [Toast(id: 1, level: .notice, text: "2 new messages")]
            $0.status.nextToastID = 2
            $0.live.inFlight = false
            $0.live.lastSync[Fx.n1] = at
            $0.live.nextRefreshAt = Fx.seconds(30)
        }
    }

    @Test func aRefreshUnderAFilterKeepsTheMatchesInStep() {
        var store = TestStore(Fx.ready(count: 12))
        store.send(.filterChanged("contact 1")) {
            $0.inbox.filter = "contact 1"
            $0.inbox.visible = [1, 10, 11]
        }
        store.arrange {
            $0.inbox.cursor.select(2, count: 3)
            $0.live.inFlight = true
        }
        let new21 = Fx.entry(21, title: "Contact 19", minutes: 1)
        let moved4 = Fx.entry(4, minutes: 1)
        store.send(.refreshed(refreshRequest(), [new21, moved4], newest: [], at: Make.t0),
                   effects: [.loadUnreadCount(alloNumber: Fx.n1)]) {
            $0.inbox.entries.remove(at: 4)
            $0.inbox.entries.insert(contentsOf: [new21, moved4], at: 0)
            $0.inbox.ids.insert(new21.id)
            $0.inbox.visible = [0, 3, 11, 12]
            $0.inbox.cursor.selected = 3
            $0.live.inFlight = false
            $0.live.lastSync[Fx.n1] = Make.t0
        }
        #expect(store.state.inbox.selectedEntry?.title == "Contact 11")
    }

    @Test func aV1RefreshUpdatesKnownContactsInPlaceAndPutsNewOnesOnTop() {
        var store = TestStore(Fx.ready(scopes: nil, count: 5))
        store.arrange { $0.live.inFlight = true }
        let renamed = Fx.entry(3, title: "Dr Three", minutes: -3, v1: true)
        let fresh = Fx.entry(9, title: "New Person", v1: true)
        let request = RefreshRequest(alloNumber: Fx.n1, source: .contacts)
        store.send(.refreshed(request, [renamed, fresh], newest: [], at: Make.t0)) {
            $0.inbox.entries[3] = renamed
            $0.inbox.entries.insert(fresh, at: 0)
            $0.inbox.ids.insert(fresh.id)
            // The selected contact stays selected, one row lower.
            $0.inbox.cursor.selected = 1
            $0.live.inFlight = false
            $0.live.lastSync[Fx.n1] = Make.t0
        }
    }

    @Test func aRefreshForANumberNoLongerShownIsDroppedButFreesTheSchedule() {
        var store = TestStore(Fx.ready(count: 3))
        store.arrange {
            $0.status.now = Fx.seconds(15)
            $0.live.inFlight = true
            $0.numbers.selected = Fx.n2
            $0.inbox.alloNumber = Fx.n2
            $0.inbox.entries = []
            $0.inbox.ids = []
        }
        store.send(.refreshed(refreshRequest(), [Fx.entry(1, minutes: 5, unread: true)], newest: [], at: Fx.seconds(15))) {
            $0.live.inFlight = false
        }
        store.send(.tick(Fx.seconds(16)),
                   effects: [.refresh(RefreshRequest(alloNumber: Fx.n2, source: .conversations))]) {
            $0.status.now = Fx.seconds(16)
            $0.live.inFlight = true
        }
    }

    @Test func theOpenConversationsNewItemsGoToTheTimeline() {
        var store = TestStore(Fx.ready(count: 3))
        let key = store.state.inbox.entries[0].key
        store.arrange {
            _ = TimelineReducer.open(key, in: &$0)
            $0.live.inFlight = true
        }
        let newest = [Make.sms("msg-9", at: 1, "still there?")]
        var probe = store.state
        let counted = TimelineReducer.mergeNewest(newest, for: key, in: &probe)
        store.send(.refreshed(refreshRequest(open: key), [], newest: newest, at: Make.t0)) {
            _ = TimelineReducer.mergeNewest(newest, for: key, in: &$0)
            $0.live.inFlight = false
            $0.live.lastSync[Fx.n1] = Make.t0
            if counted > 0 {
                $0.status.toasts = [Toast(id: 1, level: .notice, text: counted == 1 ? "1 new message" : "\(counted) new messages")]
                $0.status.nextToastID = 2
            }
        }
    }

    @Test func quittingSavesEveryDraftAndTheComposeBoxSorted() {
        var store = TestStore()
        let open = Make.key("+33612345678", on: Fx.n2)
        store.arrange {
            $0.compose.drafts = [Make.key("+14155550003"): "call me", Make.key("+14155550001"): "see you",
                                 open: "old text", Make.key("+14155550002"): "  "]
            $0.timeline.key = open
            $0.compose.conversation = open
            $0.compose.text = "new text"
        }
        store.send(.quitRequested, effects: [.saveDrafts(Revision(1, [
            DraftRecord(key: Make.key("+14155550001"), text: "see you"),
            DraftRecord(key: Make.key("+14155550003"), text: "call me"),
            DraftRecord(key: open, text: "new text"),
        ]))]) {
            $0.navigation.quitting = true
            $0.compose.draftsRevision = 1
        }
    }
}
