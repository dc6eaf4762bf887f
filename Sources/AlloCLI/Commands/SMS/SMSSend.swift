import AlloKit
import ArgumentParser
import Foundation

/// `allo sms send`: `POST /v1/api/sms`, from an Allo number or with a sender ID (there is no v2 send).
struct SMSSend: APICommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send an SMS from one of your Allo numbers, or with a verified sender ID to a +33 number.",
        discussion: """
            Give exactly one of --from (an Allo number; the recipient must be in the same country) or --sender-id \
            (France only: the recipient must be +33). With neither, the profile's allo_number is used, else its \
            sender_id. Numbers, sender ID and length (1-1000 characters) are checked before anything is sent (exit 2).

            The encoding and segment count are shown on stderr first. When stdin is a terminal, allo asks "Send? \
            [y/N]": anything but y or yes sends nothing and exits 1 (error: CANCELLED). --yes skips the question. allo \
            never asks when stdin is not a terminal, nor with --message - (stdin is the message).

            An SMS is never resent by allo. When the answer is unclear (a 5xx, a timeout, a dropped connection, an \
            unreadable reply) the message may have gone out: allo looks for it on the server for up to 10 s \
            (ALLO_SMS_CHECK_SECONDS). Found: exit 0, with a note that it was confirmed after an unclear answer. Not \
            found: exit 5 — the SMS may have been sent and could not be confirmed; do not resend it blindly. A refused \
            send (a 4xx, a 429, a refused connection) sent nothing. The API returns no message id: --json prints the \
            sent TextMessage (from_number, sender_id, to_number, type, content, start_date).

            Examples:
              allo sms send --from +14155550100 --to +14155551234 --message "Shipped!"
              allo sms send --sender-id MaisonLum --to +33612345678 --message "Prête" -y
              echo "Running late" | allo sms send --to +14155551234 --message - --json
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Your Allo number to send from, E.164 (default: the profile's allo_number).",
                               valueName: "e164"))
    var from: String?

    @Option(help: ArgumentHelp("A verified alphanumeric sender ID (1-11 letters or digits; +33 recipients only).",
                               valueName: "name"))
    var senderID: String?

    @Option(help: ArgumentHelp("The recipient, E.164.", valueName: "e164"))
    var to: String

    @Option(help: ArgumentHelp("The text (1-1000 characters), or - to read it from stdin.", valueName: "text"))
    var message: String

    @Flag(name: [.short, .long], help: "Send without asking, even on a terminal.")
    var yes = false

    var settingsFlags: Settings.Flags { Settings.Flags(profile: global.profile, alloNumber: from, senderID: senderID) }

    func validate() throws {
        if from != nil, senderID != nil {
            throw ValidationError("give either --from or --sender-id, not both")
        }
    }

    /// Where the message goes out from: the flag given, else the profile's number, else its sender ID.
    enum Origin: Equatable {
        case number(String)
        case senderID(String)
    }

    func origin(_ settings: Settings) throws(CLIError) -> Origin {
        if let from { return .number(from) }
        if let senderID { return .senderID(senderID) }
        if let number = settings.alloNumber { return .number(number) }
        if let senderID = settings.senderID { return .senderID(senderID) }
        throw CLIError.usage("no sender: give --from +E164 or --sender-id NAME",
                             hint: "or set allo_number (or sender_id) in profile '\(settings.profile)' of "
                                 + settings.configFile.path)
    }

    func execute(_ context: CommandContext) async throws {
        let settings = try context.settings()
        let origin = try origin(settings)
        let text = try MessageInput.read(message, io: context.io)
        switch origin {
        case .number(let number): try SMSRules.validate(from: number, to: to, message: text)
        case .senderID(let name): try SMSRules.validateFrance(senderID: name, to: to, message: text)
        }
        let output = context.output
        let info = SMSSegments.count(text)
        let encoding = SMSSegmentsCommand.Report.name(info.encoding)
        let segments = "\(info.segments) segment\(info.segments == 1 ? "" : "s")"
        let sender: String
        switch origin {
        case .number(let number): sender = number
        case .senderID(let name): sender = "sender ID \(name)"
        }
        output.note("SMS to \(to) from \(sender): \(text.count) characters, \(encoding), \(segments)")
        // With --message - stdin was the message, read to its end: nothing is left to answer with.
        if context.io.stdinIsTerminal, !yes, message != "-" {
            let answer = context.io.readLine("Send? [y/N] ", false)?.trimmingCharacters(in: .whitespaces).lowercased()
            guard answer == "y" || answer == "yes" else {
                throw CLIError(code: "CANCELLED", message: "not sent", hint: nil, exitStatus: ExitStatus.apiError)
            }
        }
        let client = try context.client(settings)
        let query = SentSMSQuery(origin: origin.query, to: to, message: text, sentAt: Date())
        let sent: TextMessage
        switch await send(text, from: origin, client: client) {
        case .success(let message):
            sent = message
        case .failure(let error) where error.mayHaveBeenDone:
            output.note("no clear answer (\(Self.describe(error))): looking for the SMS on the server…")
            let confirmation = SendConfirmation(client: client, query: query, window: try context.smsCheckWindow())
            sent = try await confirmation.confirm(after: error)
            output.note("sent: confirmed on the server after an unclear answer")
        case .failure(let error):
            throw error
        }
        if global.json { return try output.json(sent) }
        output.fields([
            ("sent", "yes"),
            ("to", sent.toNumber ?? to),
            ("from", sent.fromNumber ?? sent.senderID.map { "sender ID \($0)" } ?? sender),
            ("date", Formats.date(sent.startDate)),
            ("encoding", encoding),
            ("segments", String(info.segments)),
        ])
        output.note("the API returns no message id; `allo items search --contact-number \(to) --type sms` lists it")
    }

    /// One POST; never repeated when it may have been done (AlloKit's rule).
    func send(_ text: String, from origin: Origin, client: AlloClient) async -> Result<TextMessage, AlloError> {
        do {
            switch origin {
            case .number(let number): return .success(try await client.sms.send(from: number, to: to, message: text))
            case .senderID(let name): return .success(try await client.sms.sendFrance(senderID: name, to: to, message: text))
            }
        } catch {
            return .failure(error)
        }
    }

    /// The unclear answer in a few words, for the note on stderr.
    static func describe(_ error: AlloError) -> String {
        switch error {
        case .http(let failure): return "HTTP \(failure.status)"
        case .timeout: return "no answer in time"
        case .transport(_, let failure): return failure.message
        case .undecodable(let body): return "an unreadable answer, HTTP \(body.status)"
        case .cancelled, .invalidArgument: return String(describing: error)
        }
    }
}

extension SMSSend.Origin {
    var query: SentSMSQuery.Origin {
        switch self {
        case .number(let number): .number(number)
        case .senderID(let name): .senderID(name)
        }
    }
}
