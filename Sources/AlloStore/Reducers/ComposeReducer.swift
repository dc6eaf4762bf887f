// OWNER: helper B (replace this placeholder body; keep the entry points' signatures).
enum ComposeReducer {
    static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] { [] }
    /// The open conversation changed: the current text is kept as the old conversation's draft, the new one's draft
    /// and recipient come in, and the sender defaults to the conversation's Allo number.
    static func conversationChanged(to key: ConversationKey?, in state: inout AppState) -> [Effect] { [] }
}
