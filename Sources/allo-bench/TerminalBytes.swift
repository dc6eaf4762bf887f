import AlloSandbox
import Foundation
import ProcessTools

/// Issue 7 §6: bytes the real terminal layer (ncurses in the built `allo`) writes to its pseudo-terminal at 120×40, read
/// from the typescript of `script -q -f` running it in a tmux pane: the first complete frame, one `j` in the timeline,
/// one page down in the timeline, and one character typed in compose.
struct TerminalBytes {
    let quick: Bool
    let allo: String
    let tmux: String
    let sandbox: SandboxServer
    let expected: FirstScreen

    private static let group = "terminal bytes: ncurses output of `allo` on a pseudo-terminal at 120×40"

    func run() async throws -> [Figure] {
        guard let script = Tool.find("script") else {
            log("skipping terminal bytes: `script` (util-linux) is not installed")
            return []
        }
        let launches = quick ? 1 : 3
        let presses = quick ? 3 : 15
        var firstFrame: [Double] = []
        var j: [Double] = []
        var pageDown: [Double] = []
        var typed: [Double] = []
        for launch in 0..<launches {
            let driver = try TmuxDriver(tmux: tmux)
            let output = driver.directory.appendingPathComponent("typescript")
            let key = sandbox.keys.first { $0.name == "full" }!.secret
            do {
                try await driver.start("\(TmuxDriver.quote(script)) -q -f -c \(TmuxDriver.quote(TmuxDriver.quote(allo))) "
                                       + TmuxDriver.quote(output.path),
                                       variables: ["ALLO_API_KEY": key, "ALLO_BASE_URL": sandbox.baseURL.absoluteString],
                                       width: 120, height: 40)
                try await driver.waitFor("the first inbox row", expected.isShown)
                firstFrame.append(Double(try await settle(output) - headerLength(output)))
                if launch == 0 {
                    try await driver.press("Enter")
                    if let snippet = expected.lastItemText {
                        try await driver.waitFor("the open conversation", { FirstScreen.squeeze($0).contains(snippet) })
                    }
                    try await settle(output)
                    // From the newest item: up one (unmeasured), then the measured `j` back down.
                    for _ in 0..<presses {
                        try await driver.press("k")
                        try await settle(output)
                        j.append(try await measure("j", driver: driver, output: output))
                    }
                    // A page up (unmeasured), then the measured page down back to where it was.
                    for _ in 0..<presses {
                        try await driver.press("PPage")
                        try await settle(output)
                        pageDown.append(try await measure("NPage", driver: driver, output: output))
                    }
                    try await driver.press("c")
                    try await settle(output)
                    for index in 0..<presses {
                        let letter = String(Array("abcdefghijklmnopqrstuvwxyz")[index % 26])
                        typed.append(try await measure(letter, driver: driver, output: output))
                    }
                }
            } catch {
                await driver.close()
                throw error
            }
            await driver.close()
        }
        func figure(_ name: String, _ samples: [Double]) -> Figure {
            Figure(group: Self.group, name: name, unit: "bytes", samples: samples, higherIsBetter: false)
        }
        return [figure("first complete frame (launch until the inbox is shown and output is quiet)", firstFrame),
                figure("one j in the timeline", j),
                figure("one page down in the timeline", pageDown),
                figure("one character typed in compose", typed)]
    }

    /// Presses `key` and returns the bytes written in answer, once the output has been quiet for 200 ms.
    private func measure(_ key: String, driver: TmuxDriver, output: URL) async throws -> Double {
        let before = size(of: output)
        try await driver.press(key)
        try await changed(output, from: before)
        return Double(try await settle(output) - before)
    }

    /// `script` starts its typescript with a `Script started on …` line of its own; it is not the client's output.
    private func headerLength(_ url: URL) -> Int {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return 0 }
        defer { try? handle.close() }
        let start = (try? handle.read(upToCount: 1024)) ?? Data()
        guard start.starts(with: Data("Script started".utf8)), let newline = start.firstIndex(of: 0x0A) else { return 0 }
        return newline - start.startIndex + 1
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
