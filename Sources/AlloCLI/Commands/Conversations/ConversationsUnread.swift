import AlloKit
import ArgumentParser

/// `allo conversations unread`.
struct ConversationsUnread: APICommand {
    static let configuration = CommandConfiguration(
        commandName: "unread", abstract: "Mark a conversation unread.",
        discussion: ConversationActionOptions.discussion("unread", "allo conversations unread +14155551234 --json && echo done"))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: ConversationActionOptions

    var settingsFlags: Settings.Flags { Settings.Flags(profile: global.profile, alloNumber: target.alloNumber) }

    func execute(_ context: CommandContext) async throws {
        try await target.perform(.unread, done: "marked unread", context: context)
    }
}
