import Foundation

/// Conversation items: get, batch and item tags (§7.4, §7.5). Search lives in `V2ItemSearch`.
enum V2Items {
    static func get(_ request: APIRequest, _ world: inout World) throws(APIError) -> Reply {
        let transcript = try extendsTranscript(request.query.list("extend"))
        let (party, item) = try find(request.param("id"), in: &world)
        return .data(world.v2Item(item, party: world.parties[party], withTranscript: transcript, now: request.nowSeconds))
    }

    static func batch(_ request: APIRequest, _ world: inout World) throws(APIError) -> Reply {
        let body = try request.object()
        guard let ids = try body.strings("ids") else { throw .missing("ids") }
        guard ids.count <= 100 else {
            throw APIError(400, "BATCH_TOO_LARGE", "A batch holds at most 100 ids; got \(ids.count).", param: "ids")
        }
        let transcript = try extendsTranscript(try extendValues(body))
        var results: [JSON] = []
        for id in ids.uniqued() {
            // Unknown ids are left out (§7.5: behaviour undocumented); a malformed prefix is still an error.
            let parsed: ItemID
            do { parsed = try ItemID.parse(id) } catch .unknownPrefix { throw invalidItemID(id) } catch { continue }
            guard let (party, item) = world.findItem(parsed) else { continue }
            results.append(world.v2Item(item, party: world.parties[party], withTranscript: transcript, now: request.nowSeconds))
        }
        return .data(.array(results))
    }

    static func addTags(_ request: APIRequest, _ world: inout World) throws(APIError) -> Reply {
        let (party, item) = try findCall(request.param("id"), in: &world)
        let body = try request.object()
        guard let names = try body.strings("tags"), !names.isEmpty else {
            throw APIError(400, "TAGS_REQUIRED", "'tags' must hold at least one tag name.", param: "tags")
        }
        for name in names where !world.tags.contains(where: { $0.name == name }) {
            throw APIError(404, "TAG_NOT_FOUND", "No tag named '\(name.prefix(60))'.", param: "tags",
                           suggestion: "List tags with GET /v2/api/tags.")
        }
        if let present = names.first(where: { item.tags.contains($0) }) {
            throw APIError(409, "TAG_ALREADY_EXISTS", "The call already has the tag '\(present)'.", param: "tags")
        }
        world.updateItem(party: party, ordinal: item.ordinal) { $0.tags += names.uniqued() }
        let updated = world.parties[party].items![item.ordinal]
        for name in names.uniqued() { world.emitTag(name, added: true, item: updated, party: party, now: request.now) }
        return .data(world.v2Item(updated, party: world.parties[party], withTranscript: false, now: request.nowSeconds))
    }

    static func removeTag(_ request: APIRequest, _ world: inout World) throws(APIError) -> Reply {
        let (party, item) = try findCall(request.param("id"), in: &world)
        let name = request.param("tag")
        guard item.tags.contains(name) else {
            throw APIError(404, "TAG_NOT_FOUND", "The call has no tag '\(name.prefix(60))'.", param: "tag")
        }
        world.updateItem(party: party, ordinal: item.ordinal) { $0.tags.removeAll { $0 == name } }
        let updated = world.parties[party].items![item.ordinal]
        world.emitTag(name, added: false, item: updated, party: party, now: request.now)
        return .data(world.v2Item(updated, party: world.parties[party], withTranscript: false, now: request.nowSeconds))
    }

    // MARK: - Shared

    /// `extend` accepts only `transcript` (§3.2 UNSUPPORTED_EXTEND_VALUE).
    static func extendsTranscript(_ values: [String]) throws(APIError) -> Bool {
        for value in values where value != "transcript" {
            throw APIError(400, "UNSUPPORTED_EXTEND_VALUE", "'extend' supports only 'transcript'; got '\(value.prefix(40))'.", param: "extend")
        }
        return !values.isEmpty
    }

    /// `extend` in a body: a string (`"transcript"`) or an array of strings.
    static func extendValues(_ body: Fields) throws(APIError) -> [String] {
        switch body.value("extend") {
        case nil, .null?: return []
        case .string(let s)?: return s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        default: return try body.strings("extend") ?? []
        }
    }

    static func find(_ id: String, in world: inout World) throws(APIError) -> (Int, Item) {
        let parsed: ItemID
        do { parsed = try ItemID.parse(id) } catch .unknownPrefix { throw invalidItemID(id) } catch { throw notFound(id) }
        guard let found = world.findItem(parsed) else { throw notFound(id) }
        return (found.party, found.item)
    }

    /// Tags go on calls only: a message id is a malformed id here.
    private static func findCall(_ id: String, in world: inout World) throws(APIError) -> (Int, Item) {
        if id.hasPrefix("msg-") || id.hasPrefix("msg_") {
            throw APIError(400, "INVALID_ITEM_ID", "Tags apply to calls (cll-…); '\(id.prefix(60))' is a message.", param: "id")
        }
        return try find(id, in: &world)
    }

    private static func invalidItemID(_ id: String) -> APIError {
        APIError(400, "INVALID_ITEM_ID", "'\(id.prefix(60))' is not a conversation item id (cll-… or msg-…).", param: "id")
    }

    private static func notFound(_ id: String) -> APIError {
        APIError(404, "CONVERSATION_ITEM_NOT_FOUND", "No call or message found with ID '\(id.prefix(60))'.", param: "id",
                 suggestion: "Search for the item using POST /v2/api/conversations/items/search.")
    }
}
