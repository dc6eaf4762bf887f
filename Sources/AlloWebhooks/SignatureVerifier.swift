public import Foundation
import Crypto

/// Verifies v2 webhook signatures (contract §8.5, Standard Webhooks): HMAC-SHA256 with the endpoint's `whsec_` secret
/// over `"{webhook-id}.{webhook-timestamp}.{raw body}"`, any of the space-separated `v1,<base64>` entries matching,
/// compared in constant time, the timestamp within a tolerance of now.
///
/// ```swift
/// let verifier = try WebhookSignatureVerifier(secret: endpoint.signingSecret!)
/// try verifier.verify(body: rawBody, headers: request.headers)   // then WebhookEvent.decode(rawBody)
/// ```
public struct WebhookSignatureVerifier: Sendable, CustomStringConvertible {
    /// The secret's bytes; a `SymmetricKey` is made per use because it is not `Sendable`.
    private let secretBytes: Data
    /// How far the timestamp may be from now, either way; 5 minutes by default.
    public let tolerance: TimeInterval

    /// Takes the endpoint's signing secret (the `whsec_` prefix is optional) and a tolerance in seconds.
    /// Throws `.invalidSecret` when the rest is not non-empty base64.
    public init(secret: String, tolerance: TimeInterval = 300) throws(WebhookVerificationError) {
        let encoded = secret.hasPrefix("whsec_") ? String(secret.dropFirst(6)) : secret
        guard let bytes = Data(base64Encoded: encoded), !bytes.isEmpty else { throw .invalidSecret }
        secretBytes = bytes
        self.tolerance = tolerance
    }

    public var description: String { "WebhookSignatureVerifier(secret: <redacted>, tolerance: \(Int(tolerance)) s)" }

    /// Checks one delivery. `headers` may use any case for its names.
    public func verify(body: Data, headers: [String: String], now: Date = Date()) throws(WebhookVerificationError) {
        let lowered = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        guard let id = lowered["webhook-id"], !id.isEmpty else { throw .missingHeader("webhook-id") }
        guard let timestamp = lowered["webhook-timestamp"] else { throw .missingHeader("webhook-timestamp") }
        guard let signatures = lowered["webhook-signature"] else { throw .missingHeader("webhook-signature") }
        guard let seconds = Int64(timestamp.trimmingCharacters(in: .whitespaces)) else { throw .invalidTimestamp(timestamp) }
        let skew = now.timeIntervalSince1970 - Double(seconds)
        guard abs(skew) <= tolerance else { throw .timestampOutsideTolerance(seconds: Int(skew)) }

        var signed = Data("\(id).\(timestamp).".utf8)
        signed.append(body)
        let key = SymmetricKey(data: secretBytes)
        for entry in signatures.split(separator: " ") {
            let parts = entry.split(separator: ",", maxSplits: 1)
            guard parts.count == 2, parts[0] == "v1", let mac = Data(base64Encoded: String(parts[1])) else { continue }
            // Constant time, whatever the bytes.
            if HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: signed, using: key) { return }
        }
        throw .noMatchingSignature
    }

    /// `v1,<base64>` for a body, as a sender would compute it (for tests and for forwarding).
    public func sign(body: Data, id: String, timestamp: Int64) -> String {
        var signed = Data("\(id).\(timestamp).".utf8)
        signed.append(body)
        let mac = HMAC<SHA256>.authenticationCode(for: signed, using: SymmetricKey(data: secretBytes))
        return "v1," + Data(mac).base64EncodedString()
    }
}

/// Why a delivery failed verification: reject it (e.g. 401) and do not act on its body.
public enum WebhookVerificationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A `webhook-id`, `webhook-timestamp` or `webhook-signature` header is absent (named in the value): not a v2
    /// delivery, or a proxy dropped it.
    case missingHeader(String)
    /// The secret is not `whsec_` followed by base64: copy it again from the endpoint.
    case invalidSecret
    /// `webhook-timestamp` (its text in the value) is not whole Unix seconds.
    case invalidTimestamp(String)
    /// Seconds the timestamp is behind now (negative: ahead).
    case timestampOutsideTolerance(seconds: Int)
    /// No `v1,` entry matches: the wrong endpoint's secret, or the body was changed (e.g. re-serialised)
    /// before verifying.
    case noMatchingSignature

    public var description: String {
        switch self {
        case .missingHeader(let name): return "the \(name) header is missing"
        case .invalidSecret: return "the signing secret is not whsec_ followed by base64"
        case .invalidTimestamp(let text): return "webhook-timestamp '\(text.prefix(20))' is not Unix seconds"
        case .timestampOutsideTolerance(let seconds): return "webhook-timestamp is \(seconds) s from now, outside the tolerance"
        case .noMatchingSignature: return "no v1 signature matches: wrong secret, or the body was changed"
        }
    }
}
