/// Texts that hold every kind of grapheme cluster the client must lay out without moving a border: ZWJ sequences,
/// skin tones, flags and a lone regional indicator, keycaps, VS15 and VS16, combining marks in Latin and Devanagari,
/// Hangul jamo and syllables, CJK and fullwidth forms, right-to-left text and the bidirectional controls.
public enum GraphemeSamples {
    public static let texts: [String] = [
        "Famille 👨‍👩‍👧 et 👨‍👩‍👧‍👦, métiers 👩‍💻 🧑🏽‍🔧, fierté 🏳️‍🌈 fin",
        "Bravo 👍🏽 👋🏿 — drapeaux 🇫🇷 🇯🇵 et un seul 🇫 indicateur",
        "Touches 1️⃣ 2️⃣ #️⃣ — VS16 ❤️ ☺️ — VS15 ⌚︎ ☂︎ fin",
        "Accents cafe\u{301} e\u{301}te\u{301} — हिन्दी नमस्ते क्षि fin",
        "Hangul 한국어, jamo \u{1100}\u{1161}\u{11A8}\u{1112}\u{1161}\u{11AB} — CJK 你好世界 ｆｕｌｌｗｉｄｔｈ！",
        "RTL שלום עולם مرحبا — bidi \u{202E}override\u{202C} \u{2067}isolate\u{2069} \u{200F}rlm fin",
    ]
}
