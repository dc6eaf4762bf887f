// OWNER: helper A (replace this placeholder body; keep the entry points' signatures).
enum StatusReducer {
    static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] { [] }
    /// Shows `error` as a toast (code and hint) and notes connectivity: a network error marks the app offline.
    static func report(_ error: ErrorInfo, in state: inout AppState) {}
    /// Shows an informational toast.
    static func notify(_ text: String, level: Toast.Level = .info, in state: inout AppState) {}
    /// Any successful answer: the app is online.
    static func markOnline(in state: inout AppState) {}
}
