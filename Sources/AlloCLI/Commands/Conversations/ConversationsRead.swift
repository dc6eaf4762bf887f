import AlloKit
import ArgumentParser

/// `allo conversations read`.
struct ConversationsRead: APICommand {
    static let configuration = CommandConfiguration(
        commandName: "read", abstract: "Mark a conversation read.",
        discussion: ConversationActionOptions.discussion(
            "read", "allo conversations list --unread --json | jq -r '.[].contact_number' \\\n    | xargs -n1 allo conversations read"))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: ConversationActionOptions

    var settingsFlags: Settings.Flags { Settings.Flags(profile: global.profile, alloNumber: target.alloNumber) }

    func execute(_ context: CommandContext) async throws {
        try await target.perform(.read, done: "marked read", context: context)
    }
}
