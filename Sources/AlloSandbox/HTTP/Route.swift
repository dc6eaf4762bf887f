import Foundation

/// A handler runs with the world locked: it reads and changes the world synchronously and returns a reply.
typealias Handler = @Sendable (APIRequest, inout World) throws(APIError) -> Reply

/// One operation of the API: method, path template, the scope it needs and what `/v2/api/me` says of it.
struct Route: Sendable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    let method: String
    let template: String
    let segments: [Segment]
    let scope: Scope?
    let summary: String
    let handler: Handler

    init(_ method: String, _ template: String, scope: Scope?, _ summary: String, _ handler: @escaping Handler) {
        self.method = method
        self.template = template
        self.segments = template.split(separator: "/").map { part in
            part.hasPrefix("{") ? .parameter(String(part.dropFirst().dropLast())) : .literal(String(part))
        }
        self.scope = scope
        self.summary = summary
        self.handler = handler
    }

    /// Writes count against the write rate limit (§4).
    var isWrite: Bool { method != "GET" }

    var literalCount: Int { segments.filter { if case .literal = $0 { true } else { false } }.count }

    func match(_ parts: [String]) -> [String: String]? {
        guard parts.count == segments.count else { return nil }
        var params: [String: String] = [:]
        for (segment, part) in zip(segments, parts) {
            switch segment {
            case .literal(let text): if text != part { return nil }
            case .parameter(let name): params[name] = part
            }
        }
        return params
    }
}

/// Finds the route for a method and path; tells 404 (no such path) from 405 (path exists, not with this method).
struct RouteTable: Sendable {
    let routes: [Route]

    enum Match {
        case found(Route, [String: String])
        case methodNotAllowed(allowed: [String])
        case notFound
    }

    /// Splits the raw path and percent-decodes each segment, so `%2B` is `+` and `%2F` stays inside its segment.
    static func segments(ofRawPath path: String) -> [String]? {
        var parts: [String] = []
        for raw in path.split(separator: "/", omittingEmptySubsequences: true) {
            guard let decoded = raw.removingPercentEncoding else { return nil }
            parts.append(decoded)
        }
        return parts
    }

    func match(method: String, parts: [String]) -> Match {
        // Literal segments win over parameters: `/webhooks/event_types` is not `/webhooks/{webhook_id}`.
        let candidates = routes.compactMap { route in route.match(parts).map { (route, $0) } }
            .sorted { $0.0.literalCount > $1.0.literalCount }
        guard !candidates.isEmpty else { return .notFound }
        let best = candidates[0].0.literalCount
        let sameShape = candidates.filter { $0.0.literalCount == best }
        if let hit = sameShape.first(where: { $0.0.method == method }) { return .found(hit.0, hit.1) }
        return .methodNotAllowed(allowed: Array(Set(sameShape.map(\.0.method))).sorted())
    }
}
