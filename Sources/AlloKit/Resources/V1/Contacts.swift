/// `allo.contacts`: the address book (v1; reads need `CONTACTS_READ`, writes `CONTACTS_READ_WRITE`, the conversation
/// `CONVERSATIONS_READ`). Pages start at 0 and hold 1–100 entries.
public struct Contacts: Sendable {
    let sender: RequestSender

    /// `GET /v1/api/contacts`: one page of contacts.
    public func search(page: Int = 0, size: Int = 10, options: RequestOptions = .none) async throws(AlloError) -> Page<Contact> {
        try checkPage(page, from: 0, size: size)
        let request = APIRequest("GET", .v1, ["contacts"], query: [("page", "\(page)"), ("size", "\(size)")])
        return try await sender.data(request, as: V1Page<Contact>.self, options: options).page(requested: page, size: size)
    }

    /// Every contact, fetched page by page as you iterate.
    public func all(size: Int = 100, pagesInFlight: Int = 1, options: RequestOptions = .none) -> PageSequence<Contact> {
        PageSequence(firstPage: 0, pagesInFlight: pagesInFlight) { page throws(AlloError) in
            try await search(page: page, size: size, options: options)
        }
    }

    /// `GET /v1/api/contact/{id}` (singular `contact`): the detailed form. Unknown ids fail with
    /// `CONTACT_NOT_FOUND` and HTTP 400, not 404 (contract §6.5).
    public func get(_ id: String, extend: [ContactExtension] = [], options: RequestOptions = .none) async throws(AlloError) -> ContactDetails {
        let value = extend.isEmpty ? nil : extend.map(\.rawValue).joined(separator: ",")
        return try await sender.data(APIRequest("GET", .v1, ["contact", id], query: [("extend", value)]), options: options)
    }

    /// `POST /v1/api/contacts`. `numbers` is required (at least one, E.164).
    public func create(_ contact: ContactInput, options: RequestOptions = .none) async throws(AlloError) -> Contact {
        guard let numbers = contact.numbers, !numbers.isEmpty else {
            throw .invalidArgument("a new contact needs at least one number in `numbers`")
        }
        return try await sender.data(APIRequest("POST", .v1, ["contacts"], json: contact), options: options)
    }

    /// `PUT /v1/api/contacts/{id}` (plural `contacts`): changes only the fields set in `changes`; lists replace.
    public func update(_ id: String, _ changes: ContactInput, options: RequestOptions = .none) async throws(AlloError) -> Contact {
        if let numbers = changes.numbers, numbers.isEmpty {
            throw .invalidArgument("`numbers` would leave the contact without a number; leave it nil to keep them")
        }
        return try await sender.data(APIRequest("PUT", .v1, ["contacts", id], json: changes), options: options)
    }

    /// `GET /v1/api/contact/{id}/conversation`: calls and texts with this contact, optionally on one Allo number.
    public func conversation(_ id: String, alloNumber: String? = nil, page: Int = 0, size: Int = 10,
                             options: RequestOptions = .none) async throws(AlloError) -> Page<ConversationEntry> {
        try checkPage(page, from: 0, size: size)
        let request = APIRequest("GET", .v1, ["contact", id, "conversation"],
                                 query: [("allo_number", alloNumber), ("page", "\(page)"), ("size", "\(size)")])
        return try await sender.data(request, as: V1Page<ConversationEntry>.self, options: options).page(requested: page, size: size)
    }

    /// The whole conversation with a contact, page by page as you iterate.
    public func conversationAll(_ id: String, alloNumber: String? = nil, size: Int = 100, pagesInFlight: Int = 1,
                                options: RequestOptions = .none) -> PageSequence<ConversationEntry> {
        PageSequence(firstPage: 0, pagesInFlight: pagesInFlight) { page throws(AlloError) in
            try await conversation(id, alloNumber: alloNumber, page: page, size: size, options: options)
        }
    }
}

/// Rejects page numbers and sizes the API would refuse, before any request.
func checkPage(_ page: Int, from first: Int, size: Int) throws(AlloError) {
    guard page >= first else { throw .invalidArgument("page must be \(first) or more (pages count from \(first) here)") }
    guard (1...100).contains(size) else { throw .invalidArgument("size must be 1 to 100, not \(size)") }
}
