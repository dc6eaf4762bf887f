import ArgumentParser

/// `allo sms …`.
struct SMSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sms",
        abstract: "Send SMS, or count a message's segments offline.",
        subcommands: [SMSSend.self, SMSSegmentsCommand.self])
}
