import AlloSandbox
import AlloStore
import AlloTUI
import Foundation
import ProcessTools
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Issue 7 §6–7 for the terminal client, with the built `allo` in tmux: the first complete frame of `allo --demo`, CPU
/// while idle, and the bytes the real terminal layer writes for the first frame and for single keys.
struct TerminalBenchmarks {
    let quick: Bool

    func run() async throws -> [Figure] {
        var figures: [Figure] = []
        guard let (allo, tmux) = TmuxDriver.locate() else {
            log("skipping the terminal figures (first frame, idle CPU, bytes per key): build `allo` (swift build) and install tmux")
            return figures
        }
        // The demo's world: the same default configuration gives the same numbers and conversations.
        var configuration = SandboxConfiguration()
        configuration.port = 0
        configuration.rateLimits = RateLimits(enforced: false)
        let sandbox = try await SandboxServer.start(configuration)
        do {
            let expected = try await FirstScreen.read(from: sandbox)
            figures += try await launchFigures(allo: allo, tmux: tmux, expected: expected)
            figures += try await TerminalBytes(quick: quick, allo: allo, tmux: tmux, sandbox: sandbox, expected: expected).run()
        } catch {
            log("terminal figures stopped: \(error)")
        }
        await sandbox.stop()
        return figures
    }

    // MARK: Launch: first frame and idle CPU

    private func launchFigures(allo: String, tmux: String, expected: FirstScreen) async throws -> [Figure] {
        let group = "terminal client: `allo --demo` in tmux at 120×40 (\(build) build)"
        let launches = quick ? 2 : 5
        let idleSeconds = quick ? 2 : 10
        var firstFrame: [Double] = []
        var idle: [Double] = []
        log("launching `allo --demo` \(launches) times…")
        for launch in 0..<launches {
            let driver = try TmuxDriver(tmux: tmux)
            do {
                let start = ContinuousClock.now
                try await driver.start("\(TmuxDriver.quote(allo)) --demo", variables: [:], width: 120, height: 40)
                try await driver.waitFor("the first inbox row", expected.isShown)
                let (seconds, attoseconds) = (ContinuousClock.now - start).components
                firstFrame.append(Double(seconds) * 1000 + Double(attoseconds) / 1e15)
                if launch == 0 {
                    log("measuring CPU while idle for \(idleSeconds) s…")
                    let pid = try await driver.clientPID()
                    // Let the first burst of requests settle; then nothing is pressed.
                    try await Task.sleep(for: .seconds(1))
                    if let before = cpuSeconds(of: pid) {
                        try await Task.sleep(for: .seconds(idleSeconds))
                        if let after = cpuSeconds(of: pid) { idle.append((after - before) / Double(idleSeconds) * 100) }
                    }
                }
            } catch {
                await driver.close()
                throw error
            }
            await driver.close()
        }
        var figures = [Figure(group: group, name: "launch to first complete frame (inbox rows shown)", unit: "ms",
                              samples: firstFrame, higherIsBetter: false)]
        if !idle.isEmpty {
            figures.append(Figure(group: group, name: "CPU while idle for \(idleSeconds) s (client + embedded sandbox)",
                                  unit: "% of a core", samples: idle, higherIsBetter: false))
        }
        return figures
    }

}

/// What the demo's first complete frame shows: the first number's name and the first conversation of its inbox.
struct FirstScreen: Sendable {
    var numberName: String
    /// Names and numbers the first inbox row may be shown by, spaces removed.
    var rowTitles: [String]
    /// The start of the first conversation's newest message, spaces removed.
    var lastItemText: String?

    static func read(from sandbox: SandboxServer) async throws -> FirstScreen {
        let key = sandbox.keys.first { $0.name == "full" }!.secret
        func get(_ path: String) async throws -> [String: Any] {
            var request = URLRequest(url: URL(string: sandbox.baseURL.absoluteString + path)!)
            request.setValue("Api-Key \(key)", forHTTPHeaderField: "Authorization")
            let (data, _) = try await URLSession.shared.data(for: request)
            return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        }
        let numbers = try await get("/v2/api/numbers")["data"] as? [[String: Any]] ?? []
        guard let first = numbers.first, let number = first["number"] as? String else { throw BenchError("no numbers") }
        let encoded = number.replacingOccurrences(of: "+", with: "%2B")
        let conversations = try await get("/v2/api/conversations?allo_number=\(encoded)&size=1")["data"] as? [[String: Any]] ?? []
        guard let conversation = conversations.first else { throw BenchError("no conversations") }
        var titles = [conversation["contact_number"] as? String].compactMap { $0 }
        if let contacts = conversation["contacts"] as? [[String: Any]] {
            titles += contacts.compactMap { $0["name"] as? String }
        }
        let text = (conversation["last_item"] as? [String: Any])?["content"] as? String
        return FirstScreen(numberName: squeeze(String((first["name"] as? String ?? number).prefix(8))),
                           rowTitles: titles.map { squeeze(String($0.prefix(12))) },
                           lastItemText: text.map { squeeze(String($0.prefix(14))) })
    }

    func isShown(_ screen: String) -> Bool {
        let text = Self.squeeze(screen)
        return text.contains(numberName) && rowTitles.contains { text.contains($0) }
    }

    /// Without spaces or line breaks, so formatting (a number shown as `+33 6 55…`, a wrapped line) does not matter.
    static func squeeze(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0 != " " && $0 != "\n" && $0 != "\u{00A0}" }.map(Character.init))
    }
}
