import Foundation
import ProcessTools
import SandboxTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Texts holding every kind of grapheme cluster (`GraphemeSamples`), sent through the sandbox and shown by the real
/// binary in tmux 3.3a: the timeline pane's right border stays in its column on every row, counted as tmux counts
/// (per code point, with glibc's `wcwidth`), at 120×40 and at 80×24.
@Suite("allo in a terminal: every grapheme keeps the layout", .serialized,
       .enabled(if: Tmux.path != nil || Tmux.required, Comment(rawValue: Tmux.missingMessage + "; skipped (set ALLO_E2E_REQUIRED=1 to fail instead)")))
struct GraphemeLayoutTests {
    static let contact = "+33612000001"

    @Test("Every kind of cluster keeps the timeline's right border in its column, and nothing spills into another pane")
    func bordersStayInTheirColumns() async throws {
        try await TestSandbox.with { sandbox in
            try await Self.sendSamples(sandbox)
            try await ClientSession.with([], environment: sandbox.clientEnvironment.merging(["ALLO_GRAPHEMES": "auto"]) { $1 }) {
                session in
                try await session.tmux.waitFor("the inbox with the new conversation") { $0.contains(Self.contact) }
                try await session.tmux.press("Enter")
                let screen = try await session.tmux.waitFor("the last sample in the timeline", Self.timelineShowsTheSamples)
                try Self.expectBordersInColumn(screen, width: 120)
                try await session.tmux.resize(width: 80, height: 24)
                try await session.tmux.waitFor(format: "#{pane_width}x#{pane_height}", toBe: "80x24")
                let small = try await session.tmux.waitFor("the samples at 80×24") { screen in
                    Self.timelineShowsTheSamples(screen) && screen.split(separator: "\n").allSatisfy { $0.count <= 80 }
                }
                try Self.expectBordersInColumn(small, width: 80)
            }
        }
    }

    @Test("The bytes the client writes, replayed in a VT emulator (pyte, measuring like tmux), give the grid it drew")
    func bytesReplayToTheCanvas() async throws {
        try await Self.withRecordedClient { session, typescript, dump in
            try await session.tmux.waitFor("the inbox with the new conversation") { $0.contains(Self.contact) }
            try await session.tmux.press("Enter")
            try await session.tmux.waitFor("the last sample in the timeline", Self.timelineShowsTheSamples)
            // Quiet: the last frame drawn is the one on screen, and every byte of it is in the recording.
            var replayed: [String] = []
            var drawn: [String] = []
            let deadline = ContinuousClock.now + .seconds(30)
            repeat {
                try await Task.sleep(for: .milliseconds(300))
                drawn = (try? String(contentsOf: dump, encoding: .utf8))?.components(separatedBy: "\n") ?? []
                replayed = try await Self.replay(typescript, width: 120, height: 40)
            } while replayed != drawn && ContinuousClock.now < deadline
            #expect(drawn.count == 40 && drawn.contains { $0.contains("rlm fin") })
            for (y, pair) in zip(replayed, drawn).enumerated() where pair.0 != pair.1 {
                Issue.record("row \(y) differs:\nreplayed \(pair.0)\ndrawn    \(pair.1)")
            }
        }
    }

