import AlloSandbox

/// The seeded mix of faults: on the SMS POST every kind the client must survive, before and after the request ran;
/// on the looks on the server, failures that make a look fail. The sandbox draws them with its seed.
enum ChaosFaults {
    static let send = (method: "POST", path: "/v1/api/sms")
    static let look = (method: "POST", path: "/v2/api/conversations/items/search")

    static func rules(rate: Double, timeout: Duration) -> [FaultRule] {
        // Past the client's timeout, and short enough that a request held before it runs has run by the window's
        // later looks.
        let late = Int(timeout / .milliseconds(1)) + 250
        let sends: [FaultRule] = [
            FaultRule(kind: .status, when: .before, status: 502),
            FaultRule(kind: .status, when: .after, status: 503),
            FaultRule(kind: .dropConnection, when: .before),
            FaultRule(kind: .dropConnection, when: .after),
            FaultRule(kind: .latency, when: .before, latencyMs: late),
            FaultRule(kind: .latency, when: .after, latencyMs: late),
            FaultRule(kind: .rateLimit, when: .before, retryAfter: 0),
        ]
        let looks: [FaultRule] = [
            FaultRule(kind: .status, when: .before, status: 503),
            FaultRule(kind: .dropConnection, when: .after),
        ]
        return sends.map { scoped($0, send, probability: rate / Double(sends.count)) }
            + looks.map { scoped($0, look, probability: rate / 2 / Double(looks.count)) }
    }

    private static func scoped(_ rule: FaultRule, _ target: (method: String, path: String), probability: Double) -> FaultRule {
        var rule = rule
        rule.probability = probability
        rule.method = target.method
        rule.pathPrefix = target.path
        return rule
    }
}
