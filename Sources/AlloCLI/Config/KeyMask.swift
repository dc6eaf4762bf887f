/// A key as it may be shown: its kind and its last four characters (`ak_live_…a1b2`), never more.
enum KeyMask {
    static func mask(_ key: String) -> String {
        let prefix = key.range(of: "_", options: .backwards).map { String(key[..<$0.upperBound]) } ?? ""
        // Short keys show nothing of themselves: four characters of eight would be half the secret.
        let tail = key.count - prefix.count >= 16 ? String(key.suffix(4)) : ""
        return (prefix.count <= 12 ? prefix : "") + "…" + tail
    }
}
