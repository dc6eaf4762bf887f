import AlloStore
@testable import AlloTUI
import DequeModule
import Testing

/// Call summaries (Markdown): formatted in the transcript pane, on one line without markers in the previews.
@Suite struct SummarySnapshotTests {
    static let summary = """
        ## Leak under the sink
        Alice reports a **steady drip** under the _kitchen_ sink; photos on [the portal](https://example.com/p/1).

        - **Next step:** send a plumber on Wednesday at 9:00, as agreed with Alice on the phone
        - Bring a `P-trap` and a new seal
        """

    /// Alice's first call, open, with the summary above; Bob's inbox row and the call's timeline row preview it.
    static func state() -> AppState {
        var state = Fixture.withTranscript(Fixture.state())
        var items = Array(state.timeline.items)
        items[0].content = .call(CallInfo(result: "ANSWERED", durationSeconds: 187, summary: summary, tag: "urgent",
                                          transcript: Fixture.transcriptRows()))
        state.timeline.items = Deque(items)
        state.transcript.transcript = .loaded(Transcript(rows: Fixture.transcriptRows(), summary: summary,
                                                         recordingURL: "https://recordings.withallo.com/cll-1.mp3"))
        state.inbox.entries[1].snippet = summary
        state.inbox.entries[1].snippetIsSummary = true
        return state
    }

    @Test(arguments: [(120, 40), (80, 24)])
    func theTranscriptPaneFormatsTheSummary(width: Int, height: Int) {
        let canvas = Fixture.render(Self.state(), width, height)
        Snapshot.assert(canvas, named: "transcript-summary-\(width)x\(height)")
        let screen = canvas.rows().joined(separator: "\n")
        for marker in ["**", "__", "## ", "- **", "`", "](", "_kitchen_"] {
            #expect(!screen.contains(marker), "\(marker)")
        }
    }

    @Test func previewsShowTheSummaryOnOneLineWithoutMarkers() {
        var state = Self.state()
        state.transcript = TranscriptState()
        state.inbox.cursor.select(1, count: state.inbox.entries.count)
        let canvas = Fixture.render(state, 120, 40)
        Snapshot.assert(canvas, named: "summary-previews-120x40")
        let screen = canvas.rows().joined(separator: "\n")
        #expect(screen.contains("  Leak under the sink · Alice…"))
        #expect(screen.contains("Leak under the sink · Alice reports a st…"))
        #expect(screen.contains("portal. · Next step: send a"))
        for marker in ["**", "## ", "- **", "`", "]("] {
            #expect(!screen.contains(marker), "\(marker)")
        }
    }

    /// The cells of `text`'s first occurrence in `rect` of the canvas.
    static func cells(of text: String, in rect: Rect, on canvas: Canvas) -> [Cell]? {
        let glyphs = text.map(String.init)
        for y in rect.y..<rect.maxY {
            for x in rect.x...(rect.maxX - glyphs.count)
            where (0..<glyphs.count).allSatisfy({ canvas[x + $0, y].glyph == glyphs[$0] }) {
                return (0..<glyphs.count).map { canvas[x + $0, y] }
            }
        }
        return nil
    }

    @Test(arguments: [Theme.default, .light, .highContrast, .mono])
    func summaryTextIsDrawnInTheThemeStyles(theme: Theme) throws {
        let state = Self.state()
        let size = Size(width: 120, height: 40)
        let canvas = AlloTUI.render(state, size: size, theme: theme, chrome: Fixture.chrome)
        let pane = try #require(Layout(size: size, state: state).transcript)
        for (text, style) in [("steady drip", theme.strong), ("Next step:", theme.strong), ("kitchen", theme.emphasis),
                              ("Leak under the sink", theme.heading), ("P-trap", theme.code), ("portal", theme.link),
                              ("(https://example.com/p/1)", theme.dim), ("Alice reports", theme.base)] {
            let cells = try #require(Self.cells(of: text, in: pane, on: canvas), "\(text) is not in the transcript pane")
            #expect(cells.allSatisfy { $0.style == style }, "\(theme.name): \(text)")
        }
    }
}
