import AlloKit
import ArgumentParser

/// `allo conversations archive`.
struct ConversationsArchive: APICommand {
    static let configuration = CommandConfiguration(
        commandName: "archive", abstract: "Archive a conversation (hidden from `conversations list`).",
        discussion: ConversationActionOptions.discussion("archive", "allo conversations unarchive +14155551234   # undo"))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: ConversationActionOptions

    var settingsFlags: Settings.Flags { Settings.Flags(profile: global.profile, alloNumber: target.alloNumber) }

    func execute(_ context: CommandContext) async throws {
        try await target.perform(.archive, done: "archived", context: context)
    }
}
