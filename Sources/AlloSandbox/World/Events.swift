import Foundation

/// Events and their webhook payloads. v1 payloads follow §8.2 (snake_case); v2 envelopes follow §8.3. The contract
/// only documents `call.received` fully; other v2 payloads are modelled on the conversation item, as §8.3 suggests.
extension World {
    /// Queues one delivery per enabled webhook that listens to the topic: v1 ones on the item's Allo number, v2 ones
    /// account-wide.
    /// Payloads are built only when some webhook listens.
    mutating func emit(v1Topic: String?, v2Topic: String?, alloNumber: String?, v1Data: (World) -> JSON,
                       v2Data: (World) -> JSON, now: Double) {
        if let v1Topic {
            let targets = webhooks.filter { $0.enabled && $0.topics.contains(v1Topic) && (alloNumber == nil || $0.alloNumber == alloNumber) }
            if !targets.isEmpty {
                let body = JSON.object([("topic", .string(v1Topic)), ("data", v1Data(self))]).serialized()
                for webhook in targets {
                    outbox.append(WebhookDelivery(messageID: "msg_" + newToken(20), version: .v1, webhookID: webhook.id,
                                                  url: webhook.url, topic: v1Topic, body: body, secret: nil))
                }
            }
        }
        if let v2Topic {
            let targets = endpoints.filter { $0.enabled && $0.topics.contains(v2Topic) }
            if !targets.isEmpty {
                let body = JSON.object([
                    ("topic", .string(v2Topic)), ("version", .string("2.0")),
                    ("timestamp", .string(Timestamp.v2Fractional(now))), ("data", v2Data(self)),
                ]).serialized()
                for endpoint in targets {
                    outbox.append(WebhookDelivery(messageID: "msg_" + newToken(20), version: .v2, webhookID: endpoint.id,
                                                  url: endpoint.url, topic: v2Topic, body: body, secret: endpoint.secret))
                }
            }
        }
    }

    /// `SMS_SENT`/`sms.sent` or `SMS_RECEIVED`/`sms.received`.
    mutating func emitSMS(_ item: Item, party: Int, now: Double) {
        let p = parties[party]
        let inbound = item.direction == .inbound
        emit(v1Topic: inbound ? "SMS_RECEIVED" : "SMS_SENT", v2Topic: inbound ? "sms.received" : "sms.sent",
             alloNumber: lines[item.line].number,
             v1Data: { $0.v1SMSPayload(item, party: p) },
             v2Data: { $0.v2ItemPayload(item, party: p, now: now) }, now: now)
    }

    /// An inbound call: `call.received` when it rings, then `CALL_RECEIVED`/`call.completed` once processed.
    mutating func emitCall(_ item: Item, party: Int, now: Double) {
        let p = parties[party]
        let line = lines[item.line]
        if item.direction == .inbound {
            emit(v1Topic: nil, v2Topic: "call.received", alloNumber: line.number, v1Data: { _ in .null },
                 v2Data: { $0.callReceivedPayload(item, party: p) }, now: now)
        }
        emit(v1Topic: "CALL_RECEIVED", v2Topic: "call.completed", alloNumber: line.number,
             v1Data: { $0.v1CallPayload(item, party: p) },
             v2Data: { $0.v2ItemPayload(item, party: p, now: now) }, now: now)
    }

    mutating func emitContact(_ contact: Contact, created: Bool, now: Double) {
        emit(v1Topic: created ? "CONTACT_CREATED" : "CONTACT_UPDATED", v2Topic: created ? "contact.created" : "contact.updated",
             alloNumber: nil,
             v1Data: { _ in .object([
                ("id", .string("cnt_" + contact.token)), ("name", .optional(contact.name)),
                ("last_name", .optional(contact.lastName)), ("company", .optional(contact.company?.name)),
                ("emails", .strings(contact.emails)), ("numbers", .strings(contact.numbers)),
             ]) },
             v2Data: { _ in .object([
                ("id", .string("cnt-" + contact.token)), ("name", .optional(contact.name)),
                ("last_name", .optional(contact.lastName)), ("emails", .strings(contact.emails)),
                ("numbers", .strings(contact.numbers)), ("job_title", .optional(contact.jobTitle)),
                ("website", .optional(contact.website)),
                ("company", contact.company.map { .object([("id", .string("com-" + $0.id)), ("name", .string($0.name))]) } ?? .null),
             ]) }, now: now)
    }

    mutating func emitTag(_ tag: String, added: Bool, item: Item, party: Int, now: Double) {
        let p = parties[party]
        emit(v1Topic: nil, v2Topic: added ? "tag.added" : "tag.removed", alloNumber: lines[item.line].number,
             v1Data: { _ in .null },
             v2Data: { world in .object([
                ("id", .string(ItemID.v2(item, party: p))), ("tag", .string(tag)),
                ("allo_number", .optional(world.lines[item.line].number)), ("contact_number", .string(p.number)),
             ]) }, now: now)
    }

