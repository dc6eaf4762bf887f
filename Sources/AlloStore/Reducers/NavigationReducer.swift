// OWNER: helper A (replace this placeholder).
enum NavigationReducer {
    static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] { [] }
}
