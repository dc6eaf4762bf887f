import Foundation
import ProcessTools
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Every way the client can end, in a real tmux pane: the terminal it leaves (`stty -a`, the alternate screen), and what
/// it keeps on disk (the draft typed just before, the crash file, the log).
@Suite("allo in a terminal: restored on every path", .serialized,
       .enabled(if: Tmux.path != nil || Tmux.required, Comment(rawValue: Tmux.missingMessage + "; skipped (set ALLO_E2E_REQUIRED=1 to fail instead)")))
struct TerminalRestoreTests {
    enum Ending: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case q, sigint, sigterm, sighup, sigquit
        var testDescription: String { rawValue }
        var signal: Int32? {
            switch self {
            case .q: nil
            case .sigint: SIGINT
            case .sigterm: SIGTERM
            case .sighup: SIGHUP
            case .sigquit: SIGQUIT
            }
        }
    }

    /// Opens the first conversation with an SMS, focuses compose and types `draft`, until it is on screen.
    static func typeDraft(_ draft: String, _ session: ClientSession, _ sandbox: TestSandbox) async throws {
        try await ClientScenarioTests.openConversationWithAnSMS(session, sandbox)
        try await session.tmux.press("c")
        try await session.tmux.type(draft)
        try await session.tmux.waitFor("the draft on screen") { squeeze($0).contains(squeeze(draft)) }
    }

    static func drafts(_ session: ClientSession) -> String {
        (try? String(contentsOf: session.logFile.deletingLastPathComponent().appendingPathComponent("drafts.json"),
                     encoding: .utf8)) ?? ""
    }

    @Test("q and the catchable signals: the terminal as it was, the alternate screen left, the typed draft on disk",
          arguments: Ending.allCases)
    func gracefulEndings(_ ending: Ending) async throws {
        try await TestSandbox.with { sandbox in
            try await ClientSession.with([], environment: sandbox.clientEnvironment) { session in
                let draft = "Brouillon avant \(ending.rawValue) \(Int.random(in: 1000...9999))"
                try await Self.typeDraft(draft, session, sandbox)
                if let signal = ending.signal {
                    #expect(kill(try await session.clientPID(), signal) == 0)
                } else {
                    try await session.tmux.press("Escape")
                    try await session.tmux.waitFor(text: "Enter transcript")
                    try await session.tmux.press("q")
                }
                let (status, stty) = try await session.waitForExit()
                #expect(status == (ending.signal.map { 128 + Int($0) } ?? 0))
                #expect(stty.isCookedTerminal, "stty -a after \(ending): \(stty.sorted())")
                #expect(try await session.tmux.display("#{alternate_on}") == "0")
                #expect(Self.drafts(session).contains(draft), "drafts.json: \(Self.drafts(session))")
                let log = try String(contentsOf: session.logFile, encoding: .utf8)
                #expect(!log.contains(sandbox.fullKey), "the key is never logged")
            }
        }
    }

    @Test("SIGSEGV and SIGABRT from outside take the crash path: terminal restored, one line naming the crash file, the prompt back within 2 s",
          arguments: [SIGSEGV, SIGABRT])
    func crashes(_ signal: Int32) async throws {
        try await TestSandbox.with { sandbox in
            try await ClientSession.with([], environment: sandbox.clientEnvironment) { session in
                try await session.tmux.waitFor(format: "#{alternate_on}", toBe: "1")
                let pid = try await session.clientPID()
                let environment = (try? String(contentsOfFile: "/proc/\(pid)/environ", encoding: .utf8)) ?? ""
                #expect(environment.contains("SWIFT_BACKTRACE="), "the client runs with the backtracer set up")
                let sent = ContinuousClock.now
                #expect(kill(pid, signal) == 0)
                let (status, stty) = try await session.waitForExit(timeout: .seconds(30))
                let elapsed = ContinuousClock.now - sent
                #expect(elapsed < .seconds(2), "the prompt came back after \(elapsed)")
                #expect(status == 128 + Int(signal))
                #expect(stty.isCookedTerminal, "stty -a after signal \(signal): \(stty.sorted())")
                #expect(try await session.tmux.display("#{alternate_on}") == "0")
                let screen = try await session.tmux.capture()
                // The line may wrap at the pane's width; the path has no spaces.
                let marker = squeeze("allo crashed; the backtrace is in ")
                let joined = squeeze(screen)
                let start = try #require(joined.range(of: marker), "the crash line on the screen:\n\(screen)")
                let rest = joined[start.upperBound...]
                let path = String(rest[..<(rest.range(of: ".txt")?.upperBound ?? rest.endIndex)])
                #expect(!screen.contains("Press space to interact") && !screen.contains("Backtracing"),
                        "the backtrace and the backtracer's own lines stay off the screen:\n\(screen)")
                #expect(screen.components(separatedBy: "allo crashed").count == 2, "one line says where it is")
                #expect(path.hasPrefix(session.logFile.deletingLastPathComponent().path + "/crash-"))
                let crash = try String(contentsOfFile: path, encoding: .utf8)
                #expect(crash.contains("Program crashed"))
                #expect(!crash.contains(sandbox.fullKey))
                let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
                #expect(mode == 0o600)
            }
        }
    }

    @Test("kill -9: a draft left 300 ms before is in the compose box after restart, in the same conversation; the log kept its lines")
    func killNine() async throws {
        try await TestSandbox.with { sandbox in
            let draft = "Survit au kill \(Int.random(in: 1000...9999))"
            let state = FileManager.default.temporaryDirectory.appendingPathComponent("allo-kill-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: state) }
            let environment = sandbox.clientEnvironment.merging(["XDG_STATE_HOME": state.path]) { $1 }
            try await ClientSession.with([], environment: environment) { session in
                try await Self.typeDraft(draft, session, sandbox)
                try await Task.sleep(for: .milliseconds(300))
                #expect(kill(try await session.clientPID(), SIGKILL) == 0)
                _ = try await session.waitForExit()
            }
            let log = try String(contentsOf: state.appendingPathComponent("allo/allo.log"), encoding: .utf8)
            #expect(log.contains("start: api "), "the killed run's lines are in the log")
            #expect(!log.contains(sandbox.fullKey))
            try await ClientSession.with([], environment: environment) { session in
                try await ClientScenarioTests.openConversationWithAnSMS(session, sandbox)
                try await session.tmux.waitFor("the draft back in the compose box") { squeeze($0).contains(squeeze(draft)) }
            }
        }
    }

    @Test("kill -9 with a send in flight: after restart it is unknown, is checked, and settles as sent without a second POST")
    func killNineWithASendInFlight() async throws {
        try await TestSandbox.with { sandbox in
            // The POST runs at once; its answer is held back past the kill.
            try await sandbox.fault(#"{"kind":"latency","latency_ms":60000,"when":"after","count":1,"path_prefix":"/v1/api/sms","method":"POST"}"#)
            let text = "En vol au kill \(Int.random(in: 1000...9999))"
            let state = FileManager.default.temporaryDirectory.appendingPathComponent("allo-kill-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: state) }
            let environment = sandbox.clientEnvironment.merging(["XDG_STATE_HOME": state.path]) { $1 }
            try await ClientSession.with([], environment: environment) { session in
                try await ClientScenarioTests.typeAndSend(text, session, sandbox)
                try await session.tmux.waitFor(text: "sending…")
                let deadline = ContinuousClock.now + .seconds(30)
                while try await !sandbox.hasSent(text), ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(40))
                }
                #expect(kill(try await session.clientPID(), SIGKILL) == 0)
                _ = try await session.waitForExit()
            }
            try await ClientSession.with([], environment: environment) { session in
                try await ClientScenarioTests.openConversationWithAnSMS(session, sandbox)
                try await session.tmux.waitFor("the send settled as sent") { screen in
                    screen.contains("confirmed: the server has it") && squeeze(screen).contains(squeeze(text))
                        && !screen.contains("unknown") && !screen.contains("sending…")
                }
            }
            let posts = try await sandbox.journal(pathPrefix: "/v1/api/sms").filter { $0.method == "POST" }
            #expect(posts.count <= 1, "the held POST is journaled once answered; never a second one")
        }
    }
}

extension TestSandbox {
    /// Whether an outbound SMS with `text` exists on the server.
    func hasSent(_ text: String) async throws -> Bool {
        let number = try await firstScreen().number
        let items = try await post("/v2/api/conversations/items/search",
                                   json: #"{"allo_number":"\#(number)","direction":"OUTBOUND","type":"SMS","size":100}"#)
        return (items["data"] as? [[String: Any]] ?? []).contains { $0["content"] as? String == text }
    }
}
