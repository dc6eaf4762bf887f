import AlloKit
import ArgumentParser

/// `allo transcript CALL_ID`: a call's transcript, from v2 (`cll-…`) or v1 (`call_…`).
struct TranscriptCommand: APICommand {
    enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        case text, markdown, json
    }

    static let configuration = CommandConfiguration(
        commandName: "transcript",
        abstract: "Print a call's transcript as text, markdown or JSON.",
        discussion: """
            A v2 id (cll-…, from `allo items` or `allo conversations`) is fetched directly. A v1 id (call_…, from \
            `allo calls search` or `allo contacts conversation`) is looked up among the calls of an Allo number, so \
            it needs --allo-number or the profile's allo_number.

            Formats: text (default: the call's summary, formatted, then time from the start of the call, speaker, \
            words, wrapped to the terminal), \
            markdown (a heading with the date and participants, then **Speaker** (mm:ss): text, to paste in a \
            document), json (the transcript lines as the API returns them; same as --json).

            Exit status: 1 when the call is not found or has no transcript (missed, failed or unrecorded calls have \
            none; a message says so on stderr); 2 for an id that is not a call id, or a v1 id without an Allo number.

            Examples:
              allo transcript cll-aCzrXZUFGG06
              allo transcript call_aCzrXZUFGG06 --allo-number +14155550100
              allo transcript cll-aCzrXZUFGG06 --format markdown > call.md
              allo transcript cll-aCzrXZUFGG06 --json | jq -r '.[].text'
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The call's id: cll-… (v2) or call_… (v1).", valueName: "call-id"))
    var callID: String

    @Option(help: ArgumentHelp("For a v1 id: the Allo number the call was on, E.164 (default: the profile's allo_number).",
                               valueName: "E164"))
    var alloNumber: String?

    @Option(help: ArgumentHelp("text, markdown or json (default: text; json with --json).", valueName: "format"))
    var format: Format?

    var settingsFlags: Settings.Flags { Settings.Flags(profile: global.profile, alloNumber: alloNumber) }

    /// v2 ids: `cll-…` (the contract also shows `cll_…`); v1 ids: `call_…`.
    var isV2: Bool { callID.hasPrefix("cll-") || callID.hasPrefix("cll_") }
    var isV1: Bool { callID.hasPrefix("call_") }

    var chosenFormat: Format { format ?? (global.json ? .json : .text) }

    func validate() throws {
        if callID.hasPrefix("msg-") || callID.hasPrefix("msg_") {
            throw ValidationError("'\(callID)' is a text message; only calls have transcripts")
        }
        guard isV2 || isV1 else {
            throw ValidationError("'\(callID)' is not a call id: v2 ids start with cll-, v1 ids with call_")
        }
        if global.json, let format, format != .json {
            throw ValidationError("--json and --format \(format.rawValue) disagree; give one of them")
        }
        try OptionChecks.e164(alloNumber, option: "--allo-number")
    }

    func execute(_ context: CommandContext) async throws {
        let settings = try context.settings()
        let transcript: CallTranscript
        if isV2 {
            let item = try await context.client(settings).items.get(callID, transcript: true)
            guard item.isCall else {
                throw CLIError(code: "NO_TRANSCRIPT", message: "\(callID) is not a call; only calls have transcripts",
                               exitStatus: ExitStatus.apiError)
            }
            transcript = CallTranscript(v2: item)
        } else {
            guard let line = try settings.optionalAlloNumber() else {
                throw CLIError.usage("a v1 call id (call_…) needs the Allo number the call was on",
                                     hint: "pass --allo-number +E164 (see `allo numbers list`), set allo_number in "
                                         + "profile '\(settings.profile)', or use the call's v2 id (cll-…)")
            }
            transcript = CallTranscript(v1: try await findV1Call(line, client: context.client(settings)), line: line)
        }
        guard !transcript.lines.isEmpty else {
            let outcome = transcript.result.isEmpty ? "" : " (the call ended: \(transcript.result))"
            throw CLIError(code: "NO_TRANSCRIPT", message: "call \(callID) has no transcript\(outcome)",
                           hint: "missed, failed and unrecorded calls have none", exitStatus: ExitStatus.apiError)
        }
        let output = context.output
        switch chosenFormat {
        case .json:
            switch transcript.raw {
            case .v1(let entries): try output.json(entries)
            case .v2(let lines): try output.json(lines)
            }
        case .markdown:
            context.io.write(.out, TerminalText.safe(transcript.markdown()))
        case .text:
            output.note(transcript.headline)
            if let summary = transcript.summary, output.markdown(summary) > 0 { output.line() }
            for line in transcript.text(width: context.io.width) { output.line(line) }
        }
    }

    /// Walks the calls of `line`, newest first, until the one with this id.
    private func findV1Call(_ line: String, client: AlloClient) async throws -> Call {
        for try await call in client.calls.all(alloNumber: line, size: 100, pagesInFlight: 2) where call.id == callID {
            return call
        }
        throw CLIError(code: "CALL_NOT_FOUND", message: "no call \(callID) on \(line)",
                       hint: "list the calls with `allo calls search --allo-number \(line)`; a call on another line "
                           + "needs that line's --allo-number",
                       exitStatus: ExitStatus.apiError)
    }
}
