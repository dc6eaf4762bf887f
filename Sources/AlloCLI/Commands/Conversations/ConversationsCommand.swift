import ArgumentParser

/// `allo conversations …`.
struct ConversationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conversations",
        abstract: "Conversations of an Allo number: list, mark read or unread, archive (v2).",
        subcommands: [ConversationsList.self, ConversationsRead.self, ConversationsUnread.self, ConversationsArchive.self,
                      ConversationsUnarchive.self])
}
