// OWNER: helper B (replace this placeholder body; keep the entry points' signatures).
enum TranscriptReducer {
    static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] { [] }
    /// Opens the transcript of the call `item` (from the item itself when it carries one, else by loading it).
    static func open(_ item: TimelineItem, in state: inout AppState) -> [Effect] { [] }
    /// Moves the transcript's selection.
    static func move(by delta: Int, in state: inout AppState) {}
}
