import AlloKit
import AlloTUI
import Foundation

/// A call's transcript in one form for both API versions, and its text and markdown renderings.
struct CallTranscript: Sendable {
    struct Line: Sendable, Equatable {
        var speaker: String
        /// Seconds from the start of the call; nil when the API gives no time.
        var offset: Double?
        var text: String
    }

    /// The lines exactly as the API returned them, for `--format json`.
    enum Raw: Sendable {
        case v1([TranscriptEntry])
        case v2([ItemTranscriptLine])
    }

    var callID: String
    var date: Date?
    var direction: String
    var result: String
    var durationSeconds: Int?
    /// The Allo user's side: a name when the API gives one, and the Allo number.
    var userName: String?
    var alloNumber: String?
    /// The other party: a contact name when the API gives one, and the number.
    var contactName: String?
    var contactNumber: String?
    /// The call's summary as the API gives it (Markdown).
    var summary: String?
    var lines: [Line]
    var raw: Raw

    static let agentLabel = "AI assistant"

    /// From a v1 call (`GET /v1/api/calls`); `line` is the Allo number it was found on.
    init(v1 call: Call, line: String) {
        callID = call.id
        date = call.startDate
        direction = V1Listing.word(call.direction)
        result = V1Listing.word(call.result)
        durationSeconds = call.durationSeconds
        alloNumber = line
        contactNumber = CallsSearch.otherParty(call, line: line)
        summary = call.summary
        let entries = call.transcript ?? []
        raw = .v1(entries)
        let start = call.startDate ?? entries.first?.time
        lines = []
        lines = entries.map { entry in
            Line(speaker: speakerLabel(entry.source.wireValue),
                 offset: entry.startSeconds ?? Self.seconds(from: start, to: entry.time), text: entry.text)
        }
    }

    /// From a v2 item fetched with its transcript.
    init(v2 item: ConversationItem) {
        callID = item.id
        date = item.date
        direction = V1Listing.word(item.direction)
        result = V1Listing.word(item.result)
        durationSeconds = item.duration
        userName = item.user?.name.flatMap { $0.isEmpty ? nil : $0 }
        alloNumber = item.alloNumber
        contactName = item.contacts.lazy.compactMap { $0.name }.first { !$0.isEmpty }
        contactNumber = item.contactNumber
        summary = item.summary
        let entries = item.transcript ?? []
        raw = .v2(entries)
        let start = item.date ?? entries.first?.time
        lines = []
        lines = entries.map { entry in
            Line(speaker: speakerLabel(entry.source.wireValue), offset: Self.seconds(from: start, to: entry.time),
                 text: entry.text)
        }
    }

    /// USER is the Allo user, EXTERNAL the other party, AGENT Allo's AI assistant.
    func speakerLabel(_ wire: String) -> String {
        switch wire.uppercased() {
        case "USER": return userName ?? alloNumber ?? "Allo user"
        case "EXTERNAL": return contactName ?? contactNumber ?? "Caller"
        case "AGENT": return Self.agentLabel
        case "": return "Unknown"
        default: return wire.lowercased()
        }
    }

    private static func seconds(from start: Date?, to time: Date?) -> Double? {
        guard let start, let time else { return nil }
        return max(0, time.timeIntervalSince(start))
    }

    /// `mm:ss`, or `h:mm:ss` from an hour on; `--:--` when unknown.
    static func offset(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite else { return "--:--" }
        let whole = Int(seconds.rounded(.down))
        if whole >= 3600 {
            return String(format: "%d:%02d:%02d", whole / 3600, (whole % 3600) / 60, whole % 60)
        }
        return String(format: "%02d:%02d", whole / 60, whole % 60)
    }

    /// "Eleanor Turner (+13124157110)", or the number alone.
    private static func party(_ name: String?, _ number: String?) -> String? {
        switch (name, number) {
        case let (name?, number?): return "\(name) (\(number))"
        case let (name?, nil): return name
        case let (nil, number?): return number
        default: return nil
        }
    }

    /// One line about the call, for stderr above the text form.
    var headline: String {
        var parts = ["call \(callID)"]
        if let other = Self.party(contactName, contactNumber) { parts.append("with \(other)") }
        if date != nil { parts.append(Formats.date(date)) }
        let details = [direction, result, Formats.duration(seconds: durationSeconds)].filter { !$0.isEmpty }
        if !details.isEmpty { parts.append(details.joined(separator: ", ")) }
        return parts.joined(separator: " · ")
    }

    /// `OFFSET  SPEAKER  text` per line, the speaker column aligned, the text wrapped to `width` (nil: unwrapped)
    /// with continuation lines under the text column.
    func text(width: Int?) -> [String] {
        let speakerWidth = lines.map { TextWidth.of($0.speaker) }.max() ?? 0
        return lines.flatMap { line in
            let prefix = Self.offset(line.offset) + "  " + line.speaker
                + String(repeating: " ", count: speakerWidth - TextWidth.of(line.speaker)) + "  "
            return Output.hanging(prefix, line.text, width: width)
        }
    }

    /// A heading with the call's date and participants, a few facts, then `**Speaker** (mm:ss): text` paragraphs:
    /// ready to paste into a document.
    func markdown() -> String {
        let other = Self.party(contactName, contactNumber)
        var heading = "## Call"
        if let other { heading += " with \(other)" }
        if date != nil { heading += " — \(Formats.date(date))" }
        var participants: [String] = []
        if let user = Self.party(userName, alloNumber) { participants.append(user) }
        if let other { participants.append(other) }
        if lines.contains(where: { $0.speaker == Self.agentLabel }) { participants.append(Self.agentLabel) }
        var facts: [String] = []
        if !participants.isEmpty { facts.append("- **Participants:** " + participants.joined(separator: ", ")) }
        let details = [direction, result, Formats.duration(seconds: durationSeconds)].filter { !$0.isEmpty }
        if !details.isEmpty { facts.append("- **Call:** " + details.joined(separator: ", ")) }
        facts.append("- **Id:** `\(callID)`")
        let body = lines.map { line in
            let text = line.text.components(separatedBy: .newlines).joined(separator: " ")
            return "**\(line.speaker)** (\(Self.offset(line.offset))): \(text)"
        }
        return ([heading, facts.joined(separator: "\n")] + body).joined(separator: "\n\n") + "\n"
    }
}
