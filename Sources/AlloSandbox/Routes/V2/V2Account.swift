/// Who the key is and what the account has: `/me`, users, numbers and tags (§7.1–7.4).
enum V2Account {
    static func me(_ request: APIRequest, _ world: inout World) throws(APIError) -> Reply {
        let endpoints = SandboxRoutes.api.filter { $0.template.hasPrefix("/v2/") && ($0.scope?.isGranted(by: request.key.scopes) ?? true) }
        return .data(.object([
            ("api_key_id", .string(request.key.id)),
            ("scopes", .strings(Scope.allCases.filter { request.key.scopes.contains($0) }.map(\.rawValue))),
            ("endpoints", .array(endpoints.map { route in
                .object([
                    ("method", .string(route.method)), ("path", .string(route.template)),
                    ("description", .string(route.summary)), ("scope", .optional(route.scope?.rawValue)),
                ])
            })),
            ("team", .object([("id", .string(world.team.id)), ("name", .string(world.team.name))])),
            ("rate_limits", .object([
                ("read_per_second", .int(request.rateLimits.readsPerSecond)),
                ("write_per_second", .int(request.rateLimits.writesPerSecond)),
            ])),
        ]))
    }

    static func users(_ request: APIRequest, _ world: inout World) throws(APIError) -> Reply {
        let role = try request.query["role"].map { value throws(APIError) in
            try APIError.checkOneOf(value, ["ADMIN", "MANAGER", "MEMBER"], param: "role")
        }
        let status = try APIError.checkOneOf(request.query["status"] ?? "ACTIVE", ["ACTIVE", "BLOCKED"], param: "status")
        let users = world.users.filter { ($0.role == role || role == nil) && $0.status == status }
        return .data(.array(users.map { world.v2User($0) }))
    }

    static func user(_ request: APIRequest, _ world: inout World) throws(APIError) -> Reply {
        let id = request.param("id")
        guard let user = world.user(id: id) else {
            throw APIError(404, "USER_NOT_FOUND", "No user with id '\(id.prefix(80))'.", param: "id")
        }
        return .data(world.v2User(user))
    }

    static func numbers(_ request: APIRequest, _ world: inout World) throws(APIError) -> Reply {
        .data(.array(world.lines.map { world.v2Number($0) }))
    }

    static func tags(_ request: APIRequest, _ world: inout World) throws(APIError) -> Reply {
        .data(.array(world.tags.map { world.v2Tag($0) }))
    }
}
