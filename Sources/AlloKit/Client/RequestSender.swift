import Foundation
import Logging
import Synchronization

/// The one place that talks to the network: adds auth and headers, enforces the deadline, retries by
/// `RetryPolicy.decide`, turns failures into `AlloError` and remembers the last rate-limit reading.
final class RequestSender: Sendable {
    let root: String
    let credentials: Credentials
    let timeout: Duration
    let headers: [String: String]
    let transport: any HTTPTransport
    let retry: RetryPolicy
    let clock: any Clock<Duration>
    let logger: Logger
    private let lastRateLimitState = Mutex<RateLimitInfo?>(nil)

    init(root: String, credentials: Credentials, timeout: Duration, headers: [String: String], transport: any HTTPTransport,
         retry: RetryPolicy, clock: any Clock<Duration>, logger: Logger) {
        self.root = root
        self.credentials = credentials
        self.timeout = timeout
        self.headers = headers
        self.transport = transport
        self.retry = retry
        self.clock = clock
        self.logger = logger
    }

    var lastRateLimit: RateLimitInfo? { lastRateLimitState.withLock { $0 } }

    /// Waits, on the client's clock, for the rate-limit window to reset when the last reading left no request in it:
    /// walks that make many reads call this before each page, so they stay under the limit instead of running into
    /// 429s. The reset is the server's time; when it does not fall within the next minute of ours (clocks disagree),
    /// one whole window of the per-second limit is waited. A reading older than a second has expired.
    func waitForRoom(now: Date = Date()) async {
        guard let reading = lastRateLimit, reading.remaining == 0 else { return }
        let age = now.timeIntervalSince(reading.observedAt)
        guard age < 1 else { return }
        let untilReset = reading.reset.map { $0.timeIntervalSince(now) } ?? -1
        let wait = untilReset > 0 && untilReset <= 60 ? untilReset : 1
        try? await clock.sleep(for: .milliseconds(Int64(wait * 1000)))
    }

    /// Sends `request` and decodes the body's `data` as `Value`.
    func data<Value: Decodable & Sendable>(_ request: APIRequest, as type: Value.Type = Value.self,
                                           options: RequestOptions) async throws(AlloError) -> Value {
        let response = try await send(request, options: options)
        return try decode(DataEnvelope<Value>.self, from: response, request: request).data
    }

    /// Sends `request` and decodes the whole body as `Value`.
    func decode<Value: Decodable>(_ type: Value.Type, from response: HTTPResponse, request: APIRequest) throws(AlloError) -> Value {
        do {
            return try JSONCoding.decoder().decode(Value.self, from: response.body)
        } catch {
            throw .undecodable(UndecodableBody(status: response.status, request: request.summary,
                                               reason: Self.describe(error), body: response.body))
        }
    }

    /// Sends `request` until it succeeds or the retry policy gives up; returns the 2xx response.
    func send(_ request: APIRequest, options: RequestOptions) async throws(AlloError) -> HTTPResponse {
        let policy = options.retry ?? retry
        let deadline = options.timeout ?? timeout
        let http = httpRequest(request, options: options, timeout: deadline)
        var attempt = 0
        while true {
            attempt += 1
            if Task.isCancelled { throw .cancelled }
            let started = ContinuousClock.now
            let error: AlloError
            let outcome: AttemptOutcome
            do {
                let response = try await withDeadline(deadline) { [transport] in try await transport.send(http) }
                let now = Date()
                if let reading = RateLimitInfo(headers: response.headers, now: now) {
                    lastRateLimitState.withLock { $0 = reading }
                }
                logger.debug("\(request.summary) → \(response.status)",
                             metadata: ["attempt": "\(attempt)", "ms": "\((ContinuousClock.now - started).milliseconds)"])
                if (200..<300).contains(response.status) { return response }
                let failure = ErrorBodyParser.failure(for: response, request: request.summary, now: now)
                error = .http(failure)
                outcome = .status(response.status, code: failure.code, serverWait: failure.rateLimit?.retryAfter,
                                  quotaResetsIn: failure.rateLimit?.quotaResetsIn)
            } catch let failure as TransportFailure {
                if Task.isCancelled { throw .cancelled }
                var redacted = failure
                redacted.message = credentials.redact(failure.message)
                error = .transport(request: request.summary, failure: redacted)
                outcome = .transport(mayHaveBeenSent: failure.requestMayHaveBeenSent)
            } catch is DeadlineExceeded {
                error = .timeout(request: request.summary, after: deadline)
                outcome = .timeout
            } catch {
                if Task.isCancelled || error is CancellationError { throw .cancelled }
                let failure = TransportFailure(.other, message: credentials.redact(String(describing: error)), cause: error)
                throw .transport(request: request.summary, failure: failure)
            }
            let decision = policy.decide(outcome, safety: request.safety, attempt: attempt, jitter: Double.random(in: 0..<1))
            guard case .retry(let wait) = decision else {
                logger.debug("\(request.summary) failed: \(error)", metadata: ["attempt": "\(attempt)"])
                throw error
            }
            logger.info("retrying \(request.summary) in \(wait.milliseconds) ms after \(error)", metadata: ["attempt": "\(attempt)"])
            do { try await clock.sleep(for: wait) } catch { throw .cancelled }
        }
    }

    private func httpRequest(_ request: APIRequest, options: RequestOptions, timeout: Duration) -> HTTPRequest {
        var fields = headers
        fields["Accept"] = "application/json"
        fields["User-Agent"] = "allo-swift/\(AlloClient.version)"
        if request.body != nil { fields["Content-Type"] = "application/json" }
        if request.sendsIdempotencyKey {
            fields["Idempotency-Key"] = options.idempotencyKey ?? UUID().uuidString.lowercased()
        }
        for (name, value) in options.headers { fields[name] = value }
        // Set last so no extra header can replace it by accident.
        fields["Authorization"] = credentials.authorization
        return HTTPRequest(method: request.method, url: URL(string: root + request.encodedPathAndQuery)!, headers: fields,
                           body: request.body, timeout: timeout)
    }

    private static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .typeMismatch(let type, let context)?: return "expected \(type) at \(path(context.codingPath))"
        case .valueNotFound(let type, let context)?: return "missing \(type) at \(path(context.codingPath))"
        case .keyNotFound(let key, let context)?: return "missing key '\(key.stringValue)' at \(path(context.codingPath))"
        case .dataCorrupted(let context)?: return "\(context.debugDescription) at \(path(context.codingPath))"
        default: return "not JSON"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "the top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}

struct DeadlineExceeded: Error {}

/// Runs `operation`, throwing `DeadlineExceeded` if it is still running after `timeout`, or `CancellationError` as
/// soon as the calling task is cancelled. Either way the caller gets control back at once and the operation is
/// cancelled without being waited for.
func withDeadline<T: Sendable>(_ timeout: Duration, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    let outcome = FirstOutcome<T>()
    let work = Task { outcome.settle(await Result(catching: operation)) }
    let timer = Task {
        try await Task.sleep(for: timeout)
        outcome.settle(.failure(DeadlineExceeded()))
    }
    defer {
        timer.cancel()
        work.cancel()
    }
    return try await outcome.value()
}

extension Duration {
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
