public import Foundation

/// A call as `GET /v1/api/calls` and a contact's conversation return it (contract §6.1).
public struct Call: Codable, Sendable, Hashable, Identifiable {
    /// The call's id, e.g. `call_abc123`; opaque.
    public var id: String
    /// E.164, or the literal `anonymous`.
    public var fromNumber: String?
    /// The number called, E.164 (`to_number` on the wire).
    public var toNumber: String?
    /// The length in minutes, fractional, e.g. `2.5` (`length_in_minutes` on the wire); see `durationSeconds`.
    public var lengthInMinutes: Double?
    /// The direction (the API calls it `type`).
    public var direction: Direction?
    /// How the call ended; unknown values are kept as `.unknown`. Nil when absent (the docs' example leaves it out).
    public var result: CallResult?
    /// The AI summary of the call.
    public var summary: String?
    /// The call's single tag or category, e.g. `sales`.
    public var tag: String?
    /// Present in some responses (the docs' conversation example); not in the schema.
    public var tags: [String]?
    /// The recording's address (`recording_url` on the wire); nil when there is no recording.
    public var recordingURL: String?
    /// When the call started (`start_date` on the wire).
    public var startDate: Date?
    /// The transcript rows, in order; nil when there is none.
    public var transcript: [TranscriptEntry]?

    /// Builds a call, for tests and previews; the API builds them when decoding.
    public init(id: String, fromNumber: String? = nil, toNumber: String? = nil, lengthInMinutes: Double? = nil,
                direction: Direction? = nil, result: CallResult? = nil, summary: String? = nil, tag: String? = nil,
                tags: [String]? = nil, recordingURL: String? = nil, startDate: Date? = nil, transcript: [TranscriptEntry]? = nil) {
        self.id = id
        self.fromNumber = fromNumber
        self.toNumber = toNumber
        self.lengthInMinutes = lengthInMinutes
        self.direction = direction
        self.result = result
        self.summary = summary
        self.tag = tag
        self.tags = tags
        self.recordingURL = recordingURL
        self.startDate = startDate
        self.transcript = transcript
    }

    enum CodingKeys: String, CodingKey {
        case id, summary, tag, tags, result, transcript
        case fromNumber = "from_number", toNumber = "to_number", lengthInMinutes = "length_in_minutes"
        case direction = "type", recordingURL = "recording_url", startDate = "start_date"
    }

    /// The length in whole seconds, when known.
    public var durationSeconds: Int? { lengthInMinutes.map { Int(($0 * 60).rounded()) } }
}

/// One transcript row: who spoke, when, and what.
public struct TranscriptEntry: Codable, Sendable, Hashable {
    /// Who spoke; a missing or unknown speaker is `.unknown`.
    public var source: Speaker
    /// What was said; empty when absent.
    public var text: String
    /// When it was said.
    public var time: Date?
    /// Seconds from the start of the call.
    public var startSeconds: Double?
    /// Seconds from the start of the call to the end of the row (`end_seconds` on the wire).
    public var endSeconds: Double?

    /// Builds a transcript row, for tests and previews; the API builds them when decoding.
    public init(source: Speaker, text: String, time: Date? = nil, startSeconds: Double? = nil, endSeconds: Double? = nil) {
        self.source = source
        self.text = text
        self.time = time
        self.startSeconds = startSeconds
        self.endSeconds = endSeconds
    }

    enum CodingKeys: String, CodingKey {
        case source, text, time
        case startSeconds = "start_seconds", endSeconds = "end_seconds"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        source = try container.decodeIfPresent(Speaker.self, forKey: .source) ?? .unknown("")
        text = try container.decodeIfPresent(String.self, forKey: .text) ?? ""
        time = try container.decodeIfPresent(Date.self, forKey: .time)
        startSeconds = try container.decodeIfPresent(Double.self, forKey: .startSeconds)
        endSeconds = try container.decodeIfPresent(Double.self, forKey: .endSeconds)
    }
}
