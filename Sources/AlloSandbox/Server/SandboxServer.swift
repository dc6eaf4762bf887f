public import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// A running sandbox: a Hummingbird server over a seeded world. Start one per test on port 0; `allo sandbox` starts
/// one on 8787.
public final class SandboxServer: Sendable {
    public let host: String
    public let port: Int
    public let keys: [APIKey]
    public let adminToken: String
    public let settings: WorldSettings
    /// Seconds spent generating (or restoring) the world before the server bound its port.
    public let startupSeconds: Double

    private let core: SandboxCore
    private let services: ServiceGroup
    private let serverTask: Task<Void, any Error>
    private let activityTask: Task<Void, Never>?

    public var baseURL: URL { URL(string: "http://\(host.contains(":") ? "[\(host)]" : host):\(port)")! }

    public enum StartError: Error, CustomStringConvertible {
        case state(String)
        case bind(String)

        public var description: String {
            switch self {
            case .state(let message): return message
            case .bind(let message): return message
            }
        }
    }

    public static func start(_ configuration: SandboxConfiguration) async throws -> SandboxServer {
        let began = Date()
        let clock = configuration.clock
        let warn = configuration.warnings ?? { _ in }
        let stateFile = configuration.stateFile.map { StateFile(path: $0, onError: warn) }
        var settings = WorldSettings(seed: configuration.seed, contacts: max(0, configuration.contacts),
                                     itemsPerContact: max(1, configuration.itemsPerContact),
                                     epoch: configuration.epoch ?? Int64(clock.now() / 3600) * 3600)
        let snapshot: WorldSnapshot?
        do { snapshot = try stateFile?.load() } catch { throw StartError.state(error.description) }
        if let snapshot {
            // The file's world goes on, whatever seed and sizes the command line asked for.
            let saved = snapshot.settings
            if (saved.seed, saved.contacts, saved.itemsPerContact) != (settings.seed, settings.contacts, settings.itemsPerContact) {
                warn("note: continuing the world in \(configuration.stateFile ?? ""): seed \(saved.seed), \(saved.contacts) contacts, ~\(saved.itemsPerContact) items each")
            }
            settings = saved
        }
        var world = WorldGenerator(settings: settings).makeWorld()
        if let snapshot { world.restore(snapshot) }

        let keys = configuration.keys ?? APIKey.defaults(seed: settings.seed)
        let adminToken = configuration.adminToken ?? APIKey.random(name: "admin", scopes: []).secret.replacingOccurrences(of: "ak_live_", with: "sbx_admin_")
        let core = SandboxCore(configuration: configuration, settings: settings, world: world, stateFile: stateFile,
                               keys: keys, adminToken: adminToken)
        core.store.flush()

        let (ports, continuation) = AsyncStream<Result<Int, any Error>>.makeStream()
        var logger = Logger(label: "allo.sandbox")
        logger.logLevel = .critical
        let app = Application(
            responder: SandboxResponder(core: core),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "allo-sandbox"),
            onServerRunning: { channel in
                continuation.yield(.success(channel.localAddress?.port ?? configuration.port))
            },
            logger: logger)
        // Run inside a ServiceGroup so that stop() can shut down gracefully: the listening socket closes first, so no
        // connection is accepted half-way through the teardown (NIO traps on one that is).
        let services = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let serverTask = Task {
            do {
                try await services.run()
                continuation.yield(.failure(StartError.bind("the server stopped")))
            } catch {
                continuation.yield(.failure(error))
                throw error
            }
        }
        var iterator = ports.makeAsyncIterator()
        guard let first = await iterator.next() else { throw StartError.bind("the server did not start") }
        let port: Int
        switch first {
        case .success(let bound): port = bound
        case .failure(let error):
            throw StartError.bind("cannot listen on \(configuration.host):\(configuration.port): \(error)")
        }
        let activityTask = configuration.activityInterval.map { interval in
            Task { await LiveActivity(core: core, interval: interval).run() }
        }
        return SandboxServer(host: configuration.host, port: port, keys: keys, adminToken: adminToken, settings: settings,
                             startupSeconds: Date().timeIntervalSince(began), core: core, services: services, serverTask: serverTask,
                             activityTask: activityTask)
    }

    private init(host: String, port: Int, keys: [APIKey], adminToken: String, settings: WorldSettings, startupSeconds: Double,
                 core: SandboxCore, services: ServiceGroup, serverTask: Task<Void, any Error>, activityTask: Task<Void, Never>?) {
        self.host = host
        self.port = port
        self.keys = keys
        self.adminToken = adminToken
        self.settings = settings
        self.startupSeconds = startupSeconds
        self.core = core
        self.services = services
        self.serverTask = serverTask
        self.activityTask = activityTask
    }

    /// The texts of every SMS the world holds as sent to `number` (seeded or sent through the API), oldest first: the
    /// server's truth that tests and `allo-bench chaos` check a client's claims against, without a request.
    public func sentTexts(to number: String) -> [String] {
        core.store.withWorld { $0.outboundTexts(to: number) }.0
    }

    /// Stops serving, cancels pending webhook retries and writes the state file one last time.
    public func stop() async {
        activityTask?.cancel()
        let services = self.services
        let serverTask = self.serverTask
        let stopping = Task {
            await services.triggerGracefulShutdown()
            _ = try? await serverTask.value
        }
        // Requests still running (an injected latency, a trickle) get a moment; then the server is cut off, and
        // stop() returns in any case rather than hang a test run or a Ctrl-C.
        if await !Self.wait(for: stopping, atMost: .seconds(1)) {
            serverTask.cancel()
            _ = await Self.wait(for: stopping, atMost: .seconds(2))
        }
        core.dispatcher.cancelAll()
        core.store.flush()
    }

    /// Whether `task` finished within `limit`; never waits longer, even for a task that ignores cancellation.
    private static func wait(for task: Task<Void, Never>, atMost limit: Duration) async -> Bool {
        let (outcomes, continuation) = AsyncStream<Bool>.makeStream()
        let waiter = Task {
            await task.value
            continuation.yield(true)
        }
        let timer = Task {
            try? await Task.sleep(for: limit)
            continuation.yield(false)
        }
        var iterator = outcomes.makeAsyncIterator()
        let finished = await iterator.next() ?? false
        waiter.cancel()
        timer.cancel()
        continuation.finish()
        return finished
    }

    /// Waits until the server stops (for the command line, which stops it on a signal).
    public func wait() async {
        _ = try? await serverTask.value
    }
}
