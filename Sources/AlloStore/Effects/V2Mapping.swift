public import AlloKit
import Foundation

// v2 models (`/v2/api/…`) into the store's values.

extension TimelineItem {
    /// A v2 call or message. A call's transcript comes along when the item was fetched with `extend=transcript`.
    /// An item of a type this build does not know is shown as a message when it has text, else as a call.
    public init(_ item: ConversationItem) {
        let date = item.date ?? .distantPast
        let isCall: Bool = switch item.type {
        case .call: true
        case .sms: false
        case .unknown: item.content == nil
        }
        let content: Content = isCall
            ? .call(CallInfo(result: item.result?.wireValue, durationSeconds: item.duration, summary: item.summary,
                             tag: item.tags.first, recordingURL: item.recordingURL, handledBy: item.user?.name,
                             transcript: item.transcript.map { TranscriptRow.rows($0, callStart: item.date) }))
            : .sms(SMSInfo(text: item.content ?? "", delivery: .api(item.status?.wireValue)))
        self.init(id: item.id, date: date, direction: Direction(item.direction), content: content,
                  contactNumber: item.contactNumber)
    }
}

extension TimelineItem.Direction {
    init(_ direction: ItemDirection?) {
        switch direction {
        case .inbound: self = .inbound
        case .outbound: self = .outbound
        case .unknown, nil: self = .unknown
        }
    }
}

extension TranscriptRow {
    /// v2 lines carry a wall-clock `time`; the offset is counted from the call's `date`.
    static func rows(_ lines: [ItemTranscriptLine], callStart: Date?) -> [TranscriptRow] {
        lines.map { line in
            var offset: Double? = nil
            if let time = line.time, let callStart { offset = max(0, time.timeIntervalSince(callStart)) }
            return TranscriptRow(speaker: Speaker(line.source), offsetSeconds: offset, text: line.text)
        }
    }
}

extension TranscriptRow.Speaker {
    init(_ speaker: ItemSpeaker) {
        switch speaker {
        case .user: self = .user
        case .external: self = .external
        case .agent: self = .agent
        case .unknown(let value): self = .other(value)
        }
    }
}

extension Transcript {
    /// The transcript of a v2 call fetched with `extend=transcript`; empty rows when it has none.
    public init(_ item: ConversationItem) {
        self.init(rows: TranscriptRow.rows(item.transcript ?? [], callStart: item.date), summary: item.summary,
                  recordingURL: item.recordingURL)
    }
}

extension InboxEntry {
    /// A v2 conversation on `alloNumber`. The list does not say whether it is unread, so `unread` is what the caller knows.
    public init(_ summary: ConversationSummary, alloNumber: String, unread: Bool = false) {
        let name = summary.contacts.lazy.compactMap(\.name).first { !$0.isEmpty }
        let snippet = summary.lastItem.map(Self.snippet)
        self.init(key: ConversationKey(alloNumber: alloNumber, contactNumber: summary.contactNumber),
                  title: name ?? summary.contactNumber, lastActivity: summary.lastActivity ?? summary.lastItem?.date,
                  snippet: snippet?.text, snippetIsSummary: snippet?.isSummary ?? false, unread: unread)
    }

    /// The start of the last SMS, or the last call's summary or result. A summary is kept whole (Markdown is read as a
    /// whole, and summaries are a few lines), up to 2,000 characters.
    static func snippet(_ item: ConversationItem) -> (text: String?, isSummary: Bool) {
        guard item.type == .call else { return (item.content.map { String($0.prefix(200)) }, false) }
        if let summary = item.summary { return (String(summary.prefix(2000)), true) }
        return (item.result.map { "Call: \($0.wireValue)" }, false)
    }
}

extension NumberInfo {
    /// A v2 line of type NUMBER; nil for a sender ID or a line without a number. v2 does not say whether a line is
    /// shared, so `isShared` is false.
    public init?(_ number: PhoneNumber) {
        guard number.type == .number, let value = number.number, !value.isEmpty else { return nil }
        self.init(number: value, name: number.name, country: number.country, canText: number.canText)
    }
}

extension Identity {
    public init(_ me: Me) {
        self.init(apiKeyID: me.apiKeyID, scopes: me.scopes, teamName: me.team?.name,
                  readsPerSecond: me.rateLimits.readPerSecond, writesPerSecond: me.rateLimits.writePerSecond)
    }
}
