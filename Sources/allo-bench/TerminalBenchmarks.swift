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

/// Issue 5's figures for the terminal client: one frame rendered over a long history, and, with the built `allo` in
/// tmux, the first complete frame of `allo --demo`, CPU while idle, and the bytes one `j` writes to the terminal.
struct TerminalBenchmarks {
    let quick: Bool

    func run() async throws -> [Figure] {
        var figures = renderFigures()
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
            figures += try await bytesPerKey(allo: allo, tmux: tmux, sandbox: sandbox, expected: expected)
        } catch {
            log("terminal figures stopped: \(error)")
        }
        await sandbox.stop()
        return figures
    }

    // MARK: Render

    /// `AlloTUI.render` at 200×60 with 100 000 items in the open timeline (and as many inbox entries).
    private func renderFigures() -> [Figure] {
        let group = "terminal client: render one frame at 200×60, 100 000 timeline items loaded"
        var scenario = StoreBenchmarks.Scenario(history: 100_000)
        scenario.state.navigation.focus = .timeline
        let size = Size(width: 200, height: 60)
        let theme = Theme.default
        let chrome = Chrome(demo: false, account: "api.withallo.com")
        let rounds = quick ? 20 : 200
        _ = render(scenario.state, size: size, theme: theme, chrome: chrome)
        var same: [Double] = []
        var moved: [Double] = []
        for round in 0..<rounds {
            same.append(time { _ = render(scenario.state, size: size, theme: theme, chrome: chrome) })
            _ = reduce(into: &scenario.state, action: .selectionMoved(by: round.isMultiple(of: 2) ? -1 : 1))
            moved.append(time { _ = render(scenario.state, size: size, theme: theme, chrome: chrome) })
        }
        return [Figure(group: group, name: "render, state unchanged", unit: "ms", samples: same, higherIsBetter: false),
                Figure(group: group, name: "render after the selection moved", unit: "ms", samples: moved, higherIsBetter: false)]
    }

    private func time(_ body: () -> Void) -> Double {
        let start = ContinuousClock.now
        body()
        let (seconds, attoseconds) = (ContinuousClock.now - start).components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
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

    // MARK: Bytes written for one key

    /// `allo` under `script -q -f` in a 120×40 pane: bytes the client writes for one `j` in an open timeline.
    private func bytesPerKey(allo: String, tmux: String, sandbox: SandboxServer, expected: FirstScreen) async throws -> [Figure] {
        guard let script = Tool.find("script") else {
            log("skipping bytes per key: `script` (util-linux) is not installed")
            return []
        }
        let driver = try TmuxDriver(tmux: tmux)
        let output = driver.directory.appendingPathComponent("typescript")
        let key = sandbox.keys.first { $0.name == "full" }!.secret
        var samples: [Double] = []
        do {
            try await driver.start("\(TmuxDriver.quote(script)) -q -f -c \(TmuxDriver.quote(TmuxDriver.quote(allo))) "
                                   + TmuxDriver.quote(output.path),
                                   variables: ["ALLO_API_KEY": key, "ALLO_BASE_URL": sandbox.baseURL.absoluteString],
                                   width: 120, height: 40)
            try await driver.waitFor("the first inbox row", expected.isShown)
            try await driver.press("Enter")
            if let snippet = expected.lastItemText {
                try await driver.waitFor("the open conversation", { FirstScreen.squeeze($0).contains(snippet) })
            }
            try await settle(output)
            try await driver.press("k")
            try await settle(output)
            for _ in 0..<(quick ? 3 : 15) {
                let before = size(of: output)
                try await driver.press("j")
                try await changed(output, from: before)
                samples.append(Double(try await settle(output) - before))
                try await driver.press("k")
                try await settle(output)
            }
        } catch {
            await driver.close()
            throw error
        }
        await driver.close()
        return [Figure(group: "terminal client: `allo` under `script` in tmux at 120×40",
                       name: "bytes written to the terminal for one j in the timeline", unit: "bytes",
                       samples: samples, higherIsBetter: false)]
    }

    private func size(of url: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int) ?? 0
    }

    /// Waits until the file grew past `size` (or 5 s passed: a key that changes nothing writes nothing).
    private func changed(_ url: URL, from size: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(5)
        while self.size(of: url) == size, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(2)) }
    }

    /// Waits until the file has not grown for 200 ms; returns its size.
    @discardableResult
    private func settle(_ url: URL) async throws -> Int {
        var last = size(of: url)
        var quietSince = ContinuousClock.now
        while ContinuousClock.now - quietSince < .milliseconds(200) {
            try await Task.sleep(for: .milliseconds(10))
            let now = size(of: url)
            if now != last { (last, quietSince) = (now, ContinuousClock.now) }
        }
        return last
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
