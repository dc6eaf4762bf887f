import Foundation
import ProcessTools
import Testing

/// The built `allo` binary with real pipes: the exit codes a shell sees, stdin read to its end, no colour into a pipe.
@Suite("allo commands as a script runs them")
struct BinaryTests {
    struct Result {
        var status: Int32
        var out: String
        var err: String
    }

    /// Runs the binary with only `variables` in its environment (and a private config home), `stdin` on its stdin.
    func run(_ arguments: [String], variables: [String: String], stdin: String = "") async throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("allo-bin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = variables.merging(["XDG_CONFIG_HOME": folder.path, "HOME": folder.path]) { old, _ in old }
        let output = try await Tool.capture(SandboxCommandTests.binary.path, arguments, environment: environment,
                                            stdin: Data(stdin.utf8))
        return Result(status: output.status, out: output.stdout, err: output.stderr)
    }

    @Test("The message on stdin, counted offline: no key, no config, no network")
    func segmentsFromStdin() async throws {
        let result = try await run(["sms", "segments", "--message", "-", "--json"], variables: [:], stdin: "Café à 9h\n")
        #expect(result.status == 0, "\(result.err)")
        let object = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any]
        #expect(object?["segments"] as? Int == 1)
        #expect(object?["encoding"] as? String != nil)
    }

    @Test("Against a sandbox: JSON out, a plain table into a pipe, and exit codes 0, 1, 2, 4")
    func exitCodes() async throws {
        try await withCLISandbox { sandbox in
            let variables = ["ALLO_API_KEY": sandbox.fullKey, "ALLO_BASE_URL": sandbox.server.baseURL.absoluteString,
                             "TERM": "xterm-256color"]
            let json = try await run(["numbers", "list", "--json"], variables: variables)
            #expect(json.status == 0, "\(json.err)")
            #expect((try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [Any])?.isEmpty == false)

            let table = try await run(["numbers", "list"], variables: variables)
            #expect(table.status == 0)
            #expect(table.out.hasPrefix("NUMBER"))
            #expect(!table.out.contains("\u{1B}["))

            let usage = try await run(["numbers", "list", "--bogus"], variables: variables)
            #expect(usage.status == 2)
            #expect(usage.out.isEmpty)
            #expect(usage.err.contains("--bogus"))

            let notFound = try await run(["contacts", "get", "cnt_nope"], variables: variables)
            #expect(notFound.status == 1)
            #expect(notFound.err.hasPrefix("error: "))

            let keyless = try await run(["numbers", "list"], variables: variables.filter { $0.key != "ALLO_API_KEY" })
            #expect(keyless.status == 4)

            for result in [json, table, usage, notFound, keyless] {
                #expect(!(result.out + result.err).contains(sandbox.fullKey))
            }
        }
    }
}
