import AlloKit
@testable import AlloStore
import Foundation
import Testing

@Suite struct StatusReducerTests {
    @Test func reportShowsCodeAndTheMissingScopeInTheHint() {
        var state = AppState()
        StatusReducer.report(Fx.http(403, code: "API_KEY_INSUFFICIENT_SCOPE", scopes: ["SMS_SEND"]), in: &state)
        #expect(state.status.toasts == [Toast(id: 1, level: .error, text: "HTTP 403", code: "API_KEY_INSUFFICIENT_SCOPE",
                                              hint: "this key needs SMS_SEND; add it in Settings > API")])
        #expect(state.status.nextToastID == 2)
        #expect(state.status.offlineSince == nil)
    }

    @Test func networkErrorMarksOfflineOnceAndAnAnswerBringsItBack() {
        var state = AppState()
        state.status.now = Fx.seconds(5)
        StatusReducer.report(Fx.network, in: &state)
        state.status.now = Fx.seconds(9)
        StatusReducer.report(Fx.network, in: &state)
        #expect(state.status.offlineSince == Fx.seconds(5))
        #expect(state.status.toasts.map(\.id) == [1, 2])
        StatusReducer.markOnline(in: &state)
        #expect(state.status.offlineSince == nil)
        #expect(!state.status.isOffline)
    }

    @Test(arguments: [Fx.timeout, Fx.undecodable, Fx.http(500), Fx.http(429, code: "RATE_LIMIT_EXCEEDED", retryAfter: .seconds(3))])
    func otherErrorsDoNotMarkOffline(_ error: ErrorInfo) {
        var state = AppState()
        StatusReducer.report(error, in: &state)
        #expect(state.status.offlineSince == nil)
        #expect(state.status.toasts == [Fx.toast(1, error)])
    }

    @Test func cancelledRequestsShowNothing() {
        var state = AppState()
        StatusReducer.report(ErrorInfo(kind: .cancelled, message: "cancelled"), in: &state)
        #expect(state.status.toasts.isEmpty)
    }

    @Test func notifyAddsAnInfoToastByDefault() {
        var state = AppState()
        StatusReducer.notify("Saved", in: &state)
        StatusReducer.notify("Careful", level: .notice, in: &state)
        #expect(state.status.toasts == [Toast(id: 1, level: .info, text: "Saved"), Toast(id: 2, level: .notice, text: "Careful")])
    }

    @Test func atMostTwentyToastsAreKeptTheOldestLeaving() {
        var state = AppState()
        for index in 1...25 { StatusReducer.notify("t\(index)", in: &state) }
        #expect(state.status.toasts.count == 20)
        #expect(state.status.toasts.first?.text == "t6")
        #expect(state.status.toasts.last?.id == 25)
    }

    @Test func dismissRemovesTheNewestToastAndIsHarmlessWhenNone() {
        var store = TestStore()
        store.arrange {
            StatusReducer.notify("old", in: &$0)
            StatusReducer.notify("new", in: &$0)
        }
        store.send(.toastDismissed) { $0.status.toasts = [Toast(id: 1, level: .info, text: "old")] }
        store.send(.toastDismissed) { $0.status.toasts = [] }
        store.send(.toastDismissed)
    }

    @Test func rateLimitReadingIsStored() {
        var store = TestStore()
        let reading = RateLimitInfo(limit: 20, remaining: 3, reset: Fx.seconds(1), observedAt: Make.t0)
        store.send(.rateLimitObserved(reading)) { $0.status.rateLimit = reading }
    }
}
