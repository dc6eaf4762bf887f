import AlloTUI

/// Text from the API made safe to print: control characters and escape sequences become visible placeholders
/// (`␛`, `␇`, `�`), as the client draws them, so a contact's name or a message cannot drive the terminal that shows
/// it. Newlines stay. Every human line of `Output` and every error line goes through here; JSON needs nothing (its
/// encoder escapes controls).
enum TerminalText {
    static func safe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n") || (0x7F..<0xA0).contains($0.value) })
        else { return text }
        return String(text.map { $0 == "\n" ? $0 : Canvas.visible($0) })
    }
}
