/// What `GET /v2/api/me` says about the key in use: its scopes, the endpoints it may call, its team and its rate
/// limits (contract §7.1). Needs no scope, so it is the call to make first.
public struct Me: Codable, Sendable, Hashable {
    /// One endpoint the key may call, with its path template (`/v2/api/users/{id}`).
    public struct Endpoint: Codable, Sendable, Hashable {
        /// `GET`, `POST`, `PUT`, `DELETE` (and `PATCH`, which the docs' enum forgets).
        public var method: String
        /// The path with its `{placeholders}` kept.
        public var path: String
        /// What the endpoint does, in the API's words.
        public var description: String?
        /// The scope it needs; nil for `/v2/api/me` itself.
        public var scope: String?

        /// Builds an endpoint entry, for tests and previews; the API builds them when decoding.
        public init(method: String, path: String, description: String? = nil, scope: String? = nil) {
            self.method = method
            self.path = path
            self.description = description
            self.scope = scope
        }

        enum CodingKeys: String, CodingKey { case method, path, description, scope }

        public init(from decoder: any Decoder) throws {
            let container = try BothCases(decoder, CodingKeys.self)
            method = try container(String.self, .method) ?? ""
            path = try container(String.self, .path) ?? ""
            description = try container(String.self, .description)
            scope = try container(String.self, .scope)
        }
    }

    /// The key's team.
    public struct Team: Codable, Sendable, Hashable {
        /// `team-…`.
        public var id: String
        /// The team's name.
        public var name: String?

        /// Builds a team, for tests and previews; the API builds them when decoding.
        public init(id: String, name: String? = nil) {
            self.id = id
            self.name = name
        }
    }

    /// Requests per second this key may make; 20 reads and 5 writes unless the account says otherwise (contract §4).
    public struct RateLimits: Codable, Sendable, Hashable {
        /// Reads per second (`read_per_second` on the wire); 20 when absent.
        public var readPerSecond: Int
        /// Writes per second (`write_per_second` on the wire); 5 when absent.
        public var writePerSecond: Int

        /// Builds rate limits; the defaults are the API's.
        public init(readPerSecond: Int = 20, writePerSecond: Int = 5) {
            self.readPerSecond = readPerSecond
            self.writePerSecond = writePerSecond
        }

        enum CodingKeys: String, CodingKey {
            case readPerSecond = "read_per_second"
            case writePerSecond = "write_per_second"
        }

        public init(from decoder: any Decoder) throws {
            let container = try BothCases(decoder, CodingKeys.self)
            readPerSecond = try container(Int.self, .readPerSecond) ?? 20
            writePerSecond = try container(Int.self, .writePerSecond) ?? 5
        }
    }

    /// `api-…`.
    public var apiKeyID: String
    /// The scopes granted to the key (`CONVERSATIONS_READ`, …), as the API spells them.
    public var scopes: [String]
    /// Only the endpoints this key's scopes allow.
    public var endpoints: [Endpoint]
    /// Nil when the key's user has no team.
    public var team: Team?
    /// `rate_limits` on the wire; the defaults when absent.
    public var rateLimits: RateLimits

    /// Builds an identity, for tests and previews; the API builds them when decoding.
    public init(apiKeyID: String, scopes: [String] = [], endpoints: [Endpoint] = [], team: Team? = nil,
                rateLimits: RateLimits = RateLimits()) {
        self.apiKeyID = apiKeyID
        self.scopes = scopes
        self.endpoints = endpoints
        self.team = team
        self.rateLimits = rateLimits
    }

    /// Whether the key holds `scope`, or the `*_READ_WRITE` scope that includes a `*_READ` one.
    public func hasScope(_ scope: String) -> Bool {
        scopes.contains(scope) || (scope.hasSuffix("_READ") && scopes.contains(scope + "_WRITE"))
    }

    enum CodingKeys: String, CodingKey {
        case apiKeyID = "api_key_id"
        case scopes, endpoints, team
        case rateLimits = "rate_limits"
    }

    public init(from decoder: any Decoder) throws {
        let container = try BothCases(decoder, CodingKeys.self)
        apiKeyID = try container(String.self, .apiKeyID) ?? ""
        scopes = try container([String].self, .scopes) ?? []
        endpoints = try container([Endpoint].self, .endpoints) ?? []
        team = try container(Team.self, .team)
        rateLimits = try container(RateLimits.self, .rateLimits) ?? RateLimits()
    }
}
