/// Who the key is and what it may do (`GET /v2/api/me`), and the fallback to v1 when the server has no v2.
///
/// - Loaded: v2 is on; notices name what the key's scopes leave out; the inbox source and the numbers source follow
///   the capabilities (a key without `PHONE_NUMBERS_READ` lists numbers from v1 and still reads v2 conversations).
/// - 401: the key was refused: nothing more is asked; a notice and an error toast say so.
/// - Offline, timeout, 429, 5xx: transient; the live schedule asks `/me` again (backing off, honouring a 429's wait).
/// - Any other answer (404, another 4xx, an unreadable body): a server without v2; the client runs on v1.
enum SessionReducer {
    static let refusedNotice = "The API key was refused; check it in Settings > API"
    static let noV2Notice = "This server has no v2 API: search, read state and unread counts are off"

    static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .sessionLoaded(let identity):
            state.session.identity = .loaded(identity)
            state.session.hasV2 = true
            let capabilities = state.session.capabilities
            state.session.notices = notices(capabilities)
            state.inbox.source = capabilities.inboxSource
            StatusReducer.markOnline(in: &state)
            LiveReducer.recovered(&state)
            state.live.nextRefreshAt = nil
            state.numbers.list.startLoading()
            return [.loadNumbers(capabilities.numberSource)]

        case .sessionFailed(let error):
            state.session.identity.fail(error)
            if error.kind == .cancelled { return [] }
            if error.kind == .http(status: 401) {
                state.session.notices = [refusedNotice]
                StatusReducer.report(error, in: &state)
                return []
            }
            if error.isTransient {
                LiveReducer.backOff(after: error, in: &state)
                return []
            }
            StatusReducer.markOnline(in: &state)
            state.session.hasV2 = false
            state.session.notices = [noV2Notice]
            state.inbox.source = .contacts
            state.numbers.list.startLoading()
            return [.loadNumbers(.v1)]

        default:
            return []
        }
    }

    /// What the key's scopes leave out, in words.
    static func notices(_ capabilities: Capabilities) -> [String] {
        var notices: [String] = []
        if !capabilities.has("CONVERSATIONS_READ") { notices.append("Inbox and calls need CONVERSATIONS_READ") }
        if capabilities.inboxSource == .contacts, !capabilities.has("CONTACTS_READ") {
            notices.append("Contacts need CONTACTS_READ")
        }
        if !capabilities.has("PHONE_NUMBERS_READ") {
            notices.append("Sender IDs and number capabilities need PHONE_NUMBERS_READ")
        }
        if !capabilities.canSend { notices.append("Sending needs SMS_SEND") }
        return notices
    }
}
