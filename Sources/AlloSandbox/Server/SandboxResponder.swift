import Foundation
import HTTPTypes
import Hummingbird

/// The request pipeline, in order: read the body (≤ 1 MiB), control API or API; authenticate; rate limit and daily
/// quota; injected `before` faults; route (404/405); scope; content type and JSON; the handler under the world lock;
/// webhook dispatch; injected `after` faults; the reply in the path's error shape; the journal and the request log.
struct SandboxResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let core: SandboxCore

    func respond(to request: Request, context: Context) async throws -> Response {
        let started = core.clock.now()
        let method = request.method.rawValue
        let rawPath = request.uri.path
        let version = APIVersion(path: rawPath)
        let requestID = Self.requestID(request.headers[.init("X-Request-Id")!])
        var exchange = Exchange(method: method, rawPath: rawPath, query: request.uri.query, version: version,
                                requestID: requestID, started: started)

        let body = try await Self.collect(request.body, limit: core.configuration.maxBodyBytes)
        let outcome = await handle(request, body: body, exchange: &exchange)
        let response = render(outcome, exchange: exchange)
        record(request, body: body ?? [], exchange: exchange, status: outcome.status)
        return response
    }

    /// What the pipeline decided, before it becomes bytes.
    struct Outcome {
        var status: Int
        var body: JSON?
        var headers: [(String, String)] = []
        /// Faults that change the bytes on the wire: `malformed_json` cuts the JSON, `drop_connection`, `trickle`.
        var spoilers: [FaultRule] = []
        /// A body that is not JSON at all, sent instead of `body`.
        var html: String?
    }

    struct Exchange {
        var method: String
        var rawPath: String
        var query: String?
        var version: APIVersion
        var requestID: String
        var started: Double
        var keyName: String?
        var rateHeaders: [(String, String)] = []
        var limit = 0
        var faults: [String] = []
    }

    private func handle(_ request: Request, body: [UInt8]?, exchange: inout Exchange) async -> Outcome {
        guard let body else {
            return failure(APIError(413, "PAYLOAD_TOO_LARGE", "The body is larger than \(core.configuration.maxBodyBytes) bytes."), exchange)
        }
        if let query = exchange.query, query.utf8.count > 8192 {
            return failure(APIError(414, "URI_TOO_LONG", "The query string is longer than 8192 bytes."), exchange)
        }
        if exchange.version == .control {
            return await ControlAPI(core: core).handle(method: exchange.method, rawPath: exchange.rawPath, query: exchange.query,
                                                       headers: request.headers, body: body, requestID: exchange.requestID)
        }
        guard exchange.rawPath.hasPrefix("/v1/api/") || exchange.rawPath.hasPrefix("/v2/api/") else {
            if exchange.rawPath == "/" && exchange.method == "GET" { return Outcome(status: 200, body: index()) }
            return failure(APIError(404, "ROUTE_NOT_FOUND", "No API path \(exchange.rawPath.prefix(200)); the API lives under /v1/api and /v2/api."), exchange)
        }
        do throws(APIError) {
            let key = try admit(request, &exchange)
            let fired = core.faults.draw(method: exchange.method, path: exchange.rawPath)
            exchange.faults = fired.map(\.kind.rawValue)
            let before = fired.filter { $0.when == .before }, after = fired.filter { $0.when == .after }
            await delay(before)
            if let answer = answerInstead(before, exchange) { return answer }
            let (route, apiRequest) = try resolve(request, body: body, key: key, exchange: exchange)
            let idempotencyKey = exchange.version == .v2 && route.isWrite ? request.headers[.init("Idempotency-Key")!] : nil
            if let idempotencyKey, !(1...255).contains(idempotencyKey.utf8.count) {
                throw APIError(400, "INVALID_PARAMETER", "An Idempotency-Key is 1 to 255 bytes long.", param: "Idempotency-Key")
            }
            let (result, deliveries) = core.store.perform(route, apiRequest, idempotencyKey: idempotencyKey)
            core.dispatcher.dispatch(deliveries)
            let reply = try result.get()
            await delay(after)
            return answerAfterRunning(reply, after, exchange)
        } catch {
            return failure(error, exchange)
        }
    }

    /// Authentication (§2.1), then the per-second limits (§4) and the v1 daily quota (§3.1).
    private func admit(_ request: Request, _ exchange: inout Exchange) throws(APIError) -> APIKey {
        let key: APIKey
        switch authenticate(request.headers[.authorization]) {
        case .success(let found): key = found
        case .failure(let error):
            exchange.rateHeaders = core.limiter.take(key: "anonymous", write: false, now: exchange.started).headers
            throw error
        }
        exchange.keyName = key.name
        let decision = core.limiter.take(key: key.id, write: exchange.method != "GET", now: exchange.started)
        exchange.rateHeaders = decision.headers
        exchange.limit = decision.limit
        guard decision.allowed else { throw rateLimited(limit: decision.limit, retryAfter: decision.retryAfter) }
        if exchange.version == .v1, let quota = core.limiter.takeDaily(key: key.id, now: exchange.started), !quota.allowed {
            var error = APIError(429, "API_KEY_QUOTA_EXCEEDED", "The daily quota of \(quota.limit) requests is used up.")
            error.v1Details = [("limit=\(quota.limit);type=DAILY;reset_in=\(quota.resetIn)", "DAILY")]
            throw error
        }
        return key
    }

    /// Route (404/405), scope (403), then the query and the JSON body (§1: JSON only).
    private func resolve(_ request: Request, body: [UInt8], key: APIKey, exchange: Exchange) throws(APIError) -> (Route, APIRequest) {
        guard let parts = RouteTable.segments(ofRawPath: exchange.rawPath) else {
            throw APIError(400, "INVALID_PARAMETER", "The path has an invalid percent-encoding.")
        }
        let route: Route, params: [String: String]
        switch core.routes.match(method: exchange.method, parts: parts) {
        case .found(let r, let p): (route, params) = (r, p)
        case .notFound:
            throw APIError(404, "ROUTE_NOT_FOUND", "No endpoint \(exchange.method) \(exchange.rawPath.prefix(200)).")
        case .methodNotAllowed(let allowed):
            var error = APIError(405, "METHOD_NOT_ALLOWED", "\(exchange.method) is not allowed here; use \(allowed.joined(separator: " or ")).")
            error.headers = [("Allow", allowed.joined(separator: ", "))]
            throw error
        }
        if let scope = route.scope, !scope.isGranted(by: key.scopes) { throw .insufficientScope(scope) }
        let query = try Query(exchange.query)
        var json: JSON?
        if !body.isEmpty {
            let type = request.headers[.contentType]?.lowercased() ?? ""
            guard type.hasPrefix("application/json") || type.hasPrefix("application/") && type.contains("+json") else {
                throw APIError(415, "UNSUPPORTED_MEDIA_TYPE", "Send JSON with Content-Type: application/json; got '\(type.prefix(60))'.")
            }
            do throws(JSON.ParseError) { json = try JSON.parse(body) } catch { throw .invalidBody(error.reason) }
        }
        let apiRequest = APIRequest(method: exchange.method, path: parts.joined(separator: "/"), params: params, query: query,
                                    body: json, key: key, version: exchange.version, requestID: exchange.requestID,
                                    now: core.clock.now(), rateLimits: core.limiter.limits)
        return (route, apiRequest)
    }

    private func authenticate(_ header: String?) -> Result<APIKey, APIError> {
        guard let header, !header.isEmpty else {
            var error = APIError(401, "UNAUTHORIZED", "Missing Authorization header; send 'Authorization: Api-Key <your key>'.")
            error.v1NullDetails = true
            return .failure(error.forV1Code("API_KEY_INVALID"))
        }
        let secret: String
        if header.hasPrefix("Api-Key ") {
            secret = String(header.dropFirst("Api-Key ".count)).trimmingCharacters(in: .whitespaces)
        } else if !header.contains(" ") {
            secret = header
        } else {
            var error = APIError(401, "UNAUTHORIZED", "Malformed Authorization header; the scheme is 'Api-Key', not '\(header.split(separator: " ").first?.prefix(20) ?? "")'.")
            error.v1NullDetails = true
            return .failure(error.forV1Code("API_KEY_INVALID"))
        }
        guard let key = core.key(secret: secret) else {
            var error = APIError(401, "API_KEY_INVALID", "The API key is not valid.")
            error.v1NullDetails = true
            return .failure(error)
        }
        guard !key.revoked else {
            var error = APIError(401, "API_KEY_REVOKED", "The API key was revoked.")
            error.v1NullDetails = true
            return .failure(error.forV1Code("API_KEY_INVALID"))
        }
        return .success(key)
    }

    private func rateLimited(limit: Int, retryAfter: Int) -> APIError {
        var error = APIError(429, "RATE_LIMIT_EXCEEDED", "You have exceeded the rate limit of \(limit) requests per second.")
        error.retryAfter = retryAfter
        error.v1Details = [("limit=\(limit);type=SECOND;reset_in=\(retryAfter)", "SECOND")]
        error.headers = [("Retry-After", String(retryAfter))]
        return error
    }

    private func failure(_ error: APIError, _ exchange: Exchange) -> Outcome {
        Outcome(status: error.status, body: error.body(version: exchange.version, requestID: exchange.requestID), headers: error.headers)
    }

    private func index() -> JSON {
        .object([
            ("name", .string("allo sandbox")),
            ("description", .string("A stateful local Withallo API. Send 'Authorization: Api-Key <key>' to /v1/api/… and /v2/api/…")),
            ("endpoints", .array(SandboxRoutes.api.map { .string("\($0.method) \($0.template)") })),
        ])
    }

    // MARK: - Injected faults

    /// `latency` faults: before the request runs, or between running it and answering.
    private func delay(_ faults: [FaultRule]) async {
        for rule in faults where rule.kind == .latency {
            try? await Task.sleep(for: .milliseconds(rule.latencyMs ?? 0))
        }
    }

    /// What `before` faults answer instead of running the request; nil when none but latency fired.
    private func answerInstead(_ faults: [FaultRule], _ exchange: Exchange) -> Outcome? {
        guard faults.contains(where: { $0.kind != .latency }) else { return nil }
        var outcome: Outcome
        if let error = injectedError(faults, ran: false, exchange) {
            outcome = failure(error, exchange)
        } else if faults.contains(where: { $0.kind == .malformedJSON }) {
            outcome = Outcome(status: 502, html: Self.gatewayPage)
        } else {
            outcome = failure(injectedStatus(503, ran: false), exchange)
        }
        outcome.spoilers = faults.filter { [.dropConnection, .trickle].contains($0.kind) }
        return outcome
    }

    /// The reply of a request that ran, as `after` faults change it: replaced by a status or a 429, then spoiled.
    private func answerAfterRunning(_ reply: Reply, _ faults: [FaultRule], _ exchange: Exchange) -> Outcome {
        var outcome = injectedError(faults, ran: true, exchange).map { failure($0, exchange) }
            ?? Outcome(status: reply.status, body: reply.body, headers: reply.headers)
        outcome.spoilers = faults.filter { [.malformedJSON, .dropConnection, .trickle].contains($0.kind) }
        return outcome
    }

    /// The answer of a `status` or `rate_limit` fault, if one fired. After the request ran, a 429 is a lie a client
    /// should survive: retrying it repeats the request.
    private func injectedError(_ faults: [FaultRule], ran: Bool, _ exchange: Exchange) -> APIError? {
        if let rule = faults.first(where: { $0.kind == .status }) { return injectedStatus(rule.status ?? 503, ran: ran) }
        if let rule = faults.first(where: { $0.kind == .rateLimit }) {
            return rateLimited(limit: exchange.limit, retryAfter: rule.retryAfter ?? 1)
        }
        return nil
    }

    /// A 5xx in the path's shape whose message says truthfully whether the request ran.
    private func injectedStatus(_ status: Int, ran: Bool) -> APIError {
        let code = [502: "BAD_GATEWAY", 503: "SERVICE_UNAVAILABLE"][status] ?? "INTERNAL_SERVER_ERROR"
        let what = ran ? "ran the request, then answered \(status)" : "answered \(status) without running the request"
        return APIError(status, code, "Injected fault: the sandbox \(what).")
    }

    /// `malformed_json` before the request runs: what a proxy in front of a down API sends.
    private static let gatewayPage = """
        <html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>\
        <p>allo sandbox: injected fault, the request was not run.</p></body></html>

        """

    // MARK: - Bytes out

    private func render(_ outcome: Outcome, exchange: Exchange) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.init("X-Request-Id")!] = exchange.requestID
        for (name, value) in exchange.rateHeaders + outcome.headers {
            if let field = HTTPField.Name(name) { headers.append(HTTPField(name: field, value: value)) }
        }
        let status = HTTPResponse.Status(code: outcome.status)
        var bytes: [UInt8]
        if let html = outcome.html {
            headers[.contentType] = "text/html; charset=utf-8"
            bytes = Array(html.utf8)
        } else if let json = outcome.body {
            bytes = json.serialized()
        } else {
            headers[.contentType] = nil
            return Response(status: status, headers: headers)
        }
        if outcome.spoilers.contains(where: { $0.kind == .malformedJSON }) {
            // Cut mid-value and end with a stray brace: well framed, not JSON.
            bytes = Array(bytes.prefix(max(1, bytes.count / 2))) + Array("\u{0}}".utf8)
        }
        if outcome.spoilers.contains(where: { $0.kind == .dropConnection }) {
            let half = ByteBuffer(bytes: bytes.prefix(max(1, bytes.count / 2)))
            return Response(status: status, headers: headers, body: ResponseBody(contentLength: bytes.count) { writer in
                try await writer.write(half)
                throw DroppedConnection()
            })
        }
        if let trickle = outcome.spoilers.first(where: { $0.kind == .trickle }) {
            let chunk = trickle.bytesPerChunk ?? 16
            let pause = trickle.intervalMs ?? 200
            let all = bytes
            return Response(status: status, headers: headers, body: ResponseBody(contentLength: all.count) { writer in
                var offset = 0
                while offset < all.count {
                    try await writer.write(ByteBuffer(bytes: all[offset..<min(all.count, offset + chunk)]))
                    offset += chunk
                    if offset < all.count { try await Task.sleep(for: .milliseconds(pause)) }
                }
                try await writer.finish(nil)
            })
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private struct DroppedConnection: Error {}

    // MARK: - Journal and log

    private func record(_ request: Request, body: [UInt8], exchange: Exchange, status: Int) {
        let path = exchange.rawPath + (exchange.query.map { "?" + $0 } ?? "")
        let headers = request.headers.map { ($0.name.rawName, Journal.redact($0.name.rawName, $0.value)) }
        if exchange.version != .control {
            core.journal.record(Journal.Entry(
                sequence: 0, time: exchange.started, requestID: exchange.requestID, method: exchange.method, path: path,
                headers: headers, body: Journal.bodyText(body), bodyBytes: body.count, status: status,
                keyName: exchange.keyName, faults: exchange.faults))
        }
        if let log = core.configuration.requestLog {
            let elapsed = (core.clock.now() - exchange.started) * 1000
            let key = exchange.keyName.map { " key=\($0)" } ?? ""
            let faults = exchange.faults.isEmpty ? "" : " faults=\(exchange.faults.joined(separator: ","))"
            log("\(Timestamp.v2(Int64(exchange.started))) \(exchange.method) \(path.prefix(300)) \(status) \(String(format: "%.1f", elapsed))ms\(key)\(faults)")
        }
    }

    // MARK: - Helpers

    /// Reads the body, stopping one byte past the limit: nil means too large.
    static func collect(_ body: RequestBody, limit: Int) async throws -> [UInt8]? {
        var bytes: [UInt8] = []
        for try await var buffer in body {
            guard bytes.count + buffer.readableBytes <= limit else { return nil }
            bytes += buffer.readBytes(length: buffer.readableBytes) ?? []
        }
        return bytes
    }

    /// Echo a client's `X-Request-Id` when it is sane, else make `req_` + 12 alphanumerics (§1).
    static func requestID(_ supplied: String?) -> String {
        if let supplied, (1...64).contains(supplied.count),
           supplied.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }) {
            return supplied
        }
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        return "req_" + String((0..<12).map { _ in alphabet[Int(rng.next() % 36)] })
    }
}

extension APIError {
    /// v1 has one 401 code; v2 tells a missing, malformed or revoked key apart (§3).
    func forV1Code(_ code: String) -> APIError {
        var copy = self
        copy.v1Code = code
        return copy
    }
}
