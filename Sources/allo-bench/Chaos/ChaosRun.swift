import AlloKit
import AlloSandbox
import AlloStore
import Foundation
import Synchronization

/// Drives sends through the real store, effect runner and AlloKit against a sandbox that injects faults, as a careful
/// user would: it sends again only what the client shows as "not sent", or as "not found on the server yet" once the
/// window has passed (with the second confirmation), and looks again when the server could not be checked. It checks
/// every state the client shows against the sandbox's world at that moment, and at the end that every message exists
/// exactly once.
@MainActor
final class ChaosRun {
    struct Result {
        var sends = 0
        var duplicates = 0
        var lost = 0
        var untruthful: [String] = []
        var posts = 0
        var retries = 0
        var resends = 0
        var checksAgain = 0
        /// Rounds of looks: unclear answers, and looks asked again.
        var unclear = 0
        var notFound = 0
        var statesChecked = 0
        var seconds = 0.0
    }

    /// One message the user wants delivered.
    private struct Message {
        var text: String
        var recipient: String
        var outboxID: Int?
        /// The last state acted on or checked, so each state is handled once.
        var seen = ""
        var settled = false
    }

    static let line = "+14155550100"
    /// Twenty recipients in the line's country, so conversations stay short.
    static let recipients = (0..<20).map { "+1415555\(String(format: "%04d", 3000 + $0))" }

