/// A contact attached to a conversation or item (the `Contact` of contract §7.5), with its company and open deals.
public struct ItemContact: Codable, Sendable, Hashable, Identifiable {
    /// The contact's company: `{id, name}`.
    public struct Company: Codable, Sendable, Hashable {
        /// `com-…`.
        public var id: String?
        /// The company's name.
        public var name: String?

        /// Builds a company, for tests and previews; the API builds them when decoding.
        public init(id: String? = nil, name: String?) {
            self.id = id
            self.name = name
        }

        enum CodingKeys: String, CodingKey { case id, name }

        public init(from decoder: any Decoder) throws {
            // Some payloads give the company as a bare name.
            if let name = try? decoder.singleValueContainer().decode(String.self) {
                self.init(name: name)
            } else {
                let container = try BothCases(decoder, CodingKeys.self)
                self.init(id: try container(String.self, .id), name: try container(String.self, .name))
            }
        }
    }

    /// A CRM deal of the contact.
    public struct Deal: Codable, Sendable, Hashable, Identifiable {
        /// `dea-…`.
        public var id: String
        /// The deal's name.
        public var name: String?
        /// Open, won or lost; unknown values are kept as `.unknown`.
        public var status: DealStatus?

        /// Builds a deal, for tests and previews; the API builds them when decoding.
        public init(id: String, name: String? = nil, status: DealStatus? = nil) {
            self.id = id
            self.name = name
            self.status = status
        }

        enum CodingKeys: String, CodingKey { case id, name, status }

        public init(from decoder: any Decoder) throws {
            let container = try BothCases(decoder, CodingKeys.self)
            id = try container(String.self, .id) ?? ""
            name = try container(String.self, .name)
            status = try container(DealStatus.self, .status)
        }
    }

    /// `cnt-…`.
    public var id: String
    /// The contact's full name, e.g. `Sarah Johnson`.
    public var name: String?
    /// The contact's company; nil when none.
    public var company: Company?
    /// The contact's CRM deals; empty when none.
    public var deals: [Deal]

    /// Builds a contact, for tests and previews; the API builds them when decoding.
    public init(id: String, name: String? = nil, company: Company? = nil, deals: [Deal] = []) {
        self.id = id
        self.name = name
        self.company = company
        self.deals = deals
    }

    enum CodingKeys: String, CodingKey { case id, name, company, deals }

    public init(from decoder: any Decoder) throws {
        let container = try BothCases(decoder, CodingKeys.self)
        id = try container(String.self, .id) ?? ""
        name = try container(String.self, .name)
        company = try container(Company.self, .company)
        deals = try container([Deal].self, .deals) ?? []
    }
}

extension ItemContact {
    /// Where a deal stands. The docs write both `OPEN` and `open`; matching ignores case.
    public enum DealStatus: OpenEnum {
        case open, won, lost
        case unknown(String)

        /// Wire spellings of the known cases; any other value decodes as `.unknown(raw)`.
        public static let wireValues: [(DealStatus, String)] = [(.open, "OPEN"), (.won, "WON"), (.lost, "LOST")]
    }
}
