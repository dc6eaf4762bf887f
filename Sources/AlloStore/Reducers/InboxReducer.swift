// OWNER: helper A (replace this placeholder).
enum InboxReducer {
    static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] { [] }
}
