import Foundation
import HTTPTypes
import Hummingbird

/// `/_sandbox/…`: switch faults, read the journal and webhook deliveries, reset, make activity happen, manage keys.
/// Guarded by the admin token printed at start (`Authorization: Bearer <token>` or `X-Sandbox-Admin-Token`).
/// Errors use the v2 shape. Never under `/v1` or `/v2`.
struct ControlAPI {
    let core: SandboxCore

    typealias Outcome = SandboxResponder.Outcome

    func handle(method: String, rawPath: String, query: String?, headers: HTTPFields, body: [UInt8], requestID: String) async -> Outcome {
        guard authorized(headers) else {
            return failure(APIError(401, "UNAUTHORIZED", "The control API needs the admin token printed at start: 'Authorization: Bearer <token>'."), requestID)
        }
        let parts = RouteTable.segments(ofRawPath: rawPath) ?? []
        let json: JSON?
        do {
            json = body.isEmpty ? nil : try JSON.parse(body)
        } catch {
            return failure(.invalidBody("The body is not valid JSON."), requestID)
        }
        do throws(APIError) {
            return try await route(method: method, parts: Array(parts.dropFirst()), query: try Query(query), body: json)
        } catch {
            return failure(error, requestID)
        }
    }

    private func route(method: String, parts: [String], query: Query, body: JSON?) async throws(APIError) -> Outcome {
        switch (method, parts) {
        case ("GET", []):
            return ok(info())
        case ("GET", ["journal"]):
            let after = try query.int("after", default: 0, in: 0...Int.max)
            let prefix = query["path_prefix"]
            let entries = core.journal.entries(after: after).filter { prefix == nil || $0.path.hasPrefix(prefix!) }
            return ok(.array(entries.map(\.json)))
        case ("DELETE", ["journal"]):
            core.journal.clear()
            return Outcome(status: 204)
        case ("GET", ["faults"]):
            return ok(faultsJSON())
        case ("PUT", ["faults"]):
            core.faults.replace(try rules(from: body))
            return ok(faultsJSON())
        case ("POST", ["faults"]):
            for rule in try rules(from: body) { core.faults.append(rule) }
            return ok(faultsJSON())
        case ("DELETE", ["faults"]):
            core.faults.replace([])
            return Outcome(status: 204)
        case ("POST", ["reset"]):
            core.resetWorld()
            return ok(info())
        case ("POST", ["activity"]):
            let fields = fields(body)
            let request = InboundRequest(
                kind: try fields.string("kind").map { k throws(APIError) in
                    guard let kind = Item.Kind(rawValue: k.uppercased()) else { throw .invalidParameter("kind", "'kind' is sms or call.") }
                    return kind
                },
                alloNumber: try fields.string("allo_number"), contactNumber: try fields.string("contact_number"),
                content: try fields.string("content"),
                result: try fields.string("result").map { r throws(APIError) in
                    guard let result = CallResult(rawValue: r) else { throw .invalidParameter("result", "Unknown call result '\(r.prefix(40))'.") }
                    return result
                })
            let (item, deliveries) = try core.store.simulateInbound(request, now: core.clock.now())
            core.dispatcher.dispatch(deliveries)
            return Outcome(status: 201, body: .object([("data", item)]))
        case ("GET", ["webhooks", "deliveries"]):
            return ok(.array(core.dispatcher.attempts.map(\.json)))
        case ("POST", ["webhooks", "drain"]):
            // Answers once every pending delivery has landed or given up: tests wait on this, not on a timer.
            await core.dispatcher.drain()
            return ok(.array(core.dispatcher.attempts.map(\.json)))
        case ("PUT", ["webhooks", "retry-scale"]):
            guard case .object(let pairs)? = body, let scale = Fields(pairs: pairs).value("scale").flatMap(Self.number), scale >= 0 else {
                throw .invalidBody("Send {\"scale\": 0.001}: the contract's schedule is multiplied by it.")
            }
            core.dispatcher.setRetryScale(scale)
            return ok(.object([("scale", .double(scale))]))
        case ("PUT", ["rate-limits"]):
            let fields = fields(body)
            var limits = core.limiter.limits
            limits.readsPerSecond = try fields.int("read_per_second") ?? limits.readsPerSecond
            limits.writesPerSecond = try fields.int("write_per_second") ?? limits.writesPerSecond
            limits.enforced = try fields.bool("enforced") ?? limits.enforced
            if fields.has("daily_quota") { limits.dailyQuota = try fields.int("daily_quota") }
            guard limits.readsPerSecond > 0, limits.writesPerSecond > 0, (limits.dailyQuota ?? 1) > 0 else {
                throw .invalidBody("Limits must be positive.")
            }
            core.limiter.setLimits(limits)
            return ok(limitsJSON(limits))
        case ("POST", ["keys"]):
            let fields = fields(body)
            var scopes = Set<Scope>()
            for name in try fields.strings("scopes") ?? [] {
                guard let scope = Scope(rawValue: name) else { throw .invalidParameter("scopes", "Unknown scope '\(name.prefix(40))'.") }
                scopes.insert(scope)
            }
            let key = APIKey.random(name: try fields.string("name") ?? "custom", scopes: scopes)
            core.addKey(key)
            return Outcome(status: 201, body: .object([("data", keyJSON(key, withSecret: true))]))
        case ("DELETE", _) where parts.count == 2 && parts[0] == "keys":
            let id = parts[1]
            guard core.revokeKey(id: id) else { throw APIError(404, "API_KEY_NOT_FOUND", "No key with id '\(id.prefix(60))'.") }
            return Outcome(status: 204)
        default:
            throw APIError(404, "ROUTE_NOT_FOUND", "No control endpoint \(method) /_sandbox/\(parts.joined(separator: "/").prefix(100)).")
        }
    }

