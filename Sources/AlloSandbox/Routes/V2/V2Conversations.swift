/// `GET /v2/api/conversations` and `PUT /v2/api/conversations/{contact_number}/action` (§7.5).
enum V2Conversations {
    static func list(_ request: APIRequest, _ world: inout World) throws(APIError) -> Reply {
        // Documented optional, rejected without it by the live API (§7.5).
        guard let alloNumber = request.query["allo_number"] else {
            throw APIError(400, "MISSING_ALLO_NUMBER", "'allo_number' is required: conversations are listed per Allo number.",
                           param: "allo_number", suggestion: "List your numbers with GET /v2/api/numbers.")
        }
        let line = try world.requireLine(number: alloNumber, param: "allo_number", version: .v2)
        let since = try request.query["last_activity_since"].map { text throws(APIError) in
            guard let seconds = Timestamp.parse(text) else {
                throw .invalidParameter("last_activity_since", "'last_activity_since' must be an ISO-8601 date-time; got '\(text.prefix(40))'.")
            }
            return seconds
        }
        let unread = try request.query.bool("unread")
        // Sandbox extension: archived conversations are hidden unless `archived=true` asks for them alone.
        let archived = try request.query.bool("archived") ?? false
        let transcript = try V2Items.extendsTranscript(request.query.list("extend"))
        let page = try Page.v2(request.query)

        var matches: [Int] = []
        for party in world.conversationOrder[line] {
            guard let state = world.parties[party].conversation(on: line) else { continue }
            if let since, state.lastActivity < since { break }
            if state.archived != archived { continue }
            if let unread, state.unread != unread { continue }
            matches.append(party)
        }
        let results = page.slice(matches).map { party in
            summary(party: party, line: line, transcript: transcript, world: &world, now: request.nowSeconds)
        }
        return page.v2(results, total: matches.count)
    }

    private static func summary(party: Int, line: Int, transcript: Bool, world: inout World, now: Int64) -> JSON {
        let last = world.itemsNewestFirst(of: party).first { $0.line == line }
        let p = world.parties[party]
        return .object([
            ("contact_number", .string(p.number)),
            ("contacts", world.v2Contacts(forNumber: p.number)),
            ("last_activity", .string(Timestamp.v2(p.conversation(on: line)?.lastActivity ?? 0))),
            ("last_item", last.map { world.v2Item($0, party: p, withTranscript: transcript, now: now) } ?? .null),
        ])
    }

    static func action(_ request: APIRequest, _ world: inout World) throws(APIError) -> Reply {
        let number = request.param("contact_number")
        guard PhoneNumber.isValid(number) || number == "anonymous" else { throw .invalidPhone("contact_number", number) }
        let body = try request.object()
        let actions = ["READ", "UNREAD", "ARCHIVE", "UNARCHIVE"]
        let action = try body.string("action")
        guard let action, actions.contains(action) else {
            throw APIError(400, "INVALID_ACTION", "'action' must be one of \(actions.joined(separator: ", ")).", param: "action")
        }
        let line = try (try body.string("allo_number")).map { value throws(APIError) in
            try world.requireLine(number: value, param: "allo_number", version: .v2)
        }
        let party = world.partyByNumber[number]
        var lines: [Int] = []
        if let party {
            lines = world.parties[party].conversations.map(\.line).filter { candidate in line == nil || candidate == line }
        }
        guard let party, !lines.isEmpty else {
            throw APIError(404, "CONVERSATION_NOT_FOUND", "No conversation with \(number)\(line.map { " on \(world.lines[$0].number ?? "")" } ?? "").",
                           param: "contact_number")
        }
        let history = world.itemsNewestFirst(of: party)
        for conversationLine in lines {
            let newestInbound = history.first { $0.direction == .inbound && $0.line == conversationLine }?.date
            world.setConversation(party: party, line: conversationLine) { state in
                switch action {
                case "READ": state.unread = false; state.readAt = max(state.readAt, request.nowSeconds)
                case "UNREAD": state.unread = true; state.readAt = min(state.readAt, (newestInbound ?? state.lastActivity) - 1)
                case "ARCHIVE": state.archived = true
                default: state.archived = false
                }
            }
        }
        let states = world.parties[party].conversations.filter { lines.contains($0.line) }
        return .data(.object([
            ("contact_number", .string(number)),
            ("action", .string(action)),
            ("conversations", .array(states.map { state in
                .object([
                    ("allo_number", .optional(world.lines[state.line].number)),
                    ("unread", .bool(state.unread)), ("archived", .bool(state.archived)),
                ])
            })),
        ]))
    }
}