    @Test("Asked, a terminal that answers it has mode 2027 gets it switched on, each cluster written whole, and off at the end",
          arguments: ["q", "SIGSEGV"])
    func mode2027WhenTheTerminalHasIt(ending: String) async throws {
        try await Self.withRecordedClient { session, typescript, dump in
            try await session.tmux.waitFor("the inbox with the new conversation") { $0.contains(Self.contact) }
            let asked = try Data(contentsOf: typescript)
            #expect(asked.range(of: Data("\u{1B}[?2027$p".utf8)) != nil, "the client asks (DECRQM)")
            #expect(asked.range(of: Data("\u{1B}[?2027h".utf8)) == nil, "tmux 3.3a does not answer: not switched on")
            // The terminal answers "reset, can be set" (tmux passes the keys on as the terminal's answer).
            try await session.tmux.tmux(["send-keys", "-t", session.tmux.target, "-l", "\u{1B}[?2027;2$y"])
            try await session.tmux.press("Enter")
            try await session.tmux.waitFor("the conversation", Self.timelineShowsTheSamples)
            let frameDeadline = ContinuousClock.now + .seconds(30)
            var frame = ""
            repeat {
                try await Task.sleep(for: .milliseconds(100))
                frame = (try? String(contentsOf: dump, encoding: .utf8)) ?? ""
            } while !frame.contains("👨‍👩‍👧") && ContinuousClock.now < frameDeadline
            #expect(frame.contains("👨‍👩‍👧 et") && frame.contains("👍🏽"), "clusters drawn whole:\n\(frame)")
            let bytes = try Data(contentsOf: typescript)
            #expect(bytes.range(of: Data("\u{1B}[?2027h".utf8)) != nil, "switched on")
            let around = String(decoding: bytes, as: UTF8.self).components(separatedBy: "Famille").dropFirst()
                .map { String($0.prefix(40)).debugDescription }
            #expect(bytes.range(of: Data("👨‍👩‍👧 et".utf8)) != nil, "a family written whole, the next cell after it: \(around)")
            if ending == "q" {
                try await session.tmux.press("Escape")
                try await session.tmux.waitFor(text: "q quit")
                try await session.tmux.press("q")
            } else {
                #expect(kill(try await session.clientPID(), SIGSEGV) == 0)
            }
            _ = try await session.waitForExit()
            let all = try Data(contentsOf: typescript)
            #expect(all.range(of: Data("\u{1B}[?2027l".utf8)) != nil, "switched off at the end (\(ending))")
        }
    }

    /// The client on the samples' conversation under `script` (its bytes in `typescript`), each frame's rows written
    /// to `dump` (ALLO_FRAME_DUMP).
    static func withRecordedClient(_ body: (ClientSession, _ typescript: URL, _ dump: URL) async throws -> Void) async throws {
        try await TestSandbox.with { sandbox in
            try await sendSamples(sandbox)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("allo-pty-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let typescript = folder.appendingPathComponent("typescript")
            let dump = folder.appendingPathComponent("frame.txt")
            let environment = sandbox.clientEnvironment.merging(["ALLO_FRAME_DUMP": dump.path]) { $1 }
            try await ClientSession.with([], environment: environment, recording: typescript) { session in
                try await body(session, typescript, dump)
            }
        }
    }

    static func sendSamples(_ sandbox: TestSandbox) async throws {
        let (number, _, _) = try await sandbox.firstScreen()
        for text in GraphemeSamples.texts {
            let body = try JSONSerialization.data(withJSONObject: ["kind": "sms", "allo_number": number,
                                                                   "contact_number": contact, "content": text])
            let (status, _) = try await sandbox.control("POST", "/activity", json: String(decoding: body, as: UTF8.self))
            #expect(status == 201)
        }
    }

    /// The recording fed to pyte, whose widths are glibc's `wcwidth` and whose zero-width code points join the cell
    /// before, unnormalised (as tmux does); its screen, one string per row, the right half of a wide glyph empty.
    static func replay(_ typescript: URL, width: Int, height: Int) async throws -> [String] {
        let script = """
            import ctypes, ctypes.util, json, sys, pyte, pyte.screens
            libc = ctypes.CDLL(ctypes.util.find_library("c"))
            libc.setlocale(6, b"C.UTF-8")
            width = lambda char: libc.wcwidth(ctypes.c_wchar(char))
            class Joining:
                combining = staticmethod(lambda char: 1 if width(char) == 0 else 0)
                normalize = staticmethod(lambda form, text: text)
            pyte.screens.wcwidth = width
            pyte.screens.unicodedata = Joining
            screen = pyte.Screen(int(sys.argv[2]), int(sys.argv[3]))
            stream = pyte.Stream(screen)
            stream.feed(open(sys.argv[1], "rb").read().decode("utf-8", "replace"))
            print(json.dumps(["".join(screen.buffer[y][x].data for x in range(screen.columns)) for y in range(screen.lines)]))
            """
        let python = try #require(Tool.find("python3"), "python3 with pyte (pip install pyte)")
        let (status, output) = try await Tool.run(python, ["-c", script, typescript.path, "\(width)", "\(height)"])
        #expect(status == 0, "pyte: \(output)")
        let rows = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String]
        return try #require(rows)
    }

