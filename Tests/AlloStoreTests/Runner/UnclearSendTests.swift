import Foundation
import Testing
import AlloKit
import AlloSandbox
import AlloStore

/// Sends whose answer is unclear, through the real reducers, runner and AlloKit against the sandbox's faults: what the
/// store shows is checked against the sandbox's journal (POSTs) and world (the messages that exist).
@MainActor
@Suite("Sends without a clear answer, end to end")
struct UnclearSendTests {
    static let line = Sandbox.usLine
    static let recipient = "+14155559876"

    /// A store with a conversation open on `line` and `text` typed; the check window shortened for the test.
    static func store(_ sandbox: Sandbox, text: String, state directory: URL) throws -> (Store, StoreWatcher) {
        var state = AppState()
        state.session.identity = .loaded(Identity(apiKeyID: "key", scopes: Scope.allCases.map(\.rawValue)))
        state.session.hasV2 = true
        state.numbers.list = .loaded([NumberInfo(number: line)])
        state.numbers.selected = line
        state.inbox.alloNumber = line
        state.status.now = sandbox.now
        state.compose.checkWindow = .milliseconds(600)
        let key = ConversationKey(alloNumber: line, contactNumber: recipient)
        state.timeline.key = key
        state.compose.conversation = key
        state.compose.recipient = recipient
        state.compose.sender = .number(line)
        state.compose.text = text
        let store = Store(state: state, runner: try sandbox.runner(state: directory), clock: StepClock())
        return (store, StoreWatcher(store))
    }

    /// The outbound SMS with `text` to the recipient that exist on the server.
    static func copies(_ text: String, _ sandbox: Sandbox) async throws -> Int {
        let items = try await sandbox.client().items.search(ItemSearch(alloNumber: line, contactNumber: recipient,
                                                                       direction: .outbound, type: .sms), size: 100)
        return items.items.filter { $0.content == text }.count
    }

    static func phase(_ state: AppState) -> UnknownSend.Phase? {
        guard case .unknown(let unknown)? = state.compose.outbox.first?.state else { return nil }
        return unknown.phase
    }

