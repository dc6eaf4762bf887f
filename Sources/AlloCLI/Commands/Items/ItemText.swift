import AlloKit

/// How calls and messages read in human output (tables and `fields`), shared by `allo items` and `allo conversations`.
enum ItemText {
    /// `call`, `sms`, `mms`, `whatsapp`.
    static func kind(_ item: ConversationItem) -> String {
        if item.isCall { return "call" }
        if let type = item.messageType { return type.wireValue.lowercased() }
        return item.type.wireValue.lowercased()
    }

    /// `in` or `out`.
    static func direction(_ direction: ItemDirection?) -> String {
        switch direction {
        case .inbound?: return "in"
        case .outbound?: return "out"
        case .unknown(let raw)?: return raw.lowercased()
        case nil: return ""
        }
    }

    /// The contacts' names, else nothing.
    static func names(_ contacts: [ItemContact]) -> String {
        contacts.compactMap(\.name).joined(separator: ", ")
    }

    /// A call's result and length, or a message's delivery state: `answered 2m 25s`, `delivered`.
    static func outcome(_ item: ConversationItem) -> String {
        if item.isCall {
            return [item.result?.wireValue.lowercased(), item.duration.map { Formats.duration(seconds: $0) }]
                .compactMap { $0 }.joined(separator: " ")
        }
        return item.status?.wireValue.lowercased() ?? ""
    }

    /// One line of what the item says: the message's first line, else the call summary without its markers.
    static func gist(_ item: ConversationItem) -> String {
        item.content.map(Formats.firstLine) ?? Formats.summary(item.summary)
    }

    /// `call in · answered 2m 25s · Wants to upgrade.` for one table cell.
    static func summary(_ item: ConversationItem) -> String {
        [kind(item) + (item.direction == nil ? "" : " " + direction(item.direction)), outcome(item), gist(item)]
            .filter { !$0.isEmpty }.joined(separator: " · ")
    }
}
