@testable import AlloCLI
import AlloKit
import AlloTUI
import Foundation
import Testing

@Suite("allo transcript")
struct TranscriptTests {
    /// A v1 call on the US line with a transcript, and one without (a closed or failed call).
    static func calls(_ sandbox: CLISandbox) async throws -> (withTranscript: [String: Any], without: [String: Any]) {
        let all = await sandbox.run("calls", "search", "--allo-number", CLISandbox.usLine, "--all", "--json")
        let with = try #require(all.jsonArray.first { ($0["transcript"] as? [Any])?.isEmpty == false })
        let without = try #require(all.jsonArray.first { ($0["transcript"] as? [Any])?.isEmpty != false })
        return (with, without)
    }

    /// `call_XXXX` → `cll-XXXX`: the sandbox names the same call both ways.
    static func v2ID(_ v1: String) -> String { "cll-" + v1.dropFirst("call_".count) }

    /// The text form's lines from the first turn on (the summary and its blank line come before).
    static func turns(_ out: String) -> [Substring] {
        let lines = out.split(separator: "\n")
        return Array(lines[(lines.firstIndex { $0.range(of: #"^\d\d:\d\d  "#, options: .regularExpression) != nil } ?? 0)...])
    }

    /// `text` without SGR escapes (`ESC [ … m`).
    static func withoutEscapes(_ text: some StringProtocol) -> String {
        String(text).replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }

    @Test("v2 id, text: offset and speaker per line, names from the item, wrapped to the terminal's width")
    func v2Text() async throws {
        try await withCLISandbox { sandbox in
            let call = try await Self.calls(sandbox).withTranscript
            let id = Self.v2ID(try #require(call["id"] as? String))
            let lines = try #require(call["transcript"] as? [[String: Any]])

            let run = await sandbox.run("transcript", id)
            #expect(run.exitStatus == 0, "\(run.err)")
            let out = Self.turns(run.out)
            #expect(out.count == lines.count)
            #expect(out.first?.hasPrefix("00:00  ") == true)
            #expect(out.allSatisfy { $0.range(of: #"^\d\d:\d\d  "#, options: .regularExpression) != nil })
            #expect(run.err.contains("call \(id)"))
            let requests = try await sandbox.journal(pathPrefix: "/v2/api/conversations/items/")
            #expect(requests.map(\.path) == ["/v2/api/conversations/items/\(id)?extend=transcript"])
            let calls = try await sandbox.journal(pathPrefix: "/v1/api/calls")
            #expect(calls.count == 1)

            let narrow = await sandbox.run("transcript", id, tty: true, width: 50)
            #expect(narrow.exitStatus == 0)
            let narrowLines = narrow.out.split(separator: "\n")
            #expect(Self.turns(narrow.out).count > lines.count)
            #expect(narrowLines.allSatisfy { TextWidthProbe.cells(Self.withoutEscapes($0)) <= 50 })
            #expect(narrowLines.contains { $0.hasPrefix("      ") })
        }
    }

    @Test("v1 id: found among the Allo number's calls; text, markdown and JSON")
    func v1Formats() async throws {
        try await withCLISandbox { sandbox in
            let call = try await Self.calls(sandbox).withTranscript
            let id = try #require(call["id"] as? String)
            let lines = try #require(call["transcript"] as? [[String: Any]])
            let firstText = try #require(lines.first?["text"] as? String)

            let text = await sandbox.run("transcript", id, "--allo-number", CLISandbox.usLine)
            #expect(text.exitStatus == 0, "\(text.err)")
            #expect(Self.turns(text.out).count == lines.count)
            #expect(text.out.contains(firstText))

            let markdown = await sandbox.run("transcript", id, "--allo-number", CLISandbox.usLine, "--format", "markdown")
            #expect(markdown.exitStatus == 0)
            let md = markdown.out
            #expect(md.hasPrefix("## Call with "))
            #expect(md.contains("- **Participants:** \(CLISandbox.usLine)"))
            #expect(md.contains("- **Id:** `\(id)`"))
            #expect(md.contains("(00:00): \(firstText)") || md.contains("): \(firstText)"))
            let speakerLines = md.split(separator: "\n").filter { $0.hasPrefix("**") }
            #expect(speakerLines.count == lines.count)
            #expect(speakerLines.allSatisfy { $0.range(of: #"^\*\*[^*]+\*\* \(\d\d:\d\d\): "#, options: .regularExpression) != nil })

            for arguments in [["--format", "json"], ["--json"], ["--json", "--format", "json"]] {
                let json = await runAllo(["transcript", id, "--allo-number", CLISandbox.usLine] + arguments,
                                         variables: sandbox.variables())
                #expect(json.exitStatus == 0, "\(json.err)")
                #expect(json.jsonArray.count == lines.count)
                #expect(json.jsonArray.first?["text"] as? String == firstText)
                #expect(Set(json.jsonArray.first?.keys.map { $0 } ?? []) == Set(lines.first?.keys.map { $0 } ?? []))
                #expect(json.err.isEmpty)
            }
        }
    }

    @Test("v2 JSON: the item's transcript lines, {source, time, text}; markdown names the user and the contact")
    func v2JSONAndMarkdown() async throws {
        try await withCLISandbox { sandbox in
            let call = try await Self.calls(sandbox).withTranscript
            let id = Self.v2ID(try #require(call["id"] as? String))
            let json = await sandbox.run("transcript", id, "--json")
            #expect(json.exitStatus == 0, "\(json.err)")
            let first = try #require(json.jsonArray.first)
            #expect(Set(first.keys) == ["source", "time", "text"])
            #expect(["USER", "EXTERNAL", "AGENT"].contains(first["source"] as? String ?? ""))

            let item = await sandbox.run("items", "get", id, "--json")
            let markdown = await sandbox.run("transcript", id, "--format", "markdown")
            #expect(markdown.exitStatus == 0)
            if let user = (item.jsonObject["user"] as? [String: Any])?["name"] as? String {
                #expect(markdown.out.contains("**\(user)** ("))
            }
            #expect(markdown.out.contains(" — "))
        }
    }

    @Test("text: the summary formatted above the turns, no Markdown markers; bold only on a terminal without NO_COLOR")
    func summaryInTheTextForm() async throws {
        try await withCLISandbox { sandbox in
            let call = try await Self.calls(sandbox).withTranscript
            let id = Self.v2ID(try #require(call["id"] as? String))
            let summary = try #require(call["summary"] as? String)
            #expect(summary.contains("**") && summary.contains("\n- "))
            let title = Markdown.oneLine(String(summary.prefix { $0 != "\n" }))

            let piped = await sandbox.run("transcript", id)
            #expect(piped.exitStatus == 0, "\(piped.err)")
            let lines = piped.out.split(separator: "\n", omittingEmptySubsequences: false)
            let head = lines.prefix { !$0.hasPrefix("00:00  ") }
            #expect(head.first.map(String.init) == title)
            #expect(head.last == "" && head.contains { $0.hasPrefix("• ") })
            #expect(!piped.out.contains("**") && !piped.out.contains("\n- ") && !piped.out.contains("\u{1B}"))

            let terminal = await sandbox.run("transcript", id, tty: true, width: 60)
            #expect(terminal.out.contains("\u{1B}[1m"))
            #expect(!terminal.out.contains("**"))
            let noColor = await sandbox.run("transcript", id, env: ["NO_COLOR": "1"], tty: true, width: 60)
            #expect(!noColor.out.contains("\u{1B}"))
            #expect(noColor.out == Self.withoutEscapes(terminal.out))
            #expect(noColor.out.split(separator: "\n").allSatisfy { TextWidthProbe.cells($0) <= 60 })

            // The other forms keep the source: markdown is the turns alone, as before; JSON the API's summary as is.
            let markdown = await sandbox.run("transcript", id, "--format", "markdown")
            #expect(markdown.exitStatus == 0)
            #expect(!markdown.out.contains(title) && !markdown.out.contains("•"))
            let item = await sandbox.run("items", "get", id, "--json")
            #expect(item.jsonObject["summary"] as? String == summary)
        }
    }

    @Test("a call without a transcript: a message on stderr and exit 1, for v1 and v2 ids")
    func noTranscript() async throws {
        try await withCLISandbox { sandbox in
            let call = try await Self.calls(sandbox).without
            let id = try #require(call["id"] as? String)
            let v1 = await sandbox.run("transcript", id, "--allo-number", CLISandbox.usLine)
            #expect(v1.exitStatus == 1)
            #expect(v1.out.isEmpty)
            #expect(v1.err.hasPrefix("error: NO_TRANSCRIPT: call \(id) has no transcript"))
            let v2 = await sandbox.run("transcript", Self.v2ID(id), "--json")
            #expect(v2.exitStatus == 1)
            #expect(v2.out.isEmpty)
            #expect(v2.err.contains("NO_TRANSCRIPT"))
        }
    }

    @Test("not found: a v2 id is the API's 404, a v1 id not on the line is CALL_NOT_FOUND; both exit 1")
    func notFound() async throws {
        try await withCLISandbox { sandbox in
            let v2 = await sandbox.run("transcript", "cll-zzzzzzzzzz00")
            #expect(v2.exitStatus == 1)
            #expect(v2.err.contains("(HTTP 404)"))
            let v1 = await sandbox.run("transcript", "call_zzzzzzzzzz00", "--allo-number", CLISandbox.usLine)
            #expect(v1.exitStatus == 1)
            #expect(v1.err.hasPrefix("error: CALL_NOT_FOUND: no call call_zzzzzzzzzz00 on \(CLISandbox.usLine)"))
            #expect(v1.err.contains("hint: "))
        }
    }

    @Test("usage errors, exit 2 with no request: an id of neither kind, a message id, a v1 id without an Allo number")
    func usageErrors() async throws {
        try await withCLISandbox { sandbox in
            let neither = await sandbox.run("transcript", "abc123")
            #expect(neither.exitStatus == 2)
            #expect(neither.err.contains("not a call id: v2 ids start with cll-, v1 ids with call_"))
            let message = await sandbox.run("transcript", "msg-abc")
            #expect(message.exitStatus == 2)
            #expect(message.err.contains("only calls have transcripts"))
            let noLine = await sandbox.run("transcript", "call_abc")
            #expect(noLine.exitStatus == 2)
            #expect(noLine.err.contains("needs the Allo number"))
            #expect(noLine.err.contains("--allo-number"))
            let clash = await sandbox.run("transcript", "cll-abc", "--json", "--format", "markdown")
            #expect(clash.exitStatus == 2)
            let badFormat = await sandbox.run("transcript", "cll-abc", "--format", "pdf")
            #expect(badFormat.exitStatus == 2)
            let v2 = try await sandbox.journal(pathPrefix: "/v2/")
            let v1 = try await sandbox.journal(pathPrefix: "/v1/")
            #expect(v2.isEmpty && v1.isEmpty)

            let help = await sandbox.run("transcript", "--help")
            #expect(help.exitStatus == 0)
            #expect(help.out.contains("no transcript"))
            #expect(help.out.contains("--format"))
        }
    }

    @Test("the formatter: offsets as mm:ss and h:mm:ss, speaker labels per side, markdown paragraphs")
    func formatter() {
        let call = AlloKitCall.sample
        let transcript = CallTranscript(v1: call, line: "+14155550100")
        #expect(transcript.lines.map(\.speaker) == ["AI assistant", "+14155551234", "+14155550100"])
        #expect(CallTranscript.offset(5) == "00:05")
        #expect(CallTranscript.offset(3725) == "1:02:05")
        #expect(CallTranscript.offset(nil) == "--:--")
        #expect(transcript.text(width: nil) == [
            "00:00  AI assistant  Hello.",
            "00:05  +14155551234  Hi, quick question on pricing.",
            "01:10  +14155550100  Sure.",
        ])
        #expect(transcript.markdown().contains("\n\n**+14155551234** (00:05): Hi, quick question on pricing.\n\n"))
    }

    @Test("the formatter: a summary leaves the markdown form as it was")
    func markdownFormWithASummary() {
        var call = AlloKitCall.sample
        call.summary = "**Pricing** question\n- send the _plans_"
        let transcript = CallTranscript(v1: call, line: "+14155550100")
        #expect(transcript.summary == call.summary)
        #expect(transcript.markdown() == CallTranscript(v1: AlloKitCall.sample, line: "+14155550100").markdown())
        #expect(transcript.markdown() == """
            ## Call with +14155551234

            - **Participants:** +14155550100, +14155551234, AI assistant
            - **Call:** inbound, answered, 1m 30s
            - **Id:** `call_sample`

            **AI assistant** (00:00): Hello.

            **+14155551234** (00:05): Hi, quick question on pricing.

            **+14155550100** (01:10): Sure.

            """)
    }
}

/// Cells a line takes on a terminal.
enum TextWidthProbe {
    static func cells(_ text: some StringProtocol) -> Int { TextWidth.of(String(text)) }
}

enum AlloKitCall {
    static let sample = Call(
        id: "call_sample", fromNumber: "+14155551234", toNumber: "+14155550100", lengthInMinutes: 1.5,
        direction: .inbound, result: .answered,
        transcript: [
            TranscriptEntry(source: .agent, text: "Hello.", startSeconds: 0),
            TranscriptEntry(source: .external, text: "Hi, quick question on pricing.", startSeconds: 5.4),
            TranscriptEntry(source: .user, text: "Sure.", startSeconds: 70),
        ])
}
