/// `POST /v2/api/conversations/items/search` (§7.5). Accepts the union of the enum spellings seen in the wild
/// (OpenAPI and mcp-withallo) and emits only the OpenAPI values.
enum V2ItemSearch {
    struct Filters {
        var line: Int?
        var contactNumber: String?
        var user: Int?
        var direction: Direction?
        var kind: Item.Kind?
        var result: String?          // ANSWERED, VOICEMAIL, TRANSFERRED, or MISSED (no v2 result)
        var tags: [String]?
        var unread: Bool?
        var unresponded: Bool?
        var hasRecording: Bool?
        var words: [String]
        var sort: String
        var from: Int64?
        var to: Int64?
    }

    static func search(_ request: APIRequest, _ world: inout World) throws(APIError) -> Reply {
        let body = try request.object(allowEmpty: true)
        let filters = try parse(body, world: world)
        let transcript = try V2Items.extendsTranscript(try V2Items.extendValues(body))
        let page = try Page.v2(body)

        let candidates: [ItemRef]
        if let number = filters.contactNumber {
            guard let party = world.partyByNumber[number] else { return page.v2([], total: 0) }
            candidates = world.itemsNewestFirst(of: party).map { ItemRef(date: $0.date, party: Int32(party), ordinal: Int32($0.ordinal)) }
        } else {
            candidates = world.allItems()
        }
        var matches: [(ref: ItemRef, score: Int)] = []
        var unrespondedSince: [Int: Int64] = [:]
        for ref in candidates {
            let party = Int(ref.party)
            let item = world.parties[party].items![Int(ref.ordinal)]
            guard passes(item, party: party, filters, world: world, unrespondedSince: &unrespondedSince) else { continue }
            var score = 0
            if !filters.words.isEmpty {
                score = relevance(of: filters.words, in: world.searchWords(of: item))
                if score == 0 { continue }
            }
            matches.append((ref, score))
        }
        switch filters.sort {
        case "DATE_ASC": matches.reverse()
        case "RELEVANCE": matches.sort { $0.score != $1.score ? $0.score > $1.score : $0.ref.date > $1.ref.date }
        default: break
        }
        let results = page.slice(matches).map { match in
            let party = world.parties[Int(match.ref.party)]
            return world.v2Item(party.items![Int(match.ref.ordinal)], party: party, withTranscript: transcript, now: request.nowSeconds)
        }
        return page.v2(results, total: matches.count)
    }

    private static func passes(_ item: Item, party: Int, _ f: Filters, world: World, unrespondedSince: inout [Int: Int64]) -> Bool {
        if let line = f.line, item.line != line { return false }
        if let kind = f.kind, item.kind != kind { return false }
        if let direction = f.direction, item.direction != direction { return false }
        if let user = f.user, item.user != user { return false }
        if let from = f.from, item.date < from { return false }
        if let to = f.to, item.date >= to { return false }
        if let result = f.result {
            guard item.kind == .call else { return false }
            if result == "MISSED" { if item.result?.v2 != nil { return false } } else if item.result?.v2 != result { return false }
        }
        if let tags = f.tags, !tags.isEmpty, !item.tags.contains(where: tags.contains) { return false }
        if let hasRecording = f.hasRecording, (world.recordingURL(of: item, party: world.parties[party]) != nil) != hasRecording { return false }
        if let unread = f.unread {
            let state = world.parties[party].conversation(on: item.line)
            let isUnread = item.direction == .inbound && (state?.unread ?? false) && item.date > (state?.readAt ?? .max)
            if isUnread != unread { return false }
        }
        if let unresponded = f.unresponded {
            // Inbound items after the conversation's last outbound one have had no answer.
            let key = party &* 64 &+ item.line
            let lastOutbound = unrespondedSince[key] ?? {
                let date = world.parties[party].items?.filter { $0.line == item.line && $0.direction == .outbound }.map(\.date).max() ?? .min
                unrespondedSince[key] = date
                return date
            }()
            if (item.direction == .inbound && item.date > lastOutbound) != unresponded { return false }
        }
        return true
    }

