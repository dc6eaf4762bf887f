import Foundation
import Synchronization
import AlloKit

/// The real URLSession transport, counting what the client sends and announcing each send as it starts, so a test
/// can wait for "the request is on its way" instead of for a time.
final class CountingTransport: HTTPTransport {
    private let inner = URLSessionTransport()
    private let sent = Mutex<[HTTPRequest]>([])
    let started: AsyncStream<HTTPRequest>
    private let continuation: AsyncStream<HTTPRequest>.Continuation

    init() { (started, continuation) = AsyncStream.makeStream() }

    var requests: [HTTPRequest] { sent.withLock { $0 } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        sent.withLock { $0.append(request) }
        continuation.yield(request)
        return try await inner.send(request)
    }

    /// Waits until a request whose path and query start with `prefix` has been handed to URLSession.
    func waitForSend(pathPrefix prefix: String) async {
        for await request in started where request.pathAndQuery.hasPrefix(prefix) { return }
    }
}
