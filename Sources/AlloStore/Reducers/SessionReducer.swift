// OWNER: helper A (replace this placeholder).
enum SessionReducer {
    static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] { [] }
}
