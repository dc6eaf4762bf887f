import Foundation
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// A webhook endpoint on 127.0.0.1:0 that records what it receives. It answers with the statuses queued in
/// `failures` first (to exercise retries), then 200.
final class WebhookReceiver: Sendable {
    struct Delivery: Sendable {
        let path: String
        let headers: [String: String]
        let body: Data
        var json: J { J(data: body) }
    }

    let port: Int
    private let deliveries: AsyncStream<Delivery>
    private let task: Task<Void, any Error>

    var url: String { "http://127.0.0.1:\(port)/hooks" }

    private init(port: Int, deliveries: AsyncStream<Delivery>, task: Task<Void, any Error>) {
        self.port = port
        self.deliveries = deliveries
        self.task = task
    }

    static func start(failFirst statuses: [Int] = []) async throws -> WebhookReceiver {
        let (stream, continuation) = AsyncStream<Delivery>.makeStream()
        let queue = Mutex(statuses)
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            var buffer = try await request.body.collect(upTo: 4 << 20)
            let body = Data(buffer.readBytes(length: buffer.readableBytes) ?? [])
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.rawName.lowercased()] = field.value }
            continuation.yield(Delivery(path: request.uri.path, headers: headers, body: body))
            let status = queue.withLock { $0.isEmpty ? 200 : $0.removeFirst() }
            return Response(status: .init(code: status))
        }
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "webhook-receiver")
        logger.logLevel = .critical
        let app = Application(responder: responder, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { portContinuation.yield($0.localAddress?.port ?? 0) }, logger: logger)
        let task = Task { try await app.run() }
        var iterator = ports.makeAsyncIterator()
        let port = await iterator.next() ?? 0
        return WebhookReceiver(port: port, deliveries: stream, task: task)
    }

    /// The next `count` deliveries, in arrival order. Waits on the deliveries themselves, never on a timer.
    func next(_ count: Int = 1) async -> [Delivery] {
        var received: [Delivery] = []
        for await delivery in deliveries {
            received.append(delivery)
            if received.count == count { break }
        }
        return received
    }

    func stop() async {
        task.cancel()
        _ = try? await task.value
    }
}
