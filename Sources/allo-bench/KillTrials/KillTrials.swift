import AlloSandbox
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif

/// `allo-bench killtrials [--trials N] [--seed S]`: the real binary in tmux, `kill -9`ed at a random moment while a
/// draft is being typed, sometimes just after a send (whose answer the sandbox sometimes holds back, so it is still
/// unsettled at the kill). After each kill the client starts again on the same state folder, and the bench checks that
/// the draft the compose box showed 250 ms before the kill is in it again, that every send confirmed with `y` is on
/// screen (sent, unknown or not found, never gone), and that none went out twice. Last line:
/// `kill trials: N, drafts lost D, sends lost S, duplicates X`.
struct KillTrials {
    struct Result {
        var trials = 0
        var draftsLost: [String] = []
        var sendsLost: [String] = []
        var duplicates = 0
        var sends = 0
        var heldAtKill = 0
        var draftsRestored = 0
        var charactersChecked = 0
        /// Trials where text typed `grace` before the kill was not on screen yet (the client had not read it).
        var typedNotShown = 0
    }

    static let usage = "usage: allo-bench killtrials [--trials N] [--seed S]"
    /// How long before the kill the compose box must have shown a text for the kill not to take it: the time a shown
    /// draft may take to reach the disk. Keys the client had not read yet at the kill are not owed.
    static let grace: Duration = .milliseconds(250)
    static let words = ["rendez-vous", "demain", "devis", "merci", "colis", "facture", "lundi", "appel", "café", "à",
                        "10h", "ok", "envoyé", "prêt", "rappel", "chantier", "lustre", "pose", "été", "noté"]

    let trials: Int
    let seed: UInt64

