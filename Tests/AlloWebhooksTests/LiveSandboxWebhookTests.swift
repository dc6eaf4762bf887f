import Foundation
import Hummingbird
import Logging
import Testing
import AlloKit
import AlloSandbox
import AlloWebhooks

/// Signatures and envelopes the sandbox really produces, checked by this module.
@Suite("Webhooks from the sandbox")
struct LiveSandboxWebhookTests {
    @Test("A v2 delivery verifies with the endpoint's secret and decodes as sms.sent; a v1 one passes the guard")
    func sandboxDeliveries() async throws {
        let receiver = try await Receiver.start()
        var configuration = SandboxConfiguration()
        configuration.port = 0
        configuration.contacts = 20
        configuration.rateLimits = RateLimits(enforced: false)
        configuration.webhookRetryScale = 0
        let server = try await SandboxServer.start(configuration)
        do {
            let allo = try AlloClient(apiKey: server.keys.first { $0.name == "full" }!.secret, baseURL: server.baseURL)
            let endpoint = try await allo.webhookEndpoints.create(url: receiver.url + "/v2", topics: [.smsSent])
            let secret = try #require(endpoint.signingSecret)
            let token = V1ReceiverGuard.makeToken()
            _ = try await allo.webhooks.create(WebhookInput(alloNumber: "+14155550100", url: receiver.url + "/v1/" + token,
                                                            topics: [.smsSent]))
            _ = try await allo.sms.send(from: "+14155550100", to: "+14155551234", message: "Signed, sealed, delivered ✅")

            let deliveries = await receiver.next(2)
            let v2 = try #require(deliveries.first { $0.path.hasSuffix("/v2") })
            let v1 = try #require(deliveries.first { $0.path.contains("/v1/") })

            try WebhookSignatureVerifier(secret: secret).verify(body: v2.body, headers: v2.headers)
            let event = try WebhookEvent.decode(v2.body)
            #expect(event.format == .v2)
            #expect(event.topic == "sms.sent")
            guard case .sms(let sms) = event.payload else { Issue.record("\(event.payload)"); return }
            #expect(sms.content == "Signed, sealed, delivered ✅")

            var tampered = v2.body
            tampered.append(UInt8(ascii: " "))
            #expect(throws: WebhookVerificationError.noMatchingSignature) {
                try WebhookSignatureVerifier(secret: secret).verify(body: tampered, headers: v2.headers)
            }

            let guardian = V1ReceiverGuard(.init(pathToken: token, allowedNumbers: ["+14155550100"]))
            guard case .accept(let v1Event) = guardian.check(path: v1.path, remoteAddress: "127.0.0.1", body: v1.body) else {
                Issue.record("the guard refused the sandbox's v1 delivery")
                return
            }
            #expect(v1Event.format == .v1)
            #expect(v1Event.topic == "SMS_SENT")
        } catch {
            await server.stop()
            await receiver.stop()
            throw error
        }
        await server.stop()
        await receiver.stop()
    }
}

/// A webhook endpoint on 127.0.0.1:0 that hands over what it receives, in order.
final class Receiver: Sendable {
    struct Delivery: Sendable {
        let path: String
        let headers: [String: String]
        let body: Data
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

    static func start() async throws -> Receiver {
        let (stream, continuation) = AsyncStream<Delivery>.makeStream()
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            var buffer = try await request.body.collect(upTo: 1 << 20)
            let body = Data(buffer.readBytes(length: buffer.readableBytes) ?? [])
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.rawName.lowercased()] = field.value }
            continuation.yield(Delivery(path: request.uri.path, headers: headers, body: body))
            return Response(status: .ok)
        }
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "webhook-receiver")
        logger.logLevel = .critical
        let app = Application(responder: responder, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { portContinuation.yield($0.localAddress?.port ?? 0) }, logger: logger)
        let task = Task { try await app.run() }
        var iterator = ports.makeAsyncIterator()
        return Receiver(port: await iterator.next() ?? 0, deliveries: stream, task: task)
    }

    /// The next `count` deliveries; waits on the deliveries themselves, never on a timer.
    func next(_ count: Int) async -> [Delivery] {
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
