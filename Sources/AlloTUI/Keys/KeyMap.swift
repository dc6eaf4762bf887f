public import AlloStore

// OWNER: the panes helper (replace this placeholder body; keep the signature).
/// Turns a key into the actions it means where the focus is. Pure: a table from (context, key) to actions.
public enum KeyMap {
    public static func actions(for key: KeyEvent, in state: AppState) -> [Action] { [] }
}
