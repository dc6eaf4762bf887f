/// `allo.calls`: call history per Allo number (v1, scope `CONVERSATIONS_READ`), with transcripts and summaries.
public struct Calls: Sendable {
    let sender: RequestSender

    /// `GET /v1/api/calls`: one page (from 0) of the calls on `alloNumber`, optionally only those with `contactNumber`.
    public func search(alloNumber: String, contactNumber: String? = nil, page: Int = 0, size: Int = 10,
                       options: RequestOptions = .none) async throws(AlloError) -> Page<Call> {
        try checkPage(page, from: 0, size: size)
        guard !alloNumber.isEmpty else { throw .invalidArgument("alloNumber is required: one of your Allo numbers, E.164") }
        let request = APIRequest("GET", .v1, ["calls"], query: [
            ("allo_number", alloNumber), ("contact_number", contactNumber), ("page", "\(page)"), ("size", "\(size)"),
        ])
        return try await sender.data(request, as: V1Page<Call>.self, options: options).page(requested: page, size: size)
    }

    /// Every call on `alloNumber`, page by page as you iterate.
    public func all(alloNumber: String, contactNumber: String? = nil, size: Int = 100, pagesInFlight: Int = 1,
                    options: RequestOptions = .none) -> PageSequence<Call> {
        PageSequence(firstPage: 0, pagesInFlight: pagesInFlight) { page throws(AlloError) in
            try await search(alloNumber: alloNumber, contactNumber: contactNumber, page: page, size: size, options: options)
        }
    }
}
