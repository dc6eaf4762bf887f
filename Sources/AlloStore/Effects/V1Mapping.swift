public import AlloKit
import Foundation

// v1 models (`/v1/api/…`) into the store's values.

extension TimelineItem {
    /// A v1 conversation entry; nil for an entry of a type this build does not know.
    public init?(_ entry: ConversationEntry) {
        switch entry {
        case .call(let call): self.init(call)
        case .message(let message): self.init(message)
        case .unknown: return nil
        }
    }

    /// A v1 call, with its transcript when the API sent one.
    public init(_ call: Call) {
        let direction = Direction(call.direction)
        let info = CallInfo(result: call.result?.wireValue, durationSeconds: call.durationSeconds, summary: call.summary,
                            tag: call.tag ?? call.tags?.first, recordingURL: call.recordingURL,
                            transcript: call.transcript.map { TranscriptRow.rows($0, callStart: call.startDate) })
        self.init(id: call.id, date: call.startDate ?? .distantPast, direction: direction, content: .call(info),
                  contactNumber: direction == .outbound ? call.toNumber : call.fromNumber)
    }

    /// A v1 text message. v1 gives messages no id, so one is derived from what the message holds: the same message read
    /// twice (two pages, a refresh) gets the same id, and the timeline does not show it twice.
    public init(_ message: TextMessage, id: String? = nil) {
        let direction = Direction(message.direction)
        let date = message.startDate ?? .distantPast
        let derived = "v1sms-" + String(StableHash.of([
            String(date.timeIntervalSince1970), message.fromNumber ?? message.senderID ?? "", message.toNumber ?? "",
            message.direction?.wireValue ?? "", message.content ?? "",
        ]), radix: 36)
        self.init(id: id ?? derived, date: date, direction: direction,
                  content: .sms(SMSInfo(text: message.content ?? "", delivery: .api(nil))),
                  contactNumber: direction == .outbound ? message.toNumber : message.fromNumber)
    }
}

extension TimelineItem.Direction {
    init(_ direction: AlloKit.Direction?) {
        switch direction {
        case .inbound: self = .inbound
        case .outbound: self = .outbound
        case .unknown, nil: self = .unknown
        }
    }
}

extension TranscriptRow {
    /// v1 entries carry `start_seconds` from the call's start; older payloads only a wall-clock `time`.
    static func rows(_ entries: [TranscriptEntry], callStart: Date?) -> [TranscriptRow] {
        entries.map { entry in
            var offset = entry.startSeconds
            if offset == nil, let time = entry.time, let callStart { offset = max(0, time.timeIntervalSince(callStart)) }
            return TranscriptRow(speaker: Speaker(entry.source), offsetSeconds: offset, text: entry.text)
        }
    }
}

extension TranscriptRow.Speaker {
    init(_ speaker: AlloKit.Speaker) {
        switch speaker {
        case .user: self = .user
        case .external: self = .external
        case .agent: self = .agent
        case .unknown(let value): self = .other(value)
        }
    }
}

extension InboxEntry {
    /// A v1 contact, listed under `alloNumber` (v1 contacts belong to the account, not to a number). The conversation
    /// is with the contact's first number; a contact without numbers cannot be texted but its history still opens.
    public init(_ contact: Contact, alloNumber: String) {
        self.init(key: ConversationKey(alloNumber: alloNumber, contactNumber: contact.numbers.first ?? "", contactID: contact.id),
                  title: contact.displayName, lastActivity: contact.lastActivityDate,
                  archived: contact.isArchived)
    }
}

extension NumberInfo {
    /// A v1 Allo number; nil when it has no number. v1 says nothing of capabilities: SMS is assumed.
    public init?(_ number: AlloNumber) {
        guard let value = number.number, !value.isEmpty else { return nil }
        self.init(number: value, name: number.name, country: number.country, canText: true, isShared: number.isSharedNumber)
    }
}

/// FNV-1a, 64 bits: the same on every run and platform (Swift's `Hasher` is seeded per process).
enum StableHash {
    static func of(_ parts: [String]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in part.utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
            hash ^= 0x1f
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}