    /// Every query word must start some word of the text (AND, prefix match, accents and case ignored).
    /// The score counts matching words, for RELEVANCE.
    static func relevance(of words: [String], in haystack: [String]) -> Int {
        var score = 0
        for word in words {
            let hits = haystack.reduce(0) { $0 + ($1.hasPrefix(word) ? 1 : 0) }
            if hits == 0 { return 0 }
            score += hits
        }
        return score
    }

    // MARK: - Parsing the body

    private static func parse(_ body: Fields, world: World) throws(APIError) -> Filters {
        let line = try (try body.string("allo_number")).map { n throws(APIError) in try world.requireLine(number: n, param: "allo_number", version: .v2) }
        let contactNumber = try world.phoneFilter(try body.string("contact_number"), param: "contact_number")
        let user = try (try body.string("user_id")).map { id throws(APIError) in
            guard let index = world.userIndex(id: id) else {
                throw APIError(404, "USER_NOT_FOUND", "No user with id '\(id.prefix(60))'.", param: "user_id")
            }
            return index
        }
        let direction = try (try body.string("direction")).map { d throws(APIError) in
            Direction(rawValue: try APIError.checkOneOf(d, ["INBOUND", "OUTBOUND"], param: "direction"))!
        }
        let kind: Item.Kind?
        switch try body.string("type") {
        case nil, "ALL"?: kind = nil
        case "CALL"?: kind = .call
        case "SMS"?, "TEXT_MESSAGE"?: kind = .sms
        case let other?: throw .invalidParameter("type", "'type' must be CALL, SMS or ALL; got '\(other.prefix(40))'.")
        }
        let result = try (try body.string("result")).map { r throws(APIError) in
            try APIError.checkOneOf(r, ["ANSWERED", "VOICEMAIL", "TRANSFERRED", "MISSED"], param: "result")
        }
        var words: [String] = []
        if let search = try body.string("search") {
            words = SearchText.words(search)
            guard !words.isEmpty, search.count <= 500 else {
                throw APIError(400, "INVALID_SEARCH_QUERY", "'search' must contain at least one letter or digit (and at most 500 characters).",
                               param: "search")
            }
        }
        let sort: String
        switch try body.string("sort") {
        case nil, "DATE_DESC"?, "RECENT"?, "DATE"?: sort = "DATE_DESC"
        case "DATE_ASC"?, "OLDEST"?: sort = "DATE_ASC"
        case "RELEVANCE"?: sort = "RELEVANCE"
        case let other?: throw .invalidParameter("sort", "'sort' must be DATE_DESC, DATE_ASC or RELEVANCE; got '\(other.prefix(40))'.")
        }
        var from: Int64?, to: Int64?
        if let date = try body.object("date") {
            let fromText = try date.string("from"), toText = try date.string("to")
            guard let fromText, let toText else { throw .missing(fromText == nil ? "date.from" : "date.to") }
            guard let f = Timestamp.parse(fromText), fromText.count == 10, let t = Timestamp.parse(toText), toText.count == 10 else {
                throw .invalidParameter("date", "'date.from' and 'date.to' are dates written YYYY-MM-DD.")
            }
            guard f <= t else { throw APIError(400, "INVALID_DATE_RANGE", "'date.from' (\(fromText)) is after 'date.to' (\(toText)).", param: "date") }
            guard t - f <= 366 * 86_400 else {
                throw APIError(400, "DATE_RANGE_TOO_WIDE", "A date range spans at most 366 days.", param: "date")
            }
            from = f
            to = t + 86_400   // `to` is inclusive: the whole day
        }
        return Filters(line: line, contactNumber: contactNumber, user: user, direction: direction, kind: kind, result: result,
                       tags: try body.strings("tags"), unread: try body.bool("unread"), unresponded: try body.bool("unresponded"),
                       hasRecording: try body.bool("has_recording"), words: words, sort: sort, from: from, to: to)
    }
}
