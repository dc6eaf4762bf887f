@testable import AlloCLI
import Foundation
import Testing

@Suite("Exit codes and errors: 0 ok, 1 API, 2 usage, 3 network, 4 authentication")
struct ExitCodeTests {
    @Test("Usage errors exit 2 (ArgumentParser's 64 is mapped), before any request", arguments: [
        ["numbers", "list", "--bogus"],
        ["numbers", "lists"],
        ["me", "extra"],
        ["auth", "login", "--allo-number", "0612345678"],
    ])
    func usage(arguments: [String]) async throws {
        try await withCLISandbox { sandbox in
            let run = await runAllo(arguments, variables: sandbox.variables())
            #expect(run.exitStatus == 2, "\(run.err)")
            #expect(run.out.isEmpty)
            #expect(!run.err.isEmpty)
            let requests = try await sandbox.journal(pathPrefix: "/v")
            #expect(requests.isEmpty)
        }
    }

    @Test("Help and completion scripts go to stdout with 0", arguments: [
        ["--help"], ["numbers", "list", "--help"], ["help", "auth", "login"], ["--generate-completion-script", "bash"],
        ["--generate-completion-script", "zsh"], ["--generate-completion-script", "fish"],
    ])
    func help(arguments: [String]) async {
        let run = await runAllo(arguments, variables: [:])
        #expect(run.exitStatus == 0, "\(run.err)")
        #expect(!run.out.isEmpty)
        #expect(run.err.isEmpty)
    }

    @Test("Every command's help has examples", arguments: [
        ["me"], ["numbers", "list"], ["auth", "login"], ["auth", "status"], ["auth", "logout"],
    ])
    func examples(arguments: [String]) async {
        let run = await runAllo(arguments + ["--help"], variables: [:])
        #expect(run.out.contains("Examples:"))
        #expect(run.out.contains("--json"))
    }

    @Test("An API error: `error: CODE (HTTP STATUS): message` on stderr, exit 1")
    func apiError() async throws {
        try await withCLISandbox { sandbox in
            let run = await sandbox.run("contacts", "get", "cnt_doesnotexist")
            #expect(run.exitStatus == 1)
            #expect(run.out.isEmpty)
            #expect(run.err.hasPrefix("error: CONTACT_NOT_FOUND (HTTP 400): "))
        }
    }

    @Test("A refused key exits 4 with a hint; no key at all exits 4 naming auth login and ALLO_API_KEY")
    func authentication() async throws {
        try await withCLISandbox { sandbox in
            let refused = await runAllo(["numbers", "list"],
                                        variables: sandbox.variables(key: nil, ["ALLO_API_KEY": "ak_live_wrongwrongwrongwrong"]))
            #expect(refused.exitStatus == 4)
            #expect(refused.err.contains("(HTTP 401)"))
            #expect(refused.err.contains("hint: "))
            #expect(!refused.all.contains("ak_live_wrongwrongwrongwrong"))

            let none = await sandbox.run("numbers", "list", key: nil)
            #expect(none.exitStatus == 4)
            #expect(none.err.contains("error: NO_API_KEY"))
            #expect(none.err.contains("allo auth login"))
            #expect(none.err.contains("ALLO_API_KEY"))
        }
    }

    @Test("Nothing listening: a network error, exit 3")
    func network() async throws {
        // A port bound but not listening for the whole run: refused, and no other test can take it meanwhile.
        let (socket, port) = try boundPort()
        defer { close(socket) }
        let run = await runAllo(["me"], variables: ["ALLO_API_KEY": "ak_live_networknetworknetwork",
                                                   "ALLO_BASE_URL": "http://127.0.0.1:\(port)",
                                                   "XDG_CONFIG_HOME": "/nonexistent"])
        #expect(run.exitStatus == 3, "\(run.err)")
        #expect(run.err.contains("error: NETWORK") || run.err.contains("error: TIMEOUT"))
        #expect(!run.all.contains("ak_live_networknetworknetwork"))
    }

    private func boundPort() throws -> (Int32, Int) {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                guard bind(socket, raw, length) == 0, getsockname(socket, raw, &length) == 0 else {
                    throw CLIError.usage("no free port")
                }
            }
        }
        return (socket, Int(UInt16(bigEndian: address.sin_port)))
    }
}
