/// The fields of a contact to create or change. The same type serves `contacts.create` (which needs `numbers`) and
/// `contacts.update`, which sends only the fields that are set; `numbers` and `emails` replace the whole list.
public struct ContactInput: Encodable, Sendable, Hashable {
    /// E.164 numbers. Required by `create` (at least one); on `update` the list replaces all of the contact's numbers.
    public var numbers: [String]?
    /// First name.
    public var name: String?
    /// `last_name` on the wire.
    public var lastName: String?
    /// `job_title` on the wire.
    public var jobTitle: String?
    /// The contact's website, e.g. `https://acme.com`.
    public var website: String?
    /// Email addresses; on `update` the list replaces all of them.
    public var emails: [String]?

    /// Builds the fields to send; those left nil are not sent.
    public init(numbers: [String]? = nil, name: String? = nil, lastName: String? = nil, jobTitle: String? = nil,
                website: String? = nil, emails: [String]? = nil) {
        self.numbers = numbers
        self.name = name
        self.lastName = lastName
        self.jobTitle = jobTitle
        self.website = website
        self.emails = emails
    }

    enum CodingKeys: String, CodingKey {
        case numbers, name, website, emails
        case lastName = "last_name", jobTitle = "job_title"
    }
    // The synthesized encoder uses encodeIfPresent for optionals: unset fields are left out, never sent as null.
}
