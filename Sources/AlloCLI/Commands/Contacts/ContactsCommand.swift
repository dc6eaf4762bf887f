import ArgumentParser

/// `allo contacts …`.
struct ContactsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contacts",
        abstract: "Contacts: list, get, create, update, and a contact's conversation (v1).",
        subcommands: [ContactsList.self, ContactsGet.self, ContactsCreate.self, ContactsUpdate.self,
                      ContactsConversation.self])
}
