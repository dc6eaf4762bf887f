/// The fields of a contact to create or change. The same type serves `contacts.create` (which needs `numbers`) and
/// `contacts.update`, which sends only the fields that are set; `numbers` and `emails` replace the whole list.
public struct ContactInput: Encodable, Sendable, Hashable {
    public var numbers: [String]?
    public var name: String?
    public var lastName: String?
    public var jobTitle: String?
    public var website: String?
    public var emails: [String]?

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
