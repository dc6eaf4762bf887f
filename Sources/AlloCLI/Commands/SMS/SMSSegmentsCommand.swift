import AlloKit
import ArgumentParser

/// `allo sms segments`: counts a message's SMS segments offline (no key, no config, no request).
struct SMSSegmentsCommand: APICommand {
    static let configuration = CommandConfiguration(
        commandName: "segments",
        abstract: "Show how a message travels as SMS: encoding, length and segments (offline).",
        discussion: """
            GSM-7 when every character is in the GSM alphabet: 160 per SMS, 153 per part once split, and € [ ] { } | ^ \
            ~ \\ count two. Otherwise UCS-2: 70, then 67, and most emoji count two. Carriers bill segments, and daily \
            limits count them. Needs no API key: nothing is sent.

            --json prints {"encoding": "GSM-7" or "UCS-2", "units", "segments", "per_segment", "remaining_in_segment", \
            "characters"}.

            Examples:
              allo sms segments --message "Your order has shipped"
              echo "Ça arrive demain 🚚" | allo sms segments --message -
              allo sms segments --message - --json < draft.txt | jq .segments
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The text, or - to read it from stdin.", valueName: "text"))
    var message: String

    /// The `--json` object.
    struct Report: Encodable, Equatable {
        var encoding: String
        var units: Int
        var segments: Int
        var perSegment: Int
        var remainingInSegment: Int
        var characters: Int

        enum CodingKeys: String, CodingKey {
            case encoding, units, segments, characters
            case perSegment = "per_segment"
            case remainingInSegment = "remaining_in_segment"
        }

        init(_ text: String) {
            let info = SMSSegments.count(text)
            encoding = Self.name(info.encoding)
            units = info.units
            segments = info.segments
            perSegment = info.perSegment
            remainingInSegment = info.remainingInSegment
            characters = text.count
        }

        static func name(_ encoding: SMSSegmentInfo.Encoding) -> String { encoding == .gsm7 ? "GSM-7" : "UCS-2" }
    }

    func execute(_ context: CommandContext) async throws {
        let text = try MessageInput.read(message, io: context.io)
        let report = Report(text)
        let output = context.output
        if global.json { return try output.json(report) }
        let unit = report.encoding == "GSM-7" ? "septets" : "UTF-16 units"
        output.fields([
            ("encoding", report.encoding),
            ("characters", String(report.characters)),
            ("length", "\(report.units) \(unit)"),
            ("segments", String(report.segments)),
            ("per segment", "\(report.perSegment) \(unit)"),
            ("remaining", "\(report.remainingInSegment) in the last segment"),
        ])
    }
}