    let options: ChaosOptions
    private var messages: [Message] = []
    private var result = Result()
    private var store: Store!
    private var server: SandboxServer!
    private let wake = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))

    init(options: ChaosOptions) {
        self.options = options
    }

    func run(progress: (String) -> Void) async throws -> Result {
        let started = ContinuousClock.now
        var configuration = SandboxConfiguration()
        configuration.port = 0
        configuration.seed = options.seed
        configuration.contacts = 40
        configuration.rateLimits = RateLimits(enforced: false)
        configuration.faults = ChaosFaults.rules(rate: options.faultRate, timeout: options.timeout)
        server = try await SandboxServer.start(configuration)
        defer { Task { [server] in await server?.stop() } }
        let posts = PostCounter()
        let client = try AlloClient(apiKey: server.keys.first { $0.name == "full" }!.secret, baseURL: server.baseURL,
                                    timeout: options.timeout, transport: posts,
                                    retry: RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(20), maxDelay: .milliseconds(200),
                                                       maxServerWait: .seconds(2)))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("allo-chaos-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        store = Store(state: initialState(), runner: EffectRunner(client: client, stateDirectory: directory))
        let wake = wake.continuation
        store.onChange = { _ in wake.yield() }

        messages = (0..<options.sends).map { index in
            Message(text: "chaos \(options.seed)-\(index) \(Self.words[index % Self.words.count])",
                    recipient: Self.recipients[index % Self.recipients.count])
        }
        var next = 0
        var lastReport = ContinuousClock.now
        var iterator = self.wake.stream.makeAsyncIterator()
        while messages.contains(where: { !$0.settled }) {
            while next < messages.count, messages.filter({ $0.outboxID != nil && !$0.settled }).count < options.inFlight {
                compose(next)
                next += 1
            }
            actOnWhatIsShown()
            if ContinuousClock.now - lastReport > .seconds(10) {
                lastReport = ContinuousClock.now
                progress("chaos: \(messages.filter(\.settled).count)/\(messages.count) settled, \(posts.count) POSTs")
            }
            if messages.allSatisfy(\.settled) { break }
            let before = store.state.compose
            let watchdog = Task {
                try await Task.sleep(for: .seconds(120))
                wake.yield()
                return true
            }
            _ = await iterator.next()
            watchdog.cancel()
            if (try? await watchdog.value) == true, store.state.compose == before {
                throw BenchError("nothing moved for 120 s; outbox: \(store.state.compose.outbox.map(\.state))")
            }
        }
        await store.stop()
        for message in messages {
            let copies = server.sentTexts(to: message.recipient).filter { $0 == message.text }.count
            if copies == 0 { result.lost += 1 }
            if copies > 1 { result.duplicates += copies - 1 }
        }
        result.sends = messages.count
        result.posts = posts.count
        result.seconds = Double((ContinuousClock.now - started) / .milliseconds(1)) / 1000
        return result
    }

    private func initialState() -> AppState {
        var state = AppState()
        state.numbers.list = .loaded([NumberInfo(number: Self.line, country: "US")])
        state.numbers.selected = Self.line
        state.compose.sender = .number(Self.line)
        state.compose.checkWindow = options.window
        state.status.now = Date()
        return state
    }

    /// Types message `index` to its recipient and confirms it with `y`.
    private func compose(_ index: Int) {
        store.send(.tick(Date()))
        store.send(.composeRecipientChanged(messages[index].recipient))
        store.send(.composeTextChanged(messages[index].text))
        let id = store.state.compose.nextOutboxID
        store.send(.sendTapped)
        store.send(.sendConfirmed)
        guard store.state.compose.outbox.contains(where: { $0.id == id }) else {
            result.untruthful.append("message \(index) was not accepted for sending: \(store.state.status.toasts.last?.text ?? "")")
            messages[index].settled = true
            return
        }
        messages[index].outboxID = id
    }

    /// Looks at every message the client has not settled: checks what it shows against the world, and acts as a
    /// careful user on it.
    private func actOnWhatIsShown() {
        let outbox = Dictionary(uniqueKeysWithValues: store.state.compose.outbox.map { ($0.id, $0) })
        for index in messages.indices where !messages[index].settled {
            guard let id = messages[index].outboxID else { continue }
            guard let entry = outbox[id] else {
                // Left the outbox: confirmed sent (by its answer, or a copy found on the server).
                expect(index, "sent", copies: { $0 >= 1 })
                messages[index].settled = true
                continue
            }
            switch entry.state {
            case .sending:
                messages[index].seen = "sending"
            case .failed:
                guard expect(index, "not sent", copies: { $0 == 0 }) else { continue }
                result.retries += 1
                messages[index].seen = "retried"
                store.send(.tick(Date()))
                store.send(.retryTapped(outboxID: id))
            case .unknown(let unknown):
                act(on: unknown, index, id)
            }
        }
    }

    private func act(on unknown: UnknownSend, _ index: Int, _ id: Int) {
        switch unknown.phase {
        case .checking:
            if messages[index].seen != "checking \(unknown.round)" {
                messages[index].seen = "checking \(unknown.round)"
                result.unclear += 1
            }
        case .notFound:
            guard expect(index, "not found on the server yet", copies: { $0 == 0 }) else { return }
            result.notFound += 1
            result.resends += 1
            messages[index].seen = "resent"
            store.send(.tick(Date()))
            store.send(.resendTapped(outboxID: id))
            guard store.state.navigation.input == .confirmResend(outboxID: id) else {
                result.untruthful.append("message \(index): R did not ask before sending again")
                return
            }
            store.send(.inputSubmitted)
        case .checkFailed:
            messages[index].seen = "could not check"
            result.checksAgain += 1
            store.send(.checkAgainTapped(outboxID: id))
        case .cannotCheck(let reason):
            result.untruthful.append("message \(index): cannot be checked on a v2 server: \(reason)")
            messages[index].settled = true
        }
    }

    /// Checks the state shown for message `index` against the world, once per state; false when it was already seen.
    @discardableResult
    private func expect(_ index: Int, _ shown: String, copies holds: (Int) -> Bool) -> Bool {
        guard messages[index].seen != shown else { return false }
        messages[index].seen = shown
        let copies = server.sentTexts(to: messages[index].recipient).filter { $0 == messages[index].text }.count
        result.statesChecked += 1
        if shown == "sent", !store.state.compose.settled.contains(where: { $0.text == messages[index].text }) {
            result.untruthful.append("message \(index) left the outbox without being confirmed")
        }
        if !holds(copies) {
            result.untruthful.append("message \(index) shown as \(shown) while the server has \(copies) of it")
        }
        return true
    }

    private static let words = ["Rendez-vous confirmé", "Votre devis est prêt", "On arrive à 10 h", "Merci pour l'appel",
                                "Le colis est parti", "Pouvez-vous rappeler ?", "Facture envoyée", "À demain"]
}

/// The SDK's transport, counting the SMS POSTs that reached the wire.
final class PostCounter: HTTPTransport {
    private let transport = URLSessionTransport()
    private let posts = Mutex(0)

    var count: Int { posts.withLock { $0 } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        if request.method == "POST", request.url.path.hasSuffix("/v1/api/sms") { posts.withLock { $0 += 1 } }
        return try await transport.send(request)
    }
}