    // MARK: - Payloads

    private func displayName(of number: String) -> String? {
        contacts(forNumber: number).first?.fullName
    }

    private func v1SMSPayload(_ item: Item, party: Party) -> JSON {
        let (from, to) = endpoints(of: item, party: party)
        let ourName = lines[item.line].name
        let inbound = item.direction == .inbound
        return .object([
            ("id", .string(ItemID.v2(item, party: party))),
            ("direction", .string(item.direction.rawValue)),
            ("type", .string(item.messageType ?? "SMS")),
            ("content", .optional(item.content)),
            ("sent_at", .string(Timestamp.v1(item.date))),
            ("from_number", .optional(from ?? lines[item.line].senderID)),
            ("to_number", .optional(to)),
            ("from_name", .optional(inbound ? displayName(of: party.number) : ourName)),
            ("to_name", .optional(inbound ? ourName : displayName(of: party.number))),
        ])
    }

    private func v1CallPayload(_ item: Item, party: Party) -> JSON {
        let (from, to) = endpoints(of: item, party: party)
        let inbound = item.direction == .inbound
        let rows = transcript(of: item) ?? []
        let seconds = item.duration ?? 0
        let summaryText = summary(of: item)
        return .object([
            ("id", .string(ItemID.v1Call(item, party: party))),
            ("start_date", .string(Timestamp.v1(item.date))),
            ("recording_url", .optional(recordingURL(of: item, party: party))),
            ("from_number", .optional(from)),
            ("from_name", .optional(inbound ? displayName(of: party.number) : lines[item.line].name)),
            ("to", .optional(to)),
            ("to_name", .optional(inbound ? lines[item.line].name : displayName(of: party.number))),
            ("length_in_minutes", .double((Double(seconds) / 60 * 100).rounded() / 100)),
            ("length", .string("\(seconds / 60)m \(seconds % 60)s")),
            ("tag", .optional(item.tags.first)),
            ("summary", .optional(summaryText)),
            ("one_sentence_summary", .optional(summaryText.map(Self.firstSentence))),
            ("transcriptions", .array(rows.map {
                .object([("source", .string($0.source)), ("time", .string(Timestamp.v1(item.date + Int64($0.start)))),
                         ("text", .string($0.text))])
            })),
            ("concatenated_transcript", .string(rows.map { "\($0.source): \($0.text)" }.joined(separator: "\n"))),
            ("type", .string(item.direction.rawValue)),
            ("result", .optional(item.result?.rawValue)),
            ("user_email", .optional(item.user.map { users[$0].email })),
        ])
    }

    private func callReceivedPayload(_ item: Item, party: Party) -> JSON {
        let contact = contacts(forNumber: party.number).first
        let person: JSON = contact.map { c in
            var fields: [(String, JSON)] = [
                ("id", .string("cnt-" + c.token)), ("name", .optional(c.name)), ("last_name", .optional(c.lastName)),
                ("email", .optional(c.emails.first)), ("emails", .strings(c.emails)), ("numbers", .strings(c.numbers)),
                ("job_title", .optional(c.jobTitle)),
            ]
            // Custom properties appear as extra top-level keys (§8.3).
            for (key, value) in (c.customProperties ?? [:]).sorted(by: { $0.key < $1.key }) { fields.append((key, .string(value))) }
            return .object(fields)
        } ?? .null
        return .object([
            ("from_number", .string(party.number)),
            ("to_number", .optional(lines[item.line].number)),
            ("started_at", .string(Timestamp.v2(item.date))),
            ("user_email", .optional(item.user.map { users[$0].email } ?? lines[item.line].userIndices.first.map { users[$0].email })),
            ("person", person),
            ("company", contact?.company.map { .object([("id", .string("com-" + $0.id)), ("name", .string($0.name))]) } ?? .null),
            ("deals", .array([])),
        ])
    }

    private func v2ItemPayload(_ item: Item, party: Party, now: Double) -> JSON {
        guard case .object(var fields) = v2Item(item, party: party, withTranscript: true, now: Int64(now)) else { return .null }
        let (from, to) = endpoints(of: item, party: party)
        fields.append(("from_number", .optional(from)))
        fields.append(("to_number", .optional(to)))
        fields.append(("user_email", .optional(item.user.map { users[$0].email })))
        return .object(fields)
    }

    private static func firstSentence(_ text: String) -> String {
        let plain = text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "\n", with: " ")
        guard let end = plain.firstIndex(where: { ".!?".contains($0) }) else { return String(plain.prefix(160)) }
        return String(plain[...end]).trimmingCharacters(in: .whitespaces)
    }
}
