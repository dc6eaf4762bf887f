/// A one-line prompt on the message line that has the keyboard until Enter or Esc.
public enum InputMode: Equatable, Sendable {
    /// `/` in the inbox: typing edits `inbox.filter` live; Enter keeps it, Esc clears it.
    case filter
    /// `/` in the transcript: typing edits `transcript.query` live; Enter keeps it (and goes to the current match),
    /// Esc clears it.
    case transcriptSearch
    /// `C`: the number to write to, typed in `navigation.inputText`; Enter sets it as the compose recipient.
    case recipient
    /// Ctrl-C while a send is in flight: `y` quits anyway, anything else stays.
    case confirmQuit
    /// `R` on an unknown send: "This SMS may already have been delivered. Send again? [y/N]"; `y` sends it again.
    case confirmResend(outboxID: Int)
}

/// One editing step in a text field (the compose box), applied at its cursor.
public enum TextEdit: Equatable, Sendable {
    /// Typed or pasted text.
    case insert(String)
    case deleteBackward, deleteForward
    /// Deletes the word before the cursor (Ctrl-W).
    case deleteWordBackward
    case left, right
    /// To the start or end of the previous or next word.
    case wordLeft, wordRight
    /// To the start or end of the line the cursor is on.
    case home, end
    /// To the same column on the previous or next line (hard lines).
    case up, down
}