    @Test("The request ran, then the answer was spoiled: unknown, then confirmed from the server's copy; one POST",
          arguments: [#"{"kind":"status","status":502,"when":"after"}"#, #"{"kind":"drop_connection","when":"after"}"#,
                      #"{"kind":"malformed_json","when":"after"}"#])
    func ranThenSpoiled(fault: String) async throws {
        try await withSandbox { sandbox in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("allo-unclear-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            try await sandbox.fault(Self.scoped(fault))
            let text = "Le devis arrive demain"
            let (store, watcher) = try Self.store(sandbox, text: text, state: directory)
            var seen: [String] = []
            let watch = store.onChange
            store.onChange = { state in
                if let phase = Self.phase(state) { seen.append("\(phase)") }
                watch?(state)
            }
            store.send(.sendTapped)
            store.send(.sendConfirmed)
            try await watcher.until("the send settled") { $0.compose.outbox.isEmpty }
            #expect(seen.first == "checking", "states seen: \(seen)")
            #expect(!seen.contains("notFound"))
            #expect(store.state.compose.settled.count == 1)
            let item = try #require(store.state.timeline.items.last)
            #expect(item.id.hasPrefix("msg-"), "the server's copy, not the local item")
            #expect(try await sandbox.requests(to: "/v1/api/sms") == 1)
            #expect(try await Self.copies(text, sandbox) == 1)
            await store.stop()
        }
    }

    @Test("The request never ran: unknown, then not found yet; Enter only looks again; R then y sends it once more",
          arguments: [#"{"kind":"status","status":502,"when":"before"}"#, #"{"kind":"drop_connection","when":"before"}"#])
    func neverRan(fault: String) async throws {
        try await withSandbox { sandbox in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("allo-unclear-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            try await sandbox.fault(Self.scoped(fault))
            let text = "Rappel : rendez-vous lundi"
            let (store, watcher) = try Self.store(sandbox, text: text, state: directory)
            store.send(.sendTapped)
            store.send(.sendConfirmed)
            try await watcher.until("not found on the server yet") { Self.phase($0) == .notFound }
            #expect(try await Self.copies(text, sandbox) == 0)

            store.send(.checkAgainTapped(outboxID: 1))
            #expect(Self.phase(store.state) == .checking)
            try await watcher.until("not found again") { Self.phase($0) == .notFound }
            store.send(.retryTapped(outboxID: 1))
            #expect(try await sandbox.requests(to: "/v1/api/sms") == 1, "neither Enter nor retry posts again")

            store.send(.resendTapped(outboxID: 1))
            #expect(store.state.navigation.input == .confirmResend(outboxID: 1))
            store.send(.inputSubmitted)
            try await watcher.until("the send settled") { $0.compose.outbox.isEmpty }
            #expect(try await sandbox.requests(to: "/v1/api/sms") == 2)
            #expect(try await Self.copies(text, sandbox) == 1)
            await store.stop()
        }
    }

    @Test("On v1, a recipient who is no contact has no conversation to look in: the send stays unknown and says why")
    func v1WithoutAContact() async throws {
        try await withSandbox { sandbox in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("allo-unclear-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            try await sandbox.fault(Self.scoped(#"{"kind":"status","status":502,"when":"after"}"#))
            let (store, watcher) = try Self.store(sandbox, text: "Sans fiche contact", state: directory)
            // A client on the v1 inbox (a server without v2).
            store.send(.sessionFailed(ErrorInfo(kind: .http(status: 404), code: "ROUTE_NOT_FOUND", message: "no v2")))
            store.send(.sendTapped)
            store.send(.sendConfirmed)
            try await watcher.until("unknown, with the reason") { state in
                if case .cannotCheck? = Self.phase(state) { return true }
                return false
            }
            guard case .cannotCheck(let reason)? = Self.phase(store.state) else { return }
            #expect(reason.contains(Self.recipient) && reason.contains("no contact"))
            #expect(try await sandbox.requests(to: "/v1/api/contacts?") >= 1, "it looked for the contact by number")
            #expect(try await sandbox.requests(to: "/v1/api/sms") == 1)
            await store.stop()
        }
    }

    @Test("A 429 is not sent: the API did not act; Enter retries and it goes out once")
    func rateLimitedIsNotSent() async throws {
        try await withSandbox { sandbox in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("allo-unclear-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            // The runner's client here does not retry: one 429 ends the send "not sent".
            try await sandbox.fault(Self.scoped(#"{"kind":"rate_limit","retry_after":0}"#))
            let text = "Votre colis est prêt"
            let (store, watcher) = try Self.store(sandbox, text: text, state: directory)
            store.send(.sendTapped)
            store.send(.sendConfirmed)
            try await watcher.until("not sent") {
                if case .failed? = $0.compose.outbox.first?.state { return true }
                return false
            }
            #expect(try await Self.copies(text, sandbox) == 0)
            store.send(.retryTapped(outboxID: 1))
            try await watcher.until("sent") { $0.compose.outbox.isEmpty }
            #expect(try await Self.copies(text, sandbox) == 1)
            await store.stop()
        }
    }

    @Test("The outbox is on disk before the POST leaves, and a send in flight comes back unknown after a restart, then settles")
    func outboxSurvivesARestart() async throws {
        try await withSandbox { sandbox in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("allo-unclear-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            // The POST runs, then its answer is held back longer than the test lasts: the client stops first.
            try await sandbox.fault(Self.scoped(#"{"kind":"latency","latency_ms":60000,"when":"after"}"#))
            let text = "Envoyé juste avant l'arrêt"
            let (first, firstWatcher) = try Self.store(sandbox, text: text, state: directory)
            first.send(.sendTapped)
            first.send(.sendConfirmed)
            try await firstWatcher.until("in flight") { $0.compose.outbox.first?.state == .sending }
            // The POST ran on the server (its answer is held back): by then the outbox was on disk.
            try await Self.until("the SMS in the sandbox's world") { try await Self.copies(text, sandbox) == 1 }
            let onDisk = try PrivateFile<OutboxSnapshot>(url: directory.appendingPathComponent("outbox.json")).load()
            #expect(onDisk?.entries.map(\.text) == [text])
            await first.stop()
            _ = try await sandbox.control("DELETE", "/faults")

            // A new client on the same state folder: the send is unknown, checked, found (the POST did run).
            let (second, watcher) = try Self.store(sandbox, text: "", state: directory)
            second.start()
            try await watcher.until("the restored send settled") { state in
                state.compose.settled.contains { $0.text == text } && state.compose.outbox.isEmpty
            }
            #expect(try await sandbox.requests(to: "/v1/api/sms") <= 1)
            #expect(try await Self.copies(text, sandbox) == 1)
            await second.stop()
        }
    }

    /// Waits for `condition`, checking it every 20 ms, for at most `timeout`.
    static func until(_ what: String, timeout: Duration = .seconds(60), _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while try await !condition() {
            guard ContinuousClock.now < deadline else { throw WaitTimedOut(what: what) }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// The fault, limited to the SMS POST and used once unless it says how often.
    static func scoped(_ fault: String) -> String {
        let count = fault.contains("\"count\"") ? "" : #","count":1"#
        return fault.dropLast() + #","method":"POST","path_prefix":"/v1/api/sms""# + count + "}"
    }
}
