/// The message line and the status bar: toasts, the last rate-limit reading, connectivity.
///
/// Toasts carry no time: they stay until dismissed (`toastDismissed` removes the newest) or pushed out by newer ones
/// (at most `maxToasts` are kept, the oldest leave first). The message line shows the newest, so a stale one is never
/// shown over a fresh one, and a tick never changes the toasts (no redraw while idle).
enum StatusReducer {
    /// How many toasts are kept; older ones are dropped.
    static let maxToasts = 20

    static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .toastDismissed:
            if !state.status.toasts.isEmpty { state.status.toasts.removeLast() }
        case .rateLimitObserved(let info):
            state.status.rateLimit = info
        case .noticePosted(let text, let level):
            notify(text, level: level, in: &state)
        default:
            break
        }
        return []
    }

    /// Shows `error` as a toast (code and hint) and notes connectivity: a network error marks the app offline.
    ///
    /// The toast is `Toast(level: .error, text: error.message, code: error.code, hint: error.hint)`. A network error sets
    /// `status.offlineSince` to `status.now` unless already offline. A cancelled request shows nothing (the app asked).
    static func report(_ error: ErrorInfo, in state: inout AppState) {
        if error.kind == .cancelled { return }
        if error.isOffline, state.status.offlineSince == nil { state.status.offlineSince = state.status.now }
        push(Toast(id: 0, level: .error, text: error.message, code: error.code, hint: error.hint), in: &state)
    }

    /// Shows an informational toast.
    static func notify(_ text: String, level: Toast.Level = .info, in state: inout AppState) {
        push(Toast(id: 0, level: level, text: text), in: &state)
    }

    /// Any successful answer: the app is online.
    static func markOnline(in state: inout AppState) {
        if state.status.offlineSince != nil { state.status.offlineSince = nil }
    }

    private static func push(_ toast: Toast, in state: inout AppState) {
        var toast = toast
        toast.id = state.status.nextToastID
        state.status.nextToastID += 1
        state.status.toasts.append(toast)
        if state.status.toasts.count > maxToasts {
            state.status.toasts.removeFirst(state.status.toasts.count - maxToasts)
        }
    }
}