    init(_ arguments: [String]) throws {
        var trials = 100, seed: UInt64 = 42
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { throw BenchError("\(flag) needs a value\n\(Self.usage)") }
            switch flag {
            case "--trials":
                guard let count = Int(value), (1...10_000).contains(count) else { throw BenchError("--trials is 1 to 10000") }
                trials = count
            case "--seed":
                guard let number = UInt64(value) else { throw BenchError("--seed is a whole number") }
                seed = number
            default: throw BenchError("unknown option \(flag)\n\(Self.usage)")
            }
        }
        self.trials = trials
        self.seed = seed
    }

    static func main(_ arguments: [String]) async -> Int32 {
        do {
            let trials = try KillTrials(arguments)
            guard let (allo, tmux) = TmuxDriver.locate() else {
                print("kill trials: need the built allo next to allo-bench, and tmux")
                return 2
            }
            let result = try await trials.run(allo: allo, tmux: tmux)
            print("  sends confirmed with y: \(result.sends), still unsettled at the kill: \(result.heldAtKill)")
            print("  drafts found again in the compose box: \(result.draftsRestored) (\(result.charactersChecked) characters)")
            print("  trials where keys typed 250 ms before the kill were not read yet: \(result.typedNotShown)")
            for problem in (result.draftsLost + result.sendsLost).prefix(20) { print("  lost: \(problem)") }
            print("kill trials: \(result.trials), drafts lost \(result.draftsLost.count), sends lost \(result.sendsLost.count), "
                  + "duplicates \(result.duplicates)")
            return result.draftsLost.isEmpty && result.sendsLost.isEmpty && result.duplicates == 0 ? 0 : 1
        } catch {
            FileHandle.standardError.write(Data("allo-bench: \(error)\n".utf8))
            return 2
        }
    }

    func run(allo: String, tmux: String) async throws -> Result {
        let started = ContinuousClock.now
        var configuration = SandboxConfiguration()
        configuration.port = 0
        configuration.rateLimits = RateLimits(enforced: false)
        configuration.adminToken = "killtrials"
        let sandbox = try await SandboxServer.start(configuration)
        defer { Task { await sandbox.stop() } }
        let key = sandbox.keys.first { $0.name == "full" }!.secret
        let expected = try await FirstScreen.read(from: sandbox)
        let contact = try await Self.topConversation(sandbox, key: key)
        var random = SeededRandom(seed: seed)
        var result = Result()
        for trial in 0..<trials {
            try await runTrial(trial, allo: allo, tmux: tmux, sandbox: sandbox, key: key, expected: expected,
                               contact: contact, random: &random, result: &result)
            result.trials += 1
            if (trial + 1) % 10 == 0 || trial + 1 == trials {
                let seconds = (ContinuousClock.now - started).components.seconds
                print("kill trials: \(trial + 1)/\(trials) in \(seconds) s")
            }
        }
        return result
    }

    // MARK: One trial

    private func runTrial(_ trial: Int, allo: String, tmux: String, sandbox: SandboxServer, key: String,
                          expected: FirstScreen, contact: String, random: inout SeededRandom, result: inout Result) async throws {
        // One state folder for both runs; a tmux server of its own for each (a new server on a socket whose server is
        // still shutting down can fail to start).
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("allo-killtrial-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = folder.appendingPathComponent("state")
        let variables = ["ALLO_API_KEY": key, "ALLO_BASE_URL": sandbox.baseURL.absoluteString, "XDG_STATE_HOME": state.path]
        let driver = try TmuxDriver(tmux: tmux)
        let killed: (sent: [String], draft: String, owed: String)
        do {
            killed = try await typeSendAndKill(driver, trial: trial, allo: allo, variables: variables, expected: expected,
                                               contact: contact, sandbox: sandbox, random: &random, result: &result)
        } catch {
            await driver.close()
            throw error
        }
        await driver.close()
        let (sent, draft, owed) = killed

        // What the drafts file kept, then what the restarted client shows.
        let kept = Self.draft(in: state, contact: contact)
        if !owed.isEmpty, !(kept.map { draft.hasPrefix($0) && $0.count >= owed.count } ?? false) {
            result.draftsLost.append("trial \(trial): '\(owed)' was on screen 250 ms before the kill, the drafts file has '\(kept ?? "nothing")'")
        }
        let restarted = try TmuxDriver(tmux: tmux)
        do {
            try await check(restarted, trial: trial, kept: kept, sent: sent, allo: allo, variables: variables,
                            expected: expected, contact: contact, sandbox: sandbox, result: &result)
        } catch {
            await restarted.close()
            throw error
        }
        await restarted.close()
    }

    /// The first run: maybe a send (its answer maybe held back), then a draft typed word by word, and `kill -9` at a
    /// random moment of it. Returns the sends confirmed with `y`, the whole draft, and what of it the compose box
    /// showed 250 ms before the kill.
    private func typeSendAndKill(_ driver: TmuxDriver, trial: Int, allo: String, variables: [String: String],
                                 expected: FirstScreen, contact: String, sandbox: SandboxServer, random: inout SeededRandom,
                                 result: inout Result) async throws -> (sent: [String], draft: String, owed: String) {
        try await openConversation(driver, allo: allo, variables: variables, expected: expected, contact: contact)

        var sent: [String] = []
        if random.chance(0.5) {
            let text = "kt \(seed)-\(trial) \(random.pick(Self.words))"
            let held = random.chance(0.5)
            if held {
                // The POST runs; its answer is held back past the kill: the send is unsettled when the client dies.
                try await Self.fault(sandbox, #"{"kind":"latency","latency_ms":60000,"when":"after","count":1,"method":"POST","path_prefix":"/v1/api/sms"}"#)
                result.heldAtKill += 1
            }
            try await driver.type(text)
            try await driver.waitFor("the text to send") { TmuxDriver.squeezed($0).contains(TmuxDriver.squeezed(text)) }
            try await driver.press("Enter")
            try await driver.waitFor("the question") { $0.contains("Send 1 segment") }
            try await driver.press("y")
            // The box empties once the send is confirmed: from then on it is the outbox's.
            try await driver.waitFor("the send confirmed") { !$0.contains("Send 1 segment") && $0.contains("0/160") }
            sent.append(text)
            result.sends += 1
        }

        // Type a draft word by word, and kill the client at a random moment of it. Between words (and until the kill)
        // the screen is read: what the compose box showed `grace` before the kill is owed, whatever was typed.
        let words = (0..<Int.random(in: 2...6, using: &random)).map { _ in random.pick(Self.words) }
        let draft = words.joined(separator: " ")
        let typingStarted = ContinuousClock.now
        let killAt = typingStarted + .milliseconds(Int.random(in: 0...1500, using: &random))
        var typed: [(at: ContinuousClock.Instant, text: String)] = [(typingStarted, "")]
        var shown: [(at: ContinuousClock.Instant, length: Int)] = []
        for (index, word) in words.enumerated() where ContinuousClock.now < killAt {
            let chunk = index == 0 ? word : " " + word
            try await driver.type(chunk)
            typed.append((ContinuousClock.now, typed.last!.text + chunk))
            let pause = min(killAt, ContinuousClock.now + .milliseconds(Int.random(in: 20...200, using: &random)))
            repeat {
                let length = Self.composeLength(try await driver.capture())
                shown.append((ContinuousClock.now, length ?? 0))
            } while ContinuousClock.now < pause
        }
        while ContinuousClock.now < killAt {
            let length = Self.composeLength(try await driver.capture())
            shown.append((ContinuousClock.now, length ?? 0))
        }
        let pid = try await driver.clientPID()
        kill(pid, SIGKILL)
        while isRunning(pid) { try await Task.sleep(for: .milliseconds(5)) }
        // Shown: as many characters of the draft as the compose box's counter said (each is one unit: GSM-7 letters
        // without escapes, or UTF-16 units of the BMP).
        let owed = String(draft.prefix(shown.filter { $0.at <= killAt - Self.grace }.map(\.length).max() ?? 0))
        let unshown = typed.last { $0.at <= killAt - Self.grace }?.text ?? ""
        if unshown.count > owed.count { result.typedNotShown += 1 }
        return (sent, draft, owed)
    }

    /// The restarted client: the kept draft in the compose box, every send on screen, none twice on the server.
    private func check(_ driver: TmuxDriver, trial: Int, kept: String?, sent: [String], allo: String,
                       variables: [String: String], expected: FirstScreen, contact: String, sandbox: SandboxServer,
                       result: inout Result) async throws {
        try await openConversation(driver, allo: allo, variables: variables, expected: expected, contact: contact)
        if let kept, !kept.isEmpty {
            do {
                try await driver.waitFor("the draft in the compose box", timeout: .seconds(20)) {
                    TmuxDriver.squeezed($0).contains(TmuxDriver.squeezed(kept))
                }
                result.draftsRestored += 1
                result.charactersChecked += kept.count
            } catch {
                result.draftsLost.append("trial \(trial): '\(kept)' is in the drafts file but not in the compose box")
            }
        }
        for text in sent {
            do {
                // Sent, unknown or not found: on screen, never gone; then settled on the server at most once.
                try await driver.waitFor("the send '\(text)' settled", timeout: .seconds(30)) { screen in
                    TmuxDriver.squeezed(screen).contains(TmuxDriver.squeezed(text)) && !screen.contains("sending…")
                        && !screen.contains("checking the server")
                }
            } catch {
                result.sendsLost.append("trial \(trial): '\(text)' confirmed with y is not on screen after the restart")
            }
            let copies = sandbox.sentTexts(to: contact).filter { $0 == text }.count
            if copies > 1 { result.duplicates += copies - 1 }
        }
    }

    /// Starts the client and opens the top conversation with the compose box focused.
    private func openConversation(_ driver: TmuxDriver, allo: String, variables: [String: String],
                                  expected: FirstScreen, contact: String) async throws {
        try await driver.start(TmuxDriver.quote(allo), variables: variables, width: 120, height: 40)
        // The contact pane shows the selected inbox row: the inbox is loaded (a toast may name the number earlier).
        try await driver.waitFor("the first screen") {
            expected.isShown($0) && TmuxDriver.squeezed($0).contains("Number" + contact)
        }
        try await driver.press("Enter")
        try await driver.waitFor("the conversation") { $0.contains("Esc back") }
        try await driver.press("c")
        try await driver.waitFor("the compose box") { $0.contains("Alt-Enter newline") }
    }

    // MARK: Helpers

    /// The length the compose box's footer shows (`12/160 · GSM-7 · 1 segment`); nil when there is no footer.
    static func composeLength(_ screen: String) -> Int? {
        guard let match = screen.firstMatch(of: #/(\d+)/\d+ · /#) else { return nil }
        return Int(match.1)
    }

    /// The draft of the conversation with `contact` in the drafts file; nil when there is none.
    static func draft(in state: URL, contact: String) -> String? {
        guard let data = try? Data(contentsOf: state.appendingPathComponent("allo/drafts.json")),
              let records = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { return nil }
        return records.first { ($0["key"] as? [String: Any])?["contactNumber"] as? String == contact }?["text"] as? String
    }

    static func topConversation(_ sandbox: SandboxServer, key: String) async throws -> String {
        let numbers = try await get("/v2/api/numbers", sandbox, key: key)["data"] as? [[String: Any]] ?? []
        let number = (numbers.first?["number"] as? String ?? "").replacingOccurrences(of: "+", with: "%2B")
        let conversations = try await get("/v2/api/conversations?allo_number=\(number)&size=1", sandbox, key: key)
        guard let contact = (conversations["data"] as? [[String: Any]])?.first?["contact_number"] as? String else {
            throw BenchError("no conversation")
        }
        return contact
    }

    private static func get(_ path: String, _ sandbox: SandboxServer, key: String) async throws -> [String: Any] {
        var request = URLRequest(url: URL(string: sandbox.baseURL.absoluteString + path)!)
        request.setValue("Api-Key \(key)", forHTTPHeaderField: "Authorization")
        let (data, _) = try await URLSession.shared.data(for: request)
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    static func fault(_ sandbox: SandboxServer, _ json: String) async throws {
        var request = URLRequest(url: URL(string: sandbox.baseURL.absoluteString + "/_sandbox/faults")!)
        request.httpMethod = "POST"
        request.setValue("Bearer \(sandbox.adminToken)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(json.utf8)
        let (_, response) = try await URLSession.shared.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 200 else { throw BenchError("the fault was refused") }
    }
}
