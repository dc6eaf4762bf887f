/// What both API versions show of an item beyond its stored fields: transcript rows, summary, recording, status.
struct TranscriptRow: Sendable {
    var source: String
    var text: String
    var start: Double
    var end: Double
}

extension World {
    func transcript(of item: Item) -> [TranscriptRow]? {
        guard let script = item.script else { return nil }
        let content = SeedContent.callScripts[script]
        let user = item.user.map { users[$0].firstName }
        return content.lines.map {
            TranscriptRow(source: $0.speaker.rawValue, text: SeedText.fill($0.text, user: user, language: content.language),
                          start: $0.start, end: $0.end)
        }
    }

    func summary(of item: Item) -> String? {
        if let summary = item.summary { return summary }
        guard let script = item.script else { return nil }
        let content = SeedContent.callScripts[script]
        return SeedText.fill(content.summary, user: item.user.map { users[$0].firstName }, language: content.language)
    }

    func recordingURL(of item: Item, party: Party) -> String? {
        guard item.kind == .call, let duration = item.duration, duration > 0,
              [.answered, .voicemail, .transferredAI, .transferredExternal].contains(item.result) else { return nil }
        return "https://storage.withallo.com/recordings/\(ItemID.v2(item, party: party)).mp3"
    }

    /// A sent SMS reports SENT for two seconds, then DELIVERED (or FAILED for numbers that cannot receive).
    func status(of item: Item, now: Int64) -> String? {
        guard item.kind == .sms, let status = item.status else { return nil }
        guard status == "SENT", now - item.date >= 2 else { return status }
        return item.failsDelivery ? "FAILED" : "DELIVERED"
    }

    /// (from, to) as v1 reports them; a sender-ID message has no `from_number`.
    func endpoints(of item: Item, party: Party) -> (from: String?, to: String?) {
        let ours = lines[item.line].number
        return item.direction == .inbound ? (party.number, ours) : (ours, party.number)
    }

    /// Words searched by `POST /v2/api/conversations/items/search`: transcript, summary and SMS text. Calls share
    /// their words with every call of the same script and user, so they are worked out once per pair.
    mutating func searchWords(of item: Item) -> [String] {
        let key = item.kind == .sms ? item.content ?? "" : "\u{0}\(item.script ?? -1)\u{0}\(item.user ?? -1)\u{0}\(item.summary ?? "")"
        if let words = searchWordCache[key] { return words }
        var text = item.kind == .sms ? item.content ?? "" : summary(of: item) ?? ""
        if item.kind == .call { for row in transcript(of: item) ?? [] { text += " " + row.text } }
        let words = SearchText.words(text)
        if searchWordCache.count > 100_000 { searchWordCache.removeAll() }
        searchWordCache[key] = words
        return words
    }
}
