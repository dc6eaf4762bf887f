@testable import AlloCLI
import Foundation
import Testing

@Suite("The API key appears in no output")
struct KeySecrecyTests {
    @Test("Every command, for people and as JSON, succeeding and failing: the key is in neither stream")
    func everyCommand() async throws {
        try await withCLISandbox { sandbox in
            let line = CLISandbox.usLine
            let contact = await sandbox.run("contacts", "list", "--size", "1", "--json").jsonArray.first?["id"] as? String ?? "x"
            let v2Call = await sandbox.run("items", "search", "--allo-number", line, "--type", "call", "--size", "1", "--json")
                .jsonArray.first?["id"] as? String ?? "x"
            let v1Call = await sandbox.run("calls", "search", "--allo-number", line, "--size", "1", "--json")
                .jsonArray.first?["id"] as? String ?? "x"
            let endpoint = await sandbox.run("webhooks", "endpoints", "create", "--url", "http://127.0.0.1:9/hook",
                                             "--topic", "sms.received", "--json").jsonObject["id"] as? String ?? "x"
            #expect(contact != "x" && v2Call != "x" && v1Call != "x" && endpoint != "x")
            let commands: [[String]] = [
                ["me"], ["numbers", "list"], ["contacts", "list"], ["contacts", "get", contact, "--extend", "engagement,activity"],
                ["contacts", "create", "--number", "+14155550188", "--name", "Secret"],
                ["contacts", "update", contact, "--job-title", "Keeper"], ["contacts", "conversation", contact],
                ["calls", "search", "--allo-number", line], ["conversations", "list", "--allo-number", line],
                ["sms", "send", "--from", line, "--to", "+14155550188", "--message", "hi"],
                ["conversations", "read", "+14155550188", "--allo-number", line], ["items", "get", v2Call, "--transcript"],
                ["items", "search", "hello", "--allo-number", line], ["transcript", v2Call],
                ["transcript", v1Call, "--allo-number", line, "--format", "markdown"],
                ["sms", "segments", "--message", "hi"],
                ["webhooks", "list"], ["webhooks", "endpoints", "list"], ["webhooks", "endpoints", "get", endpoint],
                ["webhooks", "endpoints", "update", endpoint, "--disable"], ["webhooks", "endpoints", "delete", endpoint],
                ["auth", "status"],
                // Failures: an unknown id, a usage error, a missing scope.
                ["contacts", "get", "cnt_unknown"], ["items", "get", "cll-unknown"], ["numbers", "list", "--bogus"],
            ]
            var runs: [CapturedRun] = []
            for arguments in commands {
                let human = await sandbox.run(arguments)
                #expect(human.exitStatus == 0 || arguments.contains(where: { $0.contains("unknown") || $0 == "--bogus" }),
                        "\(arguments): \(human.err)")
                runs += [human, await sandbox.run(arguments + ["--json"])]
            }
            runs.append(await sandbox.run(["contacts", "create", "--number", "+14155550199"], key: "read-only"))
            #expect(runs.last?.exitStatus == 4)
            for key in [sandbox.fullKey, sandbox.key("read-only")] {
                for run in runs { #expect(!run.all.contains(key)) }
            }
        }
    }
}
