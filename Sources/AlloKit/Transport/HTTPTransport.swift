public import Foundation

/// One HTTP exchange as the SDK sees it: a request value in, status, headers and body bytes out.
/// URLSession is the default; tests and benchmarks plug in their own (see `RecordingTransport` in the tests).
public protocol HTTPTransport: Sendable {
    /// Sends one request. Throw `TransportFailure` to tell the retry logic whether the request may have been sent;
    /// any other error counts as "may have been sent", so a non-idempotent request is not repeated after it.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

public struct HTTPRequest: Sendable, Equatable {
    public var method: String
    public var url: URL
    /// Header names as sent; at most one value per name.
    public var headers: [String: String]
    public var body: Data?
    /// The whole exchange must finish within this, reading the body included.
    public var timeout: Duration

    public init(method: String, url: URL, headers: [String: String] = [:], body: Data? = nil, timeout: Duration = .seconds(30)) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    /// Header names lower-cased.
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
    }

    public subscript(header name: String) -> String? { headers[name.lowercased()] }
}

/// A failure below HTTP. `requestMayHaveBeenSent` is what money-safe retries hinge on: only a request that provably
/// never left (connection refused, host not found) may be repeated when it is not idempotent.
public struct TransportFailure: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case connectionRefused
        case hostNotFound
        case connectionLost
        case timedOut
        case other
    }

    public var kind: Kind
    public var cause: (any Error)?
    public var message: String

    public init(_ kind: Kind, message: String, cause: (any Error)? = nil) {
        self.kind = kind
        self.message = message
        self.cause = cause
    }

    public var requestMayHaveBeenSent: Bool { kind != .connectionRefused && kind != .hostNotFound }

    public var description: String { message }
}
