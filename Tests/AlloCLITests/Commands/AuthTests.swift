@testable import AlloCLI
import AlloKit
import Foundation
import Testing

@Suite("allo auth login, status, logout")
struct AuthTests {
    func configText(_ sandbox: CLISandbox) throws -> String {
        try String(contentsOf: sandbox.home.appendingPathComponent("config/allo/config.toml"), encoding: .utf8)
    }

    func mode(_ sandbox: CLISandbox, _ path: String) throws -> Int {
        let url = sandbox.home.appendingPathComponent(path)
        return try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
    }

    @Test("login reads the key from stdin, checks it, stores it 0600; status then uses it with the key masked")
    func loginFromStdinThenStatus() async throws {
        try await withCLISandbox { sandbox in
            let key = sandbox.fullKey
            let login = await sandbox.run("auth", "login", "--profile", "work", "--allo-number", CLISandbox.usLine,
                                          key: nil, stdin: key + "\n")
            #expect(login.exitStatus == 0, "\(login.err)")
            #expect(login.out.contains("profile 'work'"))
            #expect(!login.all.contains(key))
            #expect(try mode(sandbox, "config/allo/config.toml") == 0o600)
            #expect(try mode(sandbox, "config/allo") == 0o700)
            let text = try configText(sandbox)
            #expect(text.contains(key))
            #expect(text.contains("default_profile = 'work'") || text.contains("default_profile = \"work\""))
            #expect(text.contains(sandbox.server.baseURL.absoluteString))

            // No ALLO_API_KEY and no ALLO_BASE_URL: everything comes from the profile.
            let variables = sandbox.variables(key: nil).filter { $0.key != "ALLO_BASE_URL" }
            let status = await runAllo(["auth", "status"], variables: variables)
            #expect(status.exitStatus == 0, "\(status.err)")
            #expect(status.out.contains("work"))
            #expect(status.out.contains("CONVERSATIONS_READ"))
            #expect(status.out.contains("from config file"))
            #expect(status.out.contains(KeyMask.mask(key)))
            #expect(!status.all.contains(key))

            let json = await runAllo(["auth", "status", "--json"], variables: variables)
            #expect(json.jsonObject["profile"] as? String == "work")
            #expect(json.jsonObject["allo_number"] as? String == CLISandbox.usLine)
            #expect((json.jsonObject["rate_limits"] as? [String: Any])?["read_per_second"] is Int)
            #expect(!json.all.contains(key))

            let numbers = await runAllo(["numbers", "list", "--json"], variables: variables)
            #expect(numbers.exitStatus == 0)
            #expect(!numbers.jsonArray.isEmpty)
        }
    }

    @Test("login at a terminal reads the key from a hidden prompt")
    func loginFromHiddenPrompt() async throws {
        try await withCLISandbox { sandbox in
            let login = await sandbox.run("auth", "login", key: nil, tty: true, lines: [sandbox.fullKey])
            #expect(login.exitStatus == 0, "\(login.err)")
            #expect(login.err.contains("API key (input hidden): "))
            #expect(!login.all.contains(sandbox.fullKey))
            let text = try configText(sandbox)
            #expect(text.contains("[profiles.default]"))
        }
    }

    @Test("A refused key is not stored (exit 4); an empty one is a usage error (exit 2)")
    func refusedKeyIsNotStored() async throws {
        try await withCLISandbox { sandbox in
            let refused = await sandbox.run("auth", "login", key: nil, stdin: "ak_live_not_a_key_of_this_sandbox\n")
            #expect(refused.exitStatus == 4)
            #expect(refused.err.contains("(HTTP 401)"))
            #expect(!refused.all.contains("ak_live_not_a_key_of_this_sandbox"))
            #expect((try? configText(sandbox)) == nil)

            let before = try await sandbox.journal(pathPrefix: "/v").count
            let empty = await sandbox.run("auth", "login", key: nil, stdin: "\n")
            #expect(empty.exitStatus == 2)
            let after = try await sandbox.journal(pathPrefix: "/v").count
            #expect(after == before)
        }
    }

    @Test("A key /v2/api/me refuses with 404 (an older API) is checked on /v1/api/numbers; 401 and 429 are failures",
          arguments: [(404, true), (403, true), (401, false), (429, false)])
    func v1Fallback(status: Int, fallsBack: Bool) async throws {
        let transport = MeAnswers(status: status)
        let client = try AlloClient(apiKey: "ak_live_0123456789abcdef", baseURL: URL(string: "http://127.0.0.1:9")!,
                                    transport: transport, retry: .never)
        do {
            let me = try await KeyCheck.run(client)
            #expect(fallsBack)
            #expect(me == nil)
        } catch {
            #expect(!fallsBack)
            #expect(error.status == status)
        }
    }

    @Test("logout removes the key and keeps the profile's other settings; a second logout is not an error")
    func logout() async throws {
        try await withCLISandbox { sandbox in
            _ = await sandbox.run("auth", "login", "--allo-number", CLISandbox.usLine, key: nil, stdin: sandbox.fullKey)
            let out = await sandbox.run("auth", "logout", key: nil)
            #expect(out.exitStatus == 0, "\(out.err)")
            let text = try configText(sandbox)
            #expect(!text.contains(sandbox.fullKey))
            #expect(text.contains(CLISandbox.usLine))
            let again = await sandbox.run("auth", "logout", "--json", key: nil)
            #expect(again.exitStatus == 0)
            #expect(again.jsonObject["removed"] as? Bool == false)
            let status = await sandbox.run("auth", "status", key: nil)
            #expect(status.exitStatus == 4)
            #expect(status.err.contains("allo auth login"))
        }
    }

    @Test("No command takes the key as a flag value")
    func noKeyFlag() async {
        for arguments in [["auth", "login", "--api-key", "x"], ["numbers", "list", "--key", "x"], ["--api-key", "x"]] {
            let run = await runAllo(arguments, variables: [:])
            #expect(run.exitStatus == 2, "\(arguments)")
        }
    }
}

/// /v2/api/me answers `status`; /v1/api/numbers answers an empty list.
private struct MeAnswers: HTTPTransport {
    let status: Int

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        if request.url.path.hasSuffix("/v2/api/me") {
            return HTTPResponse(status: status, headers: ["Content-Type": "application/json"],
                                body: Data(#"{"error":{"code":"X","message":"no"}}"#.utf8))
        }
        return HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: Data(#"{"data":[]}"#.utf8))
    }
}
