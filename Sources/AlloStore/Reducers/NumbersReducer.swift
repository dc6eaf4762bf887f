// OWNER: helper A (replace this placeholder).
enum NumbersReducer {
    static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] { [] }
}
