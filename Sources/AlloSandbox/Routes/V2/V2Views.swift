/// The v2 JSON shapes (§7), snake_case, timestamps in UTC with `Z`.
extension World {
    func v2UserRef(_ index: Int?) -> JSON {
        guard let index else { return .null }
        let user = users[index]
        return .object([("id", .string(user.id)), ("name", .string(user.name)), ("email", .string(user.email))])
    }

    func v2User(_ user: User) -> JSON {
        .object([
            ("id", .string(user.id)), ("name", .string(user.name)), ("email", .string(user.email)),
            ("role", .string(user.role)), ("status", .string(user.status)), ("image_url", .optional(user.imageURL)),
        ])
    }

    func v2Number(_ line: Line) -> JSON {
        .object([
            ("number", .optional(line.number)),
            ("name", .string(line.kind == .senderID ? (line.senderID ?? line.name) : line.name)),
            ("country", .string(line.country)),
            ("type", .string(line.kind.rawValue)),
            ("capabilities", .strings(line.capabilities)),
            ("users", .array(line.userIndices.map { v2UserRef($0) })),
        ])
    }

    func v2Tag(_ tag: Tag) -> JSON {
        .object([("id", .string(tag.id)), ("name", .string(tag.name)), ("color", .string(tag.color))])
    }

    /// Contacts matching a conversation's number (`Contact` of §7.5).
    func v2Contacts(forNumber number: String) -> JSON {
        .array(contacts(forNumber: number).map { contact in
            .object([
                ("id", .string("cnt-" + contact.token)),
                ("name", .optional(contact.fullName)),
                ("company", contact.company.map { .object([("id", .string("com-" + $0.id)), ("name", .string($0.name))]) } ?? .null),
                ("deals", .array([])),
            ])
        })
    }

    func v2Item(_ item: Item, party: Party, withTranscript: Bool, now: Int64) -> JSON {
        let isCall = item.kind == .call
        let transcriptJSON: JSON
        if withTranscript, isCall, let rows = transcript(of: item) {
            transcriptJSON = .array(rows.map { row in
                // v2 documents USER and EXTERNAL only (§7.5): the AI assistant speaks for the user.
                .object([
                    ("source", .string(row.source == "EXTERNAL" ? "EXTERNAL" : "USER")),
                    ("time", .string(Timestamp.v2(item.date + Int64(row.start)))),
                    ("text", .string(row.text)),
                ])
            })
        } else {
            transcriptJSON = .null
        }
        var fields: [(String, JSON)] = [
            ("id", .string(ItemID.v2(item, party: party))),
            ("type", .string(item.kind.rawValue)),
            ("direction", .string(item.direction.rawValue)),
            ("allo_number", .optional(lines[item.line].number)),
            ("contact_number", .string(party.number)),
            ("contacts", v2Contacts(forNumber: party.number)),
            ("user", v2UserRef(item.user)),
            ("date", .string(Timestamp.v2(item.date))),
            ("duration", isCall ? .optional(item.duration) : .null),
            ("result", isCall ? .optional(item.result?.v2) : .null),
            ("recording_url", .optional(recordingURL(of: item, party: party))),
            ("summary", isCall ? .optional(summary(of: item)) : .null),
            ("tags", isCall ? .strings(item.tags) : .null),
            ("transcript", transcriptJSON),
            ("content", isCall ? .null : .optional(item.content)),
            ("status", .optional(status(of: item, now: now))),
            ("message_type", isCall ? .null : .optional(item.messageType)),
        ]
        // Sender-ID messages have no Allo number; say which sender ID sent them.
        if let senderID = lines[item.line].senderID { fields.append(("sender_id", .string(senderID))) }
        return .object(fields)
    }

    func v2Endpoint(_ endpoint: WebhookEndpoint, withSecret: Bool) -> JSON {
        var fields: [(String, JSON)] = [
            ("id", .string(endpoint.id)), ("url", .string(endpoint.url)), ("topics", .strings(endpoint.topics)),
            ("description", .optional(endpoint.description)), ("enabled", .bool(endpoint.enabled)),
        ]
        if withSecret { fields.append(("signing_secret", .string(endpoint.secret))) }
        fields.append(("created_at", .string(Timestamp.v2(endpoint.createdAt))))
        return .object(fields)
    }
}
