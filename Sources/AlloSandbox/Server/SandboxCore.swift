import Synchronization

/// The parts of a running sandbox, shared by the HTTP responder, the control API and live activity.
final class SandboxCore: Sendable {
    let configuration: SandboxConfiguration
    let settings: WorldSettings
    let store: WorldStore
    let faults: Faults
    let journal = Journal()
    let limiter: RateLimiter
    let dispatcher: WebhookDispatcher
    let adminToken: String
    let routes = RouteTable(routes: SandboxRoutes.api)
    private let keyList: Mutex<[APIKey]>

    init(configuration: SandboxConfiguration, settings: WorldSettings, world: World, stateFile: StateFile?,
         keys: [APIKey], adminToken: String) {
        self.configuration = configuration
        self.settings = settings
        store = WorldStore(world: world, stateFile: stateFile)
        faults = Faults(configuration.faults, seed: settings.seed)
        limiter = RateLimiter(configuration.rateLimits)
        dispatcher = WebhookDispatcher(allowRemote: configuration.allowRemoteWebhooks,
                                       retryScale: configuration.webhookRetryScale, clock: configuration.clock)
        self.adminToken = adminToken
        keyList = Mutex(keys)
    }

    var clock: any SandboxClock { configuration.clock }

    var keys: [APIKey] { keyList.withLock { $0 } }

    func key(secret: String) -> APIKey? {
        keyList.withLock { keys in keys.first { $0.secret == secret } }
    }

    func addKey(_ key: APIKey) { keyList.withLock { $0.append(key) } }

    /// Revokes by id; false when there is no such key.
    func revokeKey(id: String) -> Bool {
        keyList.withLock { keys in
            guard let index = keys.firstIndex(where: { $0.id == id }) else { return false }
            keys[index].revoked = true
            return true
        }
    }

    /// A fresh seeded world, as `/_sandbox/reset` needs it.
    func resetWorld() {
        store.reset(to: WorldGenerator(settings: settings).makeWorld())
        journal.clear()
        limiter.reset()
        faults.replace([])
        dispatcher.clearLog()
    }
}
