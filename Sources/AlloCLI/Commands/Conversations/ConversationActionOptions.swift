import AlloKit
import ArgumentParser

/// What the four action commands share: `PUT /v2/api/conversations/{contact_number}/action`.
///
/// The API answers 200 with no documented body, so there is nothing to print as JSON: with `--json` the command prints
/// nothing and its exit status (0) is the answer; for people it confirms on stderr.
struct ConversationActionOptions: ParsableArguments, Sendable {
    @Argument(help: ArgumentHelp("The other party's number, E.164 (e.g. +14155551234).", valueName: "contact-number"))
    var contactNumber: String

    @Option(help: ArgumentHelp("Only the conversation on this line (default: the profile's allo_number; with neither, "
                                   + "the conversations with the contact on every line).", valueName: "e164"))
    var alloNumber: String?

    func validate() throws {
        try OptionChecks.e164(contactNumber, option: "the contact number")
        try OptionChecks.e164(alloNumber, option: "--allo-number")
    }

    static func discussion(_ verb: String, _ example: String) -> String {
        """
        With --json nothing is printed (the API returns no body): exit status 0 means done. An unknown conversation \
        is an API error (HTTP 404, exit 1).

        Examples:
          allo conversations \(verb) +14155551234
          allo conversations \(verb) +14155551234 --allo-number +14155550100
          \(example)
        """
    }

    func perform(_ action: ConversationAction, done: String, context: CommandContext) async throws {
        let settings = try context.settings()
        let line = try settings.optionalAlloNumber()
        try await context.client(settings).conversations.perform(action, contactNumber: contactNumber, alloNumber: line)
        if context.global.json { return }
        context.output.note("\(done) the conversation with \(contactNumber)"
                                + (line.map { " on \($0)" } ?? " on every line"))
    }
}
