// OWNER: helper A (replace this placeholder).
enum SearchReducer {
    static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] { [] }
}
