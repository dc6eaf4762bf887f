// OWNER: helper B (replace this placeholder body; keep the entry points' signatures).
enum TimelineReducer {
    static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] { [] }
    /// Opens `key` in the timeline (clearing the previous one) and asks for its newest page.
    static func open(_ key: ConversationKey, in state: inout AppState) -> [Effect] { [] }
    /// Empties the timeline (another number was selected).
    static func close(in state: inout AppState) {}
    /// Moves the timeline selection; near the top, asks for the older page.
    static func move(by delta: Int, in state: inout AppState) -> [Effect] { [] }
    /// Merges the newest items of the open conversation from a refresh; returns how many inbound items were new.
    static func mergeNewest(_ items: [TimelineItem], for key: ConversationKey, in state: inout AppState) -> Int { 0 }
}
