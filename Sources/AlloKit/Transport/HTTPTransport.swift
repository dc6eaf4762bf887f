public import Foundation

/// One HTTP exchange as the SDK sees it: a request value in, status, headers and body bytes out.
/// URLSession is the default; tests and benchmarks plug in their own (see `RecordingTransport` in the tests).
public protocol HTTPTransport: Sendable {
    /// Sends one request. Throw `TransportFailure` to tell the retry logic whether the request may have been sent;
    /// any other error counts as "may have been sent", so a non-idempotent request is not repeated after it.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// One request as handed to an `HTTPTransport`. Its headers include `Authorization`: never log them as they are.
public struct HTTPRequest: Sendable, Equatable {
    /// `GET`, `POST`, `PUT`, `PATCH` or `DELETE`.
    public var method: String
    /// The absolute URL, path and query already percent-encoded (`+` as `%2B`).
    public var url: URL
    /// Header names as sent; at most one value per name.
    public var headers: [String: String]
    /// The JSON body; nil for requests without one.
    public var body: Data?
    /// The whole exchange must finish within this, reading the body included.
    public var timeout: Duration

    /// Builds a request; `timeout` defaults to 30 seconds.
    public init(method: String, url: URL, headers: [String: String] = [:], body: Data? = nil, timeout: Duration = .seconds(30)) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

/// What an `HTTPTransport` returns: any status (a non-2xx is a response, not a thrown error), headers and raw body.
public struct HTTPResponse: Sendable, Equatable {
    /// The HTTP status code.
    public var status: Int
    /// Header names lower-cased.
    public var headers: [String: String]
    /// The raw body bytes; empty when there was none.
    public var body: Data

    /// Builds a response; header names are lower-cased (of names differing only in case, one value is kept).
    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
    }

    /// The value of header `name`, looked up ignoring case; nil when absent.
    public subscript(header name: String) -> String? { headers[name.lowercased()] }
}

/// A failure below HTTP. `requestMayHaveBeenSent` is what money-safe retries hinge on: only a request that provably
/// never left (connection refused, host not found) may be repeated when it is not idempotent.
public struct TransportFailure: Error, Sendable, CustomStringConvertible {
    /// What failed; decides whether the request may have reached the server.
    public enum Kind: Sendable, Equatable {
        /// Nothing accepted the connection: the request never left, so even an SMS may be retried.
        case connectionRefused
        /// The host name did not resolve: the request never left.
        case hostNotFound
        /// The connection dropped mid-exchange: the server may have acted.
        case connectionLost
        /// The transport's own timeout fired: the server may have acted.
        case timedOut
        /// Anything else; counted as possibly sent.
        case other
    }

    /// Which failure it was; `requestMayHaveBeenSent` follows from it.
    public var kind: Kind
    /// The transport's underlying error (a `URLError` for `URLSessionTransport`), for logs; nil when there is none.
    public var cause: (any Error)?
    /// A short description for people, e.g. `connection refused`.
    public var message: String

    /// Builds a failure for a custom transport to throw.
    public init(_ kind: Kind, message: String, cause: (any Error)? = nil) {
        self.kind = kind
        self.message = message
        self.cause = cause
    }

    /// False only for `.connectionRefused` and `.hostNotFound`; when true, SMS sends and creates are not retried.
    public var requestMayHaveBeenSent: Bool { kind != .connectionRefused && kind != .hostNotFound }

    public var description: String { message }
}
