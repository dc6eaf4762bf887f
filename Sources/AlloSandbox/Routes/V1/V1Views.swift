/// The v1 JSON shapes (§6), snake_case, timestamps without a zone.
extension World {
    func v1Call(_ item: Item, party: Party, withTags: Bool = false) -> JSON {
        let (from, to) = endpoints(of: item, party: party)
        var fields: [(String, JSON)] = [
            ("id", .string(ItemID.v1Call(item, party: party))),
            ("from_number", .optional(from)),
            ("to_number", .optional(to)),
            ("length_in_minutes", .double((Double(item.duration ?? 0) / 60 * 100).rounded() / 100)),
            ("type", .string(item.direction.rawValue)),
            ("result", .optional(item.result?.rawValue)),
            ("summary", .optional(summary(of: item))),
            ("tag", .optional(item.tags.first)),
            ("recording_url", .optional(recordingURL(of: item, party: party))),
            ("start_date", .string(Timestamp.v1(item.date))),
            ("transcript", transcript(of: item).map { rows in
                .array(rows.map { row in
                    .object([
                        ("source", .string(row.source)), ("text", .string(row.text)),
                        ("time", .string(Timestamp.v1(item.date + Int64(row.start)))),
                        ("start_seconds", .double(row.start)), ("end_seconds", .double(row.end)),
                    ])
                })
            } ?? .null),
        ]
        // The contact-conversation example carries `tags` too (§6.6).
        if withTags { fields.append(("tags", .strings(item.tags))) }
        return .object(fields)
    }

    func v1TextMessage(_ item: Item, party: Party) -> JSON {
        let (from, to) = endpoints(of: item, party: party)
        return .object([
            ("from_number", .optional(from)),
            ("sender_id", .optional(item.direction == .outbound ? lines[item.line].senderID : nil)),
            ("to_number", .optional(to)),
            ("type", .string(item.direction.rawValue)),
            ("content", .optional(item.content)),
            ("start_date", .string(Timestamp.v1(item.date))),
        ])
    }

    func v1ConversationEntry(_ item: Item, party: Party) -> JSON {
        let isCall = item.kind == .call
        return .object([
            ("type", .string(isCall ? "CALL" : "TEXT_MESSAGE")),
            ("call", isCall ? v1Call(item, party: party, withTags: true) : .null),
            ("message", isCall ? .null : v1TextMessage(item, party: party)),
        ])
    }

    func v1Company(_ company: Company?) -> JSON {
        guard let company else { return .null }
        return .object([("name", .string(company.name)), ("id", .string("com_" + company.id))])
    }

    /// The list form (`ContactWithEngagement`, §6.2).
    func v1Contact(_ contact: Contact, now: Int64) -> JSON {
        let last = lastActivity(of: contact)
        return .object([
            ("id", .string("cnt_" + contact.token)),
            ("name", .optional(contact.name)),
            ("last_name", .optional(contact.lastName)),
            ("company", v1Company(contact.company)),
            ("job_title", .optional(contact.jobTitle)),
            ("website", .optional(contact.website)),
            ("status", .optional(contact.status)),
            ("is_archived", .bool(contact.isArchived)),
            ("created_at", .string(Timestamp.v1(contact.createdAt))),
            ("updated_at", .string(Timestamp.v1(contact.updatedAt))),
            ("numbers", .strings(contact.numbers)),
            ("is_whitelisted", .bool(contact.isWhitelisted)),
            ("last_activity_date", last.map { .string(Timestamp.v1($0)) } ?? .null),
            ("engagement", .optional(engagement(lastActivity: last, now: now))),
        ])
    }

    func lastActivity(of contact: Contact) -> Int64? {
        contact.numbers.compactMap { partyByNumber[$0] }
            .flatMap { parties[$0].conversations.map(\.lastActivity) }
            .max()
    }

    func engagement(lastActivity: Int64?, now: Int64) -> String? {
        guard let lastActivity else { return nil }
        switch now - lastActivity {
        case ..<(14 * 86_400): return "ENGAGED"
        case ..<(60 * 86_400): return "COOLING"
        default: return "COLD"
        }
    }

    func v1Number(_ line: Line) -> JSON {
        .object([
            ("number", .optional(line.number)), ("name", .string(line.name)),
            ("country", .string(line.country)), ("is_shared_number", .bool(line.isShared)),
        ])
    }

    func v1Webhook(_ webhook: WebhookV1) -> JSON {
        .object([
            ("id", .string(webhook.id)), ("allo_number", .string(webhook.alloNumber)),
            ("enabled", .bool(webhook.enabled)), ("url", .string(webhook.url)), ("topics", .strings(webhook.topics)),
        ])
    }
}
