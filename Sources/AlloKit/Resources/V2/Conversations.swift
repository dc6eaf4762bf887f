public import Foundation

/// `allo.conversations`: a line's conversations, one per other party, newest activity first, and the read/archive
/// actions on them (v2, scope `CONVERSATIONS_READ`, contract §7.5).
public struct Conversations: Sendable {
    let sender: RequestSender

    /// `GET /v2/api/conversations`, one page (pages count from 1; `size` 1–100).
    /// - Parameters:
    ///   - alloNumber: the line, E.164. Required: the live API refuses the call without it (`400 MISSING_ALLO_NUMBER`).
    ///   - lastActivitySince: only conversations active since then, for incremental sync.
    ///   - unread: only unread (`true`) or only read (`false`) conversations.
    ///   - extend: `[.transcript]` fills the transcript of each `lastItem` that is a call.
    public func list(alloNumber: String, lastActivitySince: Date? = nil, unread: Bool? = nil, extend: [ItemExtension] = [],
                     page: Int = 1, size: Int = 20, options: RequestOptions = .none) async throws(AlloError) -> Page<ConversationSummary> {
        let request = APIRequest("GET", .v2, ["conversations"], query: [
            ("allo_number", alloNumber),
            ("last_activity_since", lastActivitySince.map(AlloDate.format)),
            ("unread", unread.map { $0 ? "true" : "false" }),
            ("extend", ItemExtension.wire(extend)),
            ("page", String(page)),
            ("size", String(size)),
        ])
        let response = try await sender.send(request, options: options)
        return try sender.decode(V2Page<ConversationSummary>.self, from: response, request: request).page(requested: page)
    }

    /// Every conversation of the line, page by page as you iterate.
    /// `pagesInFlight` > 1 fetches the next pages ahead once the first has said how many there are.
    public func all(alloNumber: String, lastActivitySince: Date? = nil, unread: Bool? = nil, extend: [ItemExtension] = [],
                    size: Int = 20, pagesInFlight: Int = 1, options: RequestOptions = .none) -> PageSequence<ConversationSummary> {
        PageSequence(firstPage: 1, pagesInFlight: pagesInFlight) { page throws(AlloError) in
            try await list(alloNumber: alloNumber, lastActivitySince: lastActivitySince, unread: unread, extend: extend,
                           page: page, size: size, options: options)
        }
    }

    /// `PUT /v2/api/conversations/{contact_number}/action`. Without `alloNumber` the action applies to the
    /// conversations with `contactNumber` on every line. An unknown conversation is a 404.
    public func perform(_ action: ConversationAction, contactNumber: String, alloNumber: String? = nil,
                        options: RequestOptions = .none) async throws(AlloError) {
        // The path's `+` goes out as %2B (contract §1); the core's encoding does it.
        let request = APIRequest("PUT", .v2, ["conversations", contactNumber, "action"],
                                 json: ActionBody(action: action, alloNumber: alloNumber), idempotencyKey: true)
        // 200 with no documented body: nothing to decode.
        _ = try await sender.send(request, options: options)
    }

    /// Marks the conversation read.
    public func markRead(contactNumber: String, alloNumber: String? = nil, options: RequestOptions = .none) async throws(AlloError) {
        try await perform(.read, contactNumber: contactNumber, alloNumber: alloNumber, options: options)
    }

    /// Marks the conversation unread.
    public func markUnread(contactNumber: String, alloNumber: String? = nil, options: RequestOptions = .none) async throws(AlloError) {
        try await perform(.unread, contactNumber: contactNumber, alloNumber: alloNumber, options: options)
    }

    /// Archives the conversation.
    public func archive(contactNumber: String, alloNumber: String? = nil, options: RequestOptions = .none) async throws(AlloError) {
        try await perform(.archive, contactNumber: contactNumber, alloNumber: alloNumber, options: options)
    }

    /// Brings an archived conversation back.
    public func unarchive(contactNumber: String, alloNumber: String? = nil, options: RequestOptions = .none) async throws(AlloError) {
        try await perform(.unarchive, contactNumber: contactNumber, alloNumber: alloNumber, options: options)
    }
}

private struct ActionBody: Encodable {
    var action: ConversationAction
    var alloNumber: String?

    enum CodingKeys: String, CodingKey {
        case action
        case alloNumber = "allo_number"
    }
}
