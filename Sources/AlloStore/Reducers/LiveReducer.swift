// OWNER: helper A (replace this placeholder).
enum LiveReducer {
    static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] { [] }
}
