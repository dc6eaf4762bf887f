import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import ProcessTools
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Runs the real `allo` binary, as a developer would, and reads what it prints through a pipe.
@Suite("allo sandbox (the command)")
struct SandboxCommandTests {
    /// The `allo` executable built next to this test bundle.
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("allo")
    }

    /// Collects lines up to and including the first one that satisfies `stop`.
    static func read(_ lines: inout AsyncStream<String>.Iterator, until stop: (String) -> Bool) async -> [String] {
        var seen: [String] = []
        while let line = await lines.next() {
            seen.append(line)
            if stop(line) { break }
        }
        return seen
    }

    @Test("Prints the keys and the admin token, then the listening line last, flushed into a pipe; logs requests; saves on SIGTERM")
    func startsLogsAndStops() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build the package first: \(Self.binary.path)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("allo-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let state = directory.appendingPathComponent("state.json")

        let sandbox = try Tool.start(Self.binary.path, ["sandbox", "--port", "0", "--contacts", "40", "--state", state.path])
        defer { sandbox.signal(SIGKILL) }  // does nothing once it has exited
        var lines = sandbox.lines.makeAsyncIterator()

        let preamble = await Self.read(&lines) { $0.hasPrefix("sandbox listening on ") }
        let listening = try #require(preamble.last)
        let keyLines = preamble.filter { $0.contains("ak_live_") }
        #expect(keyLines.count == 3)
        #expect(preamble.contains { $0.hasPrefix("admin token") })
        let base = String(listening.dropFirst("sandbox listening on ".count))
        #expect(base.hasPrefix("http://127.0.0.1:"))
        let key = try #require(keyLines.first?.split(separator: " ").first { $0.hasPrefix("ak_live_") })

        var request = URLRequest(url: URL(string: base + "/v1/api/contacts")!)
        request.httpMethod = "POST"
        request.setValue("Api-Key \(key)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(#"{"numbers":["+33612121212"],"name":"Gaëlle"}"#.utf8)
        let (_, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)

        let logged = await Self.read(&lines) { $0.contains("POST /v1/api/contacts 200") }
        #expect(logged.last?.contains("key=full") == true)
        #expect(!logged.joined().contains(String(key)), "the log never shows a key")

        sandbox.signal(SIGTERM)
        #expect(await sandbox.wait() == 0)
        let saved = try String(contentsOf: state, encoding: .utf8)
        #expect(saved.contains("Gaëlle") || saved.contains("Ga\\u00ebelle") || saved.contains("Ga"))
        #expect(saved.contains("\"contacts\":40"))
    }

    @Test("Bad options are refused before anything starts", arguments: [
        ["sandbox", "--port", "70000"], ["sandbox", "--contacts", "-1"], ["sandbox", "--fault", "{\"kind\":\"nope\"}"],
        ["sandbox", "--key", "ak_live_x=NOT_A_SCOPE"], ["sandbox", "--error-rate", "2"],
    ])
    func refusesBadOptions(arguments: [String]) async throws {
        let result = try await Tool.capture(Self.binary.path, arguments)
        let message = result.stderr
        #expect(result.status != 0)
        #expect(message.contains("Error") || message.contains("error"))
        #expect(!message.contains("sandbox listening"))
    }
}
