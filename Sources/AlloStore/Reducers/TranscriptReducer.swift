import Foundation

/// The transcript of the selected call: shown from the item when it carries one, else loaded (v2), and searched
/// within (case and accent insensitive).
enum TranscriptReducer {
    static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .transcriptLoaded(let callID, let transcript):
            guard callID == state.transcript.callID else { return [] }
            state.transcript.transcript = .loaded(transcript)
            state.transcript.cursor.select(0, count: transcript.rows.count)
            findMatches(in: &state.transcript)
            StatusReducer.markOnline(in: &state)
            return []

        case .transcriptFailed(let callID, let error):
            guard callID == state.transcript.callID else { return [] }
            state.transcript.transcript.fail(error)
            StatusReducer.report(error, in: &state)
            return []

        case .transcriptClosed:
            reset(&state.transcript, callID: nil)
            if state.navigation.focus == .transcript { state.navigation.focus = .timeline }
            return []

        case .transcriptQueryChanged(let query):
            state.transcript.query = query
            findMatches(in: &state.transcript)
            return []

        case .transcriptMatchMoved(let delta):
            let matches = state.transcript.matches
            guard !matches.isEmpty else { return [] }
            let next = ((state.transcript.currentMatch + delta) % matches.count + matches.count) % matches.count
            state.transcript.currentMatch = next
            state.transcript.cursor.select(matches[next], count: rowCount(state.transcript))
            return []

        default:
            return []
        }
    }

    /// Opens the transcript of the call `item` (from the item itself when it carries one, else by loading it).
    ///
    /// A call carrying its transcript (v1 calls, v2 items fetched with `extend=transcript`) is shown at once with its
    /// summary and recording, with no request. A v2 call (`cll-…`) without one is loaded (`loadTranscript`). A v1 call
    /// without one has nothing more to fetch: its summary and recording are shown with no rows. Opening the call already
    /// shown, loaded or loading, changes nothing; after a failure it asks again. An SMS opens nothing. Focus is the
    /// caller's.
    static func open(_ item: TimelineItem, in state: inout AppState) -> [Effect] {
        guard case .call(let call) = item.content else { return [] }
        if state.transcript.callID == item.id, state.transcript.transcript.error == nil,
           state.transcript.transcript != .idle {
            return []
        }
        reset(&state.transcript, callID: item.id)
        if let rows = call.transcript {
            state.transcript.transcript = .loaded(Transcript(rows: rows, summary: call.summary,
                                                             recordingURL: call.recordingURL))
            return []
        }
        if item.id.hasPrefix("cll-") {
            state.transcript.transcript = .loading(previous: nil)
            return [.loadTranscript(callID: item.id)]
        }
        state.transcript.transcript = .loaded(Transcript(rows: [], summary: call.summary, recordingURL: call.recordingURL))
        return []
    }

    /// Moves the transcript's selection.
    static func move(by delta: Int, in state: inout AppState) {
        state.transcript.cursor.move(by: delta, count: rowCount(state.transcript))
    }

    // MARK: Helpers

    private static func rowCount(_ transcript: TranscriptState) -> Int {
        transcript.transcript.value?.rows.count ?? 0
    }

    /// Back to an empty transcript for `callID`, keeping the view's viewport.
    private static func reset(_ transcript: inout TranscriptState, callID: String?) {
        let viewport = transcript.cursor.viewport
        transcript = TranscriptState()
        transcript.cursor.viewport = viewport
        transcript.callID = callID
    }

    /// Recomputes the rows matching the query; the first match becomes current and selected.
    private static func findMatches(in transcript: inout TranscriptState) {
        transcript.currentMatch = 0
        let needle = fold(transcript.query)
        guard !needle.isEmpty, let rows = transcript.transcript.value?.rows else {
            transcript.matches = []
            return
        }
        transcript.matches = rows.indices.filter { fold(rows[$0].text).contains(needle) }
        if let first = transcript.matches.first { transcript.cursor.select(first, count: rows.count) }
    }

    /// Case and accent folded: `Éte` and `ete` read the same.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
