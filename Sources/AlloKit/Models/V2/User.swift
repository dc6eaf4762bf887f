/// A member of the team, as `GET /v2/api/users` lists them (contract §7.2).
public struct User: Codable, Sendable, Hashable, Identifiable {
    /// `usr-…` (also seen as `usr_…`).
    public var id: String
    /// Display name.
    public var name: String?
    /// Email address.
    public var email: String?
    /// Admin, manager or member; unknown values are kept as `.unknown`.
    public var role: UserRole?
    /// Active or blocked; unknown values are kept as `.unknown`.
    public var status: UserStatus?
    /// The avatar's address, when the user has one.
    public var imageURL: String?

    /// Builds a user, for tests and previews; the API builds them when decoding.
    public init(id: String, name: String? = nil, email: String? = nil, role: UserRole? = nil, status: UserStatus? = nil,
                imageURL: String? = nil) {
        self.id = id
        self.name = name
        self.email = email
        self.role = role
        self.status = status
        self.imageURL = imageURL
    }

    /// This user as the short reference items and numbers carry.
    public var ref: UserRef { UserRef(id: id, name: name, email: email) }

    enum CodingKeys: String, CodingKey {
        case id, name, email, role, status
        case imageURL = "image_url"
    }

    public init(from decoder: any Decoder) throws {
        let container = try BothCases(decoder, CodingKeys.self)
        id = try container.require(String.self, .id)
        name = try container(String.self, .name)
        email = try container(String.self, .email)
        role = try container(UserRole.self, .role)
        status = try container(UserStatus.self, .status)
        imageURL = try container(String.self, .imageURL)
    }
}

/// A user's role in the team.
public enum UserRole: OpenEnum {
    case admin, manager, member
    case unknown(String)

    /// Wire spellings of the known cases; any other value decodes as `.unknown(raw)`.
    public static let wireValues: [(UserRole, String)] = [(.admin, "ADMIN"), (.manager, "MANAGER"), (.member, "MEMBER")]
}

/// Whether a user may use the account.
public enum UserStatus: OpenEnum {
    case active, blocked
    case unknown(String)

    /// Wire spellings of the known cases; any other value decodes as `.unknown(raw)`.
    public static let wireValues: [(UserStatus, String)] = [(.active, "ACTIVE"), (.blocked, "BLOCKED")]
}

/// The short form of a user that items and numbers carry: `{id, name, email}`.
public struct UserRef: Codable, Sendable, Hashable, Identifiable {
    /// `usr-…`; empty when absent.
    public var id: String
    /// Display name.
    public var name: String?
    /// Email address.
    public var email: String?

    /// Builds a user reference, for tests and previews; the API builds them when decoding.
    public init(id: String, name: String? = nil, email: String? = nil) {
        self.id = id
        self.name = name
        self.email = email
    }

    enum CodingKeys: String, CodingKey { case id, name, email }

    public init(from decoder: any Decoder) throws {
        let container = try BothCases(decoder, CodingKeys.self)
        id = try container(String.self, .id) ?? ""
        name = try container(String.self, .name)
        email = try container(String.self, .email)
    }
}
