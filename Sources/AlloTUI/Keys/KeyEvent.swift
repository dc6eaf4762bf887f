/// A key as the terminal layer reads it, before the key map gives it meaning.
public enum KeyEvent: Equatable, Hashable, Sendable {
    /// A printable character (already decoded from UTF-8).
    case character(Character)
    /// Ctrl with a letter: `.control("c")` is Ctrl-C.
    case control(Character)
    /// Alt (Meta) with a character, read as Esc followed by it.
    case alt(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case enter, escape, tab, backTab, backspace, delete
    /// Alt-Enter (a new line in compose).
    case altEnter
    case function(Int)
    /// Text pasted with bracketed paste, whole.
    case paste(String)
}