    /// The cells of a captured row as tmux holds them: each spacing code point starts a cell as wide as its
    /// `wcwidth`, zero-width ones join the cell before.
    static func cells(_ line: Substring) throws -> [String] {
        var cells: [String] = []
        for scalar in line.unicodeScalars {
            let width = try #require(GlibcWidth.total(String(scalar)), "wcwidth of U+\(String(scalar.value, radix: 16))")
            if width == 0, !cells.isEmpty {
                cells[cells.count - 1].unicodeScalars.append(scalar)
            } else {
                cells.append(String(scalar))
                if width == 2 { cells.append("") }
            }
        }
        return cells
    }

    /// The timeline pane in a captured screen: the box titled with the contact's number, as rows of cells, the row of its
    /// top border and the columns of its corners.
    struct TimelineBox {
        var rows: [[String]]
        var top: Int
        var left: Int
        var right: Int

        init?(_ screen: String) throws {
            rows = try screen.split(separator: "\n", omittingEmptySubsequences: false).map(GraphemeLayoutTests.cells)
            let title = "┌ \(GraphemeLayoutTests.contact)"
            guard let top = rows.firstIndex(where: { $0.joined().contains(title) }) else { return nil }
            let border = rows[top]
            guard let left = border.indices.first(where: { border[$0] == "┌" && border[$0...].prefix(14).joined().hasPrefix(title) }),
                  let right = border.indices.first(where: { $0 > left && border[$0] == "┐" }) else { return nil }
            (self.top, self.left, self.right) = (top, left, right)
        }

        /// The text inside the box, row by row, up to its bottom border.
        var inside: [String] {
            rows.dropFirst(top + 1).prefix { $0.count > left && $0[left] != "└" }
                .map { $0.count > right ? $0[(left + 1)..<right].joined() : "" }
        }
    }

    /// Whether the timeline pane shows the last sample (the contact pane shows it too, before the timeline has loaded).
    static func timelineShowsTheSamples(_ screen: String) -> Bool {
        ((try? TimelineBox(screen))??.inside ?? []).contains { $0.contains("rlm fin") }
    }

    /// On every row of the timeline pane between its top and bottom borders, its left and right borders sit in the
    /// columns of its corners, and no row is wider than the screen.
    static func expectBordersInColumn(_ screen: String, width: Int) throws {
        let found = try TimelineBox(screen)
        let box = try #require(found, "the timeline top border in:\n\(screen)")
        let (rows, top, left, right) = (box.rows, box.top, box.left, box.right)
        for (y, row) in rows.enumerated() {
            #expect(row.count <= width, "row \(y) is \(row.count) cells wide: \(row.joined())")
        }
        var y = top + 1
        while y < rows.count, rows[y].count > left, rows[y][left] != "└" {
            let row = rows[y]
            #expect(["│", "┃"].contains(row[left]), "row \(y): the left border moved: \(row.joined())")
            #expect(row.count > right && ["│", "┃"].contains(row[right]),
                    "row \(y): the right border is not in column \(right): \(row.joined())")
            y += 1
        }
        #expect(y < rows.count && rows[y].count > right && rows[y][right] == "┘", "the bottom border's right corner")
        #expect(y - top > 6, "the pane holds the samples")
    }
}