    private func fields(_ body: JSON?) -> Fields {
        if case .object(let pairs)? = body { return Fields(pairs: pairs) }
        return Fields(pairs: [])
    }

    private func authorized(_ headers: HTTPFields) -> Bool {
        let supplied = headers[.authorization].flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }
            ?? headers[.init("X-Sandbox-Admin-Token")!]
        guard let supplied else { return false }
        // Constant time, so the token cannot be guessed byte by byte.
        let a = Array(supplied.utf8), b = Array(core.adminToken.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private func rules(from body: JSON?) throws(APIError) -> [FaultRule] {
        let values: [JSON]
        switch body {
        case .array(let list)?: values = list
        case .object(let pairs)? where pairs.contains(where: { $0.0 == "faults" }):
            guard case .array(let list)? = body?["faults"] else { throw .invalidBody("'faults' must be an array.") }
            values = list
        case .object?: values = [body!]
        default: throw .invalidBody("Send a fault rule, an array of them, or {\"faults\": […]}.")
        }
        do {
            return try values.map { value in
                try JSONDecoder().decode(FaultRule.self, from: Data(value.serialized())).validated()
            }
        } catch let error as FaultError {
            throw .invalidBody("Invalid fault rule: \(error.description).")
        } catch {
            throw .invalidBody("Invalid fault rule: kinds are \(FaultRule.Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    private static func number(_ json: JSON) -> Double? {
        switch json {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    private func faultsJSON() -> JSON {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = (try? encoder.encode(core.faults.rules)) ?? Data("[]".utf8)
        return (try? JSON.parse(Array(data))) ?? .array([])
    }

    private func info() -> JSON {
        .object([
            ("seed", .string(String(core.settings.seed))),
            ("contacts", .int(core.settings.contacts)),
            ("items_per_contact", .int(core.settings.itemsPerContact)),
            ("epoch", .string(Timestamp.v2(core.settings.epoch))),
            ("keys", .array(core.keys.map { keyJSON($0, withSecret: true) })),
            ("rate_limits", limitsJSON(core.limiter.limits)),
            ("webhook_retry_scale", .double(core.dispatcher.retryScale)),
        ])
    }

    private func keyJSON(_ key: APIKey, withSecret: Bool) -> JSON {
        .object([
            ("id", .string(key.id)), ("name", .string(key.name)), ("key", withSecret ? .string(key.secret) : .null),
            ("scopes", .strings(Scope.allCases.filter(key.scopes.contains).map(\.rawValue))), ("revoked", .bool(key.revoked)),
        ])
    }

    private func limitsJSON(_ limits: RateLimits) -> JSON {
        .object([
            ("read_per_second", .int(limits.readsPerSecond)), ("write_per_second", .int(limits.writesPerSecond)),
            ("enforced", .bool(limits.enforced)), ("daily_quota", .optional(limits.dailyQuota)),
        ])
    }

    private func ok(_ data: JSON) -> Outcome { Outcome(status: 200, body: .object([("data", data)])) }

    private func failure(_ error: APIError, _ requestID: String) -> Outcome {
        Outcome(status: error.status, body: error.body(version: .control, requestID: requestID), headers: error.headers)
    }
}
