import AlloKit
@testable import AlloStore
import Foundation

/// Builders for the reducer tests of numbers, inbox, search, live, session, navigation and status.
enum Fx {
    static let n1 = "+14155550100"
    static let n2 = "+14155550200"
    static let allScopes = ["CONVERSATIONS_READ", "CONTACTS_READ", "SMS_SEND", "PHONE_NUMBERS_READ"]

    static func contact(_ index: Int) -> String { "+1212555" + String(format: "%04d", index) }

    /// Conversation `index` on `number` (v2 key; a v1 key carries the contact id `cnt-index`).
    static func entry(_ index: Int, on number: String = n1, title: String? = nil, minutes: Double = 0,
                      unread: Bool = false, archived: Bool = false, v1: Bool = false) -> InboxEntry {
        InboxEntry(key: ConversationKey(alloNumber: number, contactNumber: contact(index), contactID: v1 ? "cnt-\(index)" : nil),
                   title: title ?? "Contact \(index)", lastActivity: Make.date(minutes), snippet: "hi \(index)",
                   unread: unread, archived: archived)
    }

    static func entries(_ range: Range<Int>, on number: String = n1, v1: Bool = false) -> [InboxEntry] {
        range.map { entry($0, on: number, minutes: -Double($0), v1: v1) }
    }

    static func http(_ status: Int, code: String? = nil, scopes: [String] = [], retryAfter: Duration? = nil) -> ErrorInfo {
        ErrorInfo(kind: .http(status: status), code: code, message: "HTTP \(status)",
                  hint: ErrorInfo.hint(status: status, code: code, scopes: scopes, retryAfter: retryAfter),
                  requiredScopes: scopes, retryAfter: retryAfter)
    }

    static let network = ErrorInfo(kind: .network, message: "connection refused", hint: "offline? allo retries on its own")
    static let timeout = ErrorInfo(kind: .timeout, message: "no answer within 30 seconds", hint: "check the connection",
                                   mayHaveBeenDone: true)
    static let undecodable = ErrorInfo(kind: .undecodable, message: "<html>", hint: "the API answered something unexpected")
    static let scope403 = http(403, code: "API_KEY_INSUFFICIENT_SCOPE", scopes: ["PHONE_NUMBERS_READ"])

    static func toast(_ id: Int, _ error: ErrorInfo) -> Toast {
        Toast(id: id, level: .error, text: error.message, code: error.code, hint: error.hint)
    }

    static func numbers(_ list: String...) -> [NumberInfo] { list.map { NumberInfo(number: $0) } }

    static func seconds(_ value: Double) -> Date { Make.t0.addingTimeInterval(value) }

    /// Started at `Make.t0`, `/me` answered with `scopes` (or 404 for v1), numbers n1 and n2 loaded (n1 selected),
    /// and a first inbox page of `count` entries with `nextPage` behind it.
    static func ready(scopes: [String]? = allScopes, count: Int = 10, nextPage: Int? = 2) -> AppState {
        var state = AppState()
        _ = reduce(into: &state, action: .started(Make.t0))
        if let scopes {
            _ = reduce(into: &state, action: .sessionLoaded(Identity(apiKeyID: "key-1", scopes: scopes)))
        } else {
            _ = reduce(into: &state, action: .sessionFailed(http(404)))
        }
        let source: NumberSource = state.session.capabilities.numberSource
        _ = reduce(into: &state, action: .numbersLoaded(source, numbers(n1, n2), senderIDs: []))
        let inboxSource = state.inbox.source
        let first = inboxSource == .conversations ? 1 : 0
        _ = reduce(into: &state, action: .inboxPageLoaded(
            InboxRequest(alloNumber: n1, source: inboxSource, page: first),
            entries(0..<count, v1: inboxSource == .contacts), nextPage: nextPage))
        return state
    }

    /// What B's reducers do when a conversation opens, applied the way `InboxReducer.open` applies them.
    static func applyOpen(_ key: ConversationKey, to state: inout AppState) -> [Effect] {
        state.navigation.focus = .timeline
        return TimelineReducer.open(key, in: &state) + ComposeReducer.conversationChanged(to: key, in: &state)
    }

    /// What B's reducers do when another number is selected after one was shown.
    static func applyLeave(to state: inout AppState) -> [Effect] {
        TimelineReducer.close(in: &state)
        return ComposeReducer.conversationChanged(to: nil, in: &state)
    }
}
