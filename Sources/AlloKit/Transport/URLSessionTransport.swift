#if canImport(FoundationNetworking)
import Foundation
public import FoundationNetworking
#else
public import Foundation
#endif

/// The default transport: one ephemeral URLSession (no cookies, no cache) per client.
public final class URLSessionTransport: HTTPTransport {
    private let session: URLSession

    /// Turns off cookies and caching on `configuration` (the object passed in is changed) and makes a session from it.
    public init(configuration: URLSessionConfiguration = .ephemeral) {
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        // The client enforces its own whole-exchange deadline; this only bounds a request nobody cancels.
        configuration.timeoutIntervalForResource = 600
        session = URLSession(configuration: configuration)
    }

    deinit { session.finishTasksAndInvalidate() }

    /// Runs the request on the session. `URLError`s become `TransportFailure` (cancellation `CancellationError`);
    /// non-2xx statuses are returned, not thrown.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.httpBody = request.body
        // URLSession's own timeout is an idle timeout; a little past the client's deadline it only backs it up.
        urlRequest.timeoutInterval = request.timeout.seconds + 1
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await Self.abandoningOnCancel { [session, urlRequest] in try await session.data(for: urlRequest) }
        } catch let error as URLError {
            throw Self.failure(for: error)
        }
        guard let http = response as? HTTPURLResponse else {
            throw TransportFailure(.other, message: "the response was not HTTP")
        }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            headers[String(describing: name).lowercased()] = String(describing: value)
        }
        return HTTPResponse(status: http.statusCode, headers: headers, body: data)
    }

    /// Runs a URLSession call so that cancelling the caller returns at once without cancelling the URLSession task.
    ///
    /// On Linux, corelibs URLSession can deadlock when a task is cancelled while it is finishing (`URLSessionTask.cancel`
    /// and the completion path take the same locks in opposite orders), and two blocked threads are the whole
    /// cooperative pool of a 2-core machine. So there a cancelled request is abandoned: the caller gets
    /// `CancellationError` at once and the exchange ends by itself within the request's timeout.
    static func abandoningOnCancel<T: Sendable>(_ call: @escaping @Sendable () async throws -> T) async throws -> T {
        #if canImport(FoundationNetworking)
        let outcome = FirstOutcome<T>()
        Task { outcome.settle(await Result(catching: call)) }
        return try await outcome.value()
        #else
        return try await call()
        #endif
    }

    static func failure(for error: URLError) -> any Error {
        switch error.code {
        case .cancelled: return CancellationError()
        case .cannotConnectToHost: return TransportFailure(.connectionRefused, message: "connection refused", cause: error)
        case .cannotFindHost, .dnsLookupFailed:
            return TransportFailure(.hostNotFound, message: "host not found", cause: error)
        case .networkConnectionLost: return TransportFailure(.connectionLost, message: "the connection was lost", cause: error)
        case .timedOut: return TransportFailure(.timedOut, message: "the request timed out", cause: error)
        default: return TransportFailure(.other, message: error.localizedDescription, cause: error)
        }
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
