import Synchronization

/// `Markdown.oneLine` and `Markdown.lines` of texts cached by text (and width and grapheme mode, which wrapping depends on), so panes redrawn every frame parse a
/// summary once. Bounded: a table that reaches `capacity` entries is emptied and fills again. Safe to share between
/// threads; `MarkdownCache.shared` is what panes use.
public final class MarkdownCache: Sendable {
    private struct Key: Hashable {
        var text: String
        var width: Int
        var mode: GraphemeMode
    }

    private struct Storage {
        var oneLines: [String: String] = [:]
        var lines: [Key: [Markdown.Line]] = [:]
    }

    private let storage = Mutex(Storage())
    public let capacity: Int

    public static let shared = MarkdownCache()

    public init(capacity: Int = 1024) {
        self.capacity = max(1, capacity)
    }

    /// `Markdown.oneLine(text)`, cached.
    public func oneLine(_ text: String) -> String {
        if let found = storage.withLock({ $0.oneLines[text] }) { return found }
        let line = Markdown.oneLine(text)
        storage.withLock { storage in
            if storage.oneLines.count >= capacity { storage.oneLines = [:] }
            storage.oneLines[text] = line
        }
        return line
    }

    /// `Markdown.lines(text, width:)`, cached.
    public func lines(_ text: String, width: Int) -> [Markdown.Line] {
        let key = Key(text: text, width: width, mode: TextWidth.mode)
        if let found = storage.withLock({ $0.lines[key] }) { return found }
        let lines = Markdown.lines(text, width: width)
        storage.withLock { storage in
            if storage.lines.count >= capacity { storage.lines = [:] }
            storage.lines[key] = lines
        }
        return lines
    }
}
