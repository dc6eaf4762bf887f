import AlloKit
@testable import AlloStore
import Foundation
import Testing
import DequeModule

extension TestStore {
    /// Calls a reducer entry point (`TimelineReducer.open`, `mergeNewest` …) the way `send` reduces an action: `effects`
    /// must equal what it returns, and `change` applied to the state before must give the state after.
    mutating func call(_ name: String, effects expected: [Effect] = [], sourceLocation: SourceLocation = #_sourceLocation,
                       _ body: (inout AppState) -> [Effect], _ change: (inout AppState) -> Void = { _ in }) {
        var expectedState = state
        change(&expectedState)
        var effects: [Effect] = []
        arrange { effects = body(&$0) }
        #expect(effects == expected, "effects of \(name)", sourceLocation: sourceLocation)
        if state != expectedState {
            let paths = StateDiff.paths(expected: expectedState, actual: state)
            Issue.record("state after \(name) differs from the stated change at: \(paths.joined(separator: ", "))\n\(paths.prefix(3).map { StateDiff.describe($0, expected: expectedState, actual: state) }.joined(separator: "\n"))",
                         sourceLocation: sourceLocation)
        }
    }
}

/// Builders for the timeline, transcript and compose tests.
enum TL {
    static let line = "+14155550100"
    static let key = Make.key("+14155551234", on: line)
    static let other = Make.key("+14155559876", on: line)
    static let v1Key = Make.key("+14155551234", on: line, id: "cnt-7")

    static func request(_ key: ConversationKey = key, page: Int, source: InboxSource = .conversations) -> TimelineRequest {
        TimelineRequest(key: key, source: source, page: page, size: 50)
    }

    static func out(_ id: String, at minutes: Double, _ text: String, status: String? = "SENT") -> TimelineItem {
        Make.sms(id, at: minutes, text, inbound: false, status: status)
    }

    /// A v2 key with every scope, `line` selected, the clock at minute 100.
    static func base(source: InboxSource = .conversations,
                     scopes: [String] = ["CONVERSATIONS_READ", "SMS_SEND", "PHONE_NUMBERS_READ"]) -> AppState {
        var state = AppState()
        state.session.identity = .loaded(Identity(apiKeyID: "key-1", scopes: scopes))
        state.session.hasV2 = true
        state.numbers.list = .loaded([NumberInfo(number: line), NumberInfo(number: "+33612345678", country: "FR")])
        state.numbers.selected = line
        state.inbox.alloNumber = line
        state.inbox.source = source
        state.status.now = Make.date(100)
        return state
    }

    /// `items` (oldest first) loaded for `key`, the newest selected, `nextOlderPage` behind them.
    static func loaded(_ items: [TimelineItem], key: ConversationKey = key, next: Int? = 2, viewport: Int = 20,
                       into state: AppState = base()) -> AppState {
        var state = state
        state.timeline.key = key
        state.timeline.source = state.inbox.source
        state.timeline.items = Deque(items)
        state.timeline.ids = Set(items.map(\.id))
        state.timeline.nextOlderPage = next
        state.timeline.cursor = ListCursor(selected: 0, offset: 0, viewport: viewport)
        state.timeline.cursor.select(items.count - 1, count: items.count)
        return state
    }

    /// The ids of the timeline, oldest first.
    static func ids(_ state: AppState) -> [String] { state.timeline.items.map(\.id) }

    /// Validation of a sendable text.
    static func valid(_ text: String) -> ComposeValidation {
        ComposeValidation(problems: [], segments: SMSSegments.count(text))
    }

    static let emptyText = ComposeValidation(problems: ["the message is empty"], segments: SMSSegments.count(""))

    static let serverError = ErrorInfo(AlloError.http(HTTPFailure(status: 502, code: "BAD_GATEWAY", message: "Bad gateway")))
    static let rateLimited = ErrorInfo(AlloError.http(HTTPFailure(status: 429, code: "RATE_LIMIT_EXCEEDED",
                                                                  message: "Too many requests")))
    static let timeout = ErrorInfo(kind: .timeout, message: "no answer within 30 seconds", hint: "check the connection",
                                   mayHaveBeenDone: true)
}

