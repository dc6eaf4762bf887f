import AlloKit
@testable import AlloStore
import Foundation
import Testing

@Suite struct SessionReducerTests {
    private func started() -> TestStore {
        var store = TestStore()
        store.send(.started(Make.t0), effects: [.loadSession, .loadDrafts, .loadOutbox]) { $0.status.now = Make.t0 }
        return store
    }

    @Test func aFullKeyUsesV2ForNumbersAndInbox() {
        var store = started()
        let identity = Identity(apiKeyID: "key-1", scopes: Fx.allScopes, teamName: "Acme")
        store.send(.sessionLoaded(identity), effects: [.loadNumbers(.v2)]) {
            $0.session.identity = .loaded(identity)
            $0.session.hasV2 = true
            $0.inbox.source = .conversations
            $0.numbers.list = .loading(previous: nil)
        }
    }

    @Test func missingScopesBecomeNoticesAndTheInboxFallsBackToContacts() {
        var store = started()
        let identity = Identity(apiKeyID: "key-2", scopes: ["CONTACTS_READ_WRITE", "PHONE_NUMBERS_READ"])
        store.send(.sessionLoaded(identity), effects: [.loadNumbers(.v2)]) {
            $0.session.identity = .loaded(identity)
            $0.session.hasV2 = true
            $0.session.notices = ["Inbox and calls need CONVERSATIONS_READ", "Sending needs SMS_SEND"]
            $0.inbox.source = .contacts
            $0.numbers.list = .loading(previous: nil)
        }
    }

    @Test func contactsInboxWithoutContactsReadSaysSo() {
        var store = started()
        let identity = Identity(apiKeyID: "key-3", scopes: ["SMS_SEND", "PHONE_NUMBERS_READ"])
        store.send(.sessionLoaded(identity), effects: [.loadNumbers(.v2)]) {
            $0.session.identity = .loaded(identity)
            $0.session.hasV2 = true
            $0.session.notices = ["Inbox and calls need CONVERSATIONS_READ", "Contacts need CONTACTS_READ"]
            $0.inbox.source = .contacts
            $0.numbers.list = .loading(previous: nil)
        }
    }

    @Test func withoutPhoneNumbersReadNumbersComeFromV1AndConversationsFromV2() {
        var store = started()
        let identity = Identity(apiKeyID: "key-4", scopes: ["CONVERSATIONS_READ", "SMS_SEND"])
        store.send(.sessionLoaded(identity), effects: [.loadNumbers(.v1)]) {
            $0.session.identity = .loaded(identity)
            $0.session.hasV2 = true
            $0.session.notices = ["Sender IDs and number capabilities need PHONE_NUMBERS_READ"]
            $0.inbox.source = .conversations
            $0.numbers.list = .loading(previous: nil)
        }
        // And v1 numbers then load the v2 inbox, with unread counts.
        store.send(.numbersLoaded(.v1, Fx.numbers(Fx.n1), senderIDs: []),
                   effects: [.loadInboxPage(InboxRequest(alloNumber: Fx.n1, source: .conversations, page: 1)),
                             .loadUnreadCount(alloNumber: Fx.n1)]) {
            $0.numbers.list = .loaded(Fx.numbers(Fx.n1))
            $0.numbers.selected = Fx.n1
            $0.inbox.alloNumber = Fx.n1
            $0.inbox.nextPage = 1
            $0.inbox.status = .loading(page: 1)
        }
    }

    @Test(arguments: [Fx.http(404, code: "NOT_FOUND"), Fx.http(400), Fx.undecodable])
    func aServerWithoutV2RunsOnV1(_ error: ErrorInfo) {
        var store = started()
        store.send(.sessionFailed(error), effects: [.loadNumbers(.v1)]) {
            $0.session.identity = .failed(error, previous: nil)
            $0.session.hasV2 = false
            $0.session.notices = [SessionReducer.noV2Notice]
            $0.inbox.source = .contacts
            $0.numbers.list = .loading(previous: nil)
        }
        #expect(store.state.session.capabilities.canSearch == false)
        #expect(store.state.session.capabilities.numberSource == .v1)
    }

    @Test func aRefusedKeyLoadsNothingAndSaysSo() {
        var store = started()
        let refused = Fx.http(401, code: "API_KEY_INVALID")
        store.send(.sessionFailed(refused)) {
            $0.session.identity = .failed(refused, previous: nil)
            $0.session.notices = ["The API key was refused; check it in Settings > API"]
            $0.status.toasts = [Fx.toast(1, refused)]
            $0.status.nextToastID = 2
        }
        #expect(store.state.status.toasts.first?.hint == "the API key was refused; check it in Settings > API")
        // Ticks never ask again.
        store.send(.tick(Fx.seconds(3600))) { $0.status.now = Fx.seconds(3600) }
    }

    @Test func offlineAtStartGoesOfflineAndTheTickAsksAgainWithBackoff() {
        var store = started()
        store.send(.sessionFailed(Fx.network)) {
            $0.session.identity = .failed(Fx.network, previous: nil)
            $0.status.offlineSince = Make.t0
            $0.status.toasts = [Fx.toast(1, Fx.network)]
            $0.status.nextToastID = 2
            $0.live.failures = 1
            $0.live.currentInterval = .seconds(30)
            $0.live.nextRefreshAt = Fx.seconds(30)
        }
        store.send(.tick(Fx.seconds(29))) { $0.status.now = Fx.seconds(29) }
        store.send(.tick(Fx.seconds(30)), effects: [.loadSession]) {
            $0.status.now = Fx.seconds(30)
            $0.session.identity = .loading(previous: nil)
        }
        // Still offline: no second toast, a longer pause.
        store.send(.sessionFailed(Fx.network)) {
            $0.session.identity = .failed(Fx.network, previous: nil)
            $0.live.failures = 2
            $0.live.currentInterval = .seconds(60)
            $0.live.nextRefreshAt = Fx.seconds(90)
        }
        // Back: v2, online, the backoff forgotten.
        let identity = Identity(apiKeyID: "key-1", scopes: Fx.allScopes)
        store.send(.sessionLoaded(identity), effects: [.loadNumbers(.v2)]) {
            $0.session.identity = .loaded(identity)
            $0.session.hasV2 = true
            $0.status.offlineSince = nil
            $0.live.failures = 0
            $0.live.currentInterval = .seconds(15)
            $0.live.nextRefreshAt = nil
            $0.numbers.list = .loading(previous: nil)
        }
    }

    @Test func aRateLimitedMeWaitsForRetryAfter() {
        var store = started()
        let limited = Fx.http(429, code: "RATE_LIMIT_EXCEEDED", retryAfter: .seconds(120))
        store.send(.sessionFailed(limited)) {
            $0.session.identity = .failed(limited, previous: nil)
            $0.status.toasts = [Fx.toast(1, limited)]
            $0.status.nextToastID = 2
            $0.live.failures = 1
            $0.live.currentInterval = .seconds(120)
            $0.live.nextRefreshAt = Fx.seconds(120)
        }
        #expect(store.state.session.hasV2 == false)
        #expect(store.state.status.toasts.first?.hint == "rate limited: retry in 120 s")
    }

    @Test func aServerErrorOnMeIsRetriedNotTakenForV1() {
        var store = started()
        let failure = Fx.http(503)
        store.send(.sessionFailed(failure)) {
            $0.session.identity = .failed(failure, previous: nil)
            $0.status.toasts = [Fx.toast(1, failure)]
            $0.status.nextToastID = 2
            $0.live.failures = 1
            $0.live.currentInterval = .seconds(30)
            $0.live.nextRefreshAt = Fx.seconds(30)
        }
    }
}
