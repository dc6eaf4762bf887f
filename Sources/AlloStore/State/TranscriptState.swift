/// The transcript of the selected call, with search inside it.
public struct TranscriptState: Equatable, Sendable {
    /// The call shown; a transcript for another call is stale.
    public var callID: String?
    public var transcript: Loadable<Transcript> = .idle
    public var cursor = ListCursor()
    /// Text searched within the transcript; empty for none.
    public var query = ""
    /// Row indices whose text contains `query` (case and accent insensitive), in order.
    public var matches: [Int] = []
    /// Which of `matches` is current.
    public var currentMatch = 0

    public init() {}
}

/// A call's transcript with its summary and recording.
public struct Transcript: Equatable, Sendable {
    public var rows: [TranscriptRow]
    public var summary: String?
    public var recordingURL: String?

    public init(rows: [TranscriptRow], summary: String? = nil, recordingURL: String? = nil) {
        self.rows = rows
        self.summary = summary
        self.recordingURL = recordingURL
    }
}
