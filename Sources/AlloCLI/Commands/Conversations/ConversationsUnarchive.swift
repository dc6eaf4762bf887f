import AlloKit
import ArgumentParser

/// `allo conversations unarchive`.
struct ConversationsUnarchive: APICommand {
    static let configuration = CommandConfiguration(
        commandName: "unarchive", abstract: "Bring an archived conversation back.",
        discussion: ConversationActionOptions.discussion("unarchive", "allo conversations archive +14155551234   # the reverse"))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: ConversationActionOptions

    var settingsFlags: Settings.Flags { Settings.Flags(profile: global.profile, alloNumber: target.alloNumber) }

    func execute(_ context: CommandContext) async throws {
        try await target.perform(.unarchive, done: "unarchived", context: context)
    }
}
