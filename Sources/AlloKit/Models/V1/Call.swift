public import Foundation

/// A call as `GET /v1/api/calls` and a contact's conversation return it (contract §6.1).
public struct Call: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    /// E.164, or the literal `anonymous`.
    public var fromNumber: String?
    public var toNumber: String?
    public var lengthInMinutes: Double?
    /// The direction (the API calls it `type`).
    public var direction: Direction?
    public var result: CallResult?
    public var summary: String?
    public var tag: String?
    /// Present in some responses (the docs' conversation example); not in the schema.
    public var tags: [String]?
    public var recordingURL: String?
    public var startDate: Date?
    public var transcript: [TranscriptEntry]?

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
    public var source: Speaker
    public var text: String
    public var time: Date?
    /// Seconds from the start of the call.
    public var startSeconds: Double?
    public var endSeconds: Double?

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
