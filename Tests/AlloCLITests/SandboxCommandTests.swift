import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization
import Testing

/// Runs the real `allo` binary, as a developer would, and reads what it prints through a pipe.
@Suite("allo sandbox (the command)")
struct SandboxCommandTests {
    /// The `allo` executable built next to this test bundle.
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("allo")
    }

    /// Lines of a pipe as they arrive.
    final class LineReader: Sendable {
        let lines: AsyncStream<String>
        init(_ pipe: Pipe) {
            let (stream, continuation) = AsyncStream<String>.makeStream()
            lines = stream
            let pending = Mutex(Data())
            pipe.fileHandleForReading.readabilityHandler = { handle in
                let chunk = handle.availableData
                if chunk.isEmpty { continuation.finish(); handle.readabilityHandler = nil; return }
                pending.withLock { buffer in
                    buffer.append(chunk)
                    while let newline = buffer.firstIndex(of: 0x0A) {
                        continuation.yield(String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self))
                        buffer.removeSubrange(buffer.startIndex...newline)
                    }
                }
            }
        }

        /// Collects lines up to and including the first one that satisfies `stop`.
        func read(until stop: (String) -> Bool) async -> [String] {
            var seen: [String] = []
            for await line in lines {
                seen.append(line)
                if stop(line) { break }
            }
            return seen
        }
    }

    @Test("Prints the keys and the admin token, then the listening line last, flushed into a pipe; logs requests; saves on SIGTERM")
    func startsLogsAndStops() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build the package first: \(Self.binary.path)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("allo-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let state = directory.appendingPathComponent("state.json")

        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["sandbox", "--port", "0", "--contacts", "40", "--state", state.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let reader = LineReader(output)
        let exit = process.exitSignal()
        try process.run()

        let preamble = await reader.read { $0.hasPrefix("sandbox listening on ") }
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

        let logged = await reader.read { $0.contains("POST /v1/api/contacts 200") }
        #expect(logged.last?.contains("key=full") == true)
        #expect(!logged.joined().contains(String(key)), "the log never shows a key")

        process.terminate()
        await exit.wait()
        #expect(process.terminationStatus == 0)
        let saved = try String(contentsOf: state, encoding: .utf8)
        #expect(saved.contains("Gaëlle") || saved.contains("Ga\\u00ebelle") || saved.contains("Ga"))
        #expect(saved.contains("\"contacts\":40"))
    }

    @Test("Bad options are refused before anything starts", arguments: [
        ["sandbox", "--port", "70000"], ["sandbox", "--contacts", "-1"], ["sandbox", "--fault", "{\"kind\":\"nope\"}"],
        ["sandbox", "--key", "ak_live_x=NOT_A_SCOPE"], ["sandbox", "--error-rate", "2"],
    ])
    func refusesBadOptions(arguments: [String]) async throws {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        let exit = process.exitSignal()
        try process.run()
        await exit.wait()
        // The child has exited, so its few lines are all in the pipe: this read ends at once.
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus != 0)
        #expect(message.contains("Error") || message.contains("error"))
        #expect(!message.contains("sandbox listening"))
    }
}

/// Waits for a child's exit without blocking a thread of the cooperative pool (two on this machine).
struct ExitSignal: Sendable {
    let exited: AsyncStream<Void>

    func wait() async {
        for await _ in exited { return }
    }
}

extension Process {
    /// Call before `run()`: the returned signal fires once the process has exited.
    func exitSignal() -> ExitSignal {
        let (stream, continuation) = AsyncStream<Void>.makeStream()
        terminationHandler = { _ in
            continuation.yield()
            continuation.finish()
        }
        return ExitSignal(exited: stream)
    }
}
