@testable import AlloCLI
import AlloKit
import AlloSandbox
import Foundation
import Testing

@Suite("allo sms")
struct SMSTests {
    static let recipient = "+14155551234"
    static let textMessageKeys: Set<String> = ["from_number", "sender_id", "to_number", "type", "content", "start_date"]

    static func sends(_ sandbox: CLISandbox) async throws -> [[String: Any]] {
        try await sandbox.journal(pathPrefix: "/v1/api/sms").filter { $0.method == "POST" }.map { entry in
            try JSONSerialization.jsonObject(with: Data(entry.body.utf8)) as? [String: Any] ?? [:]
        }
    }

    // MARK: - segments

    @Test("segments: encoding, length, segments and room left for people, with no key and no config")
    func segmentsHuman() async {
        let run = await runAllo(["sms", "segments", "--message", "Your order has shipped"], variables: [:])
        #expect(run.exitStatus == 0, "\(run.err)")
        #expect(run.out.contains("encoding:"))
        #expect(run.out.contains("GSM-7"))
        #expect(run.out.contains("segments:    1"))
        #expect(run.out.contains("22 septets"))
        #expect(run.out.contains("138 in the last segment"))
    }

    @Test("segments --json: snake_case keys; UCS-2 and a split message counted as the SDK counts them")
    func segmentsJSON() async throws {
        let run = await runAllo(["sms", "segments", "--message", "Ça arrive demain 🚚", "--json"], variables: [:])
        #expect(run.exitStatus == 0, "\(run.err)")
        #expect(Set(run.jsonObject.keys) == ["encoding", "units", "segments", "per_segment", "remaining_in_segment",
                                             "characters"])
        #expect(run.jsonObject["encoding"] as? String == "UCS-2")
        #expect(run.jsonObject["units"] as? Int == 19)
        #expect(run.jsonObject["characters"] as? Int == 18)
        #expect(run.jsonObject["segments"] as? Int == 1)
        #expect(run.jsonObject["per_segment"] as? Int == 70)
        #expect(run.jsonObject["remaining_in_segment"] as? Int == 51)

        let long = await runAllo(["sms", "segments", "--message", String(repeating: "a", count: 161), "--json"],
                                 variables: [:])
        #expect(long.jsonObject["encoding"] as? String == "GSM-7")
        #expect(long.jsonObject["segments"] as? Int == 2)
        #expect(long.jsonObject["per_segment"] as? Int == 153)
        #expect(long.jsonObject["remaining_in_segment"] as? Int == 145)
    }

    @Test("segments --message - reads stdin, one trailing newline dropped")
    func segmentsStdin() async {
        let run = await runAllo(["sms", "segments", "--message", "-", "--json"], variables: [:], stdin: "Hello [world]\n")
        #expect(run.exitStatus == 0, "\(run.err)")
        #expect(run.jsonObject["characters"] as? Int == 13)
        #expect(run.jsonObject["units"] as? Int == 15)
        let empty = await runAllo(["sms", "segments", "--message", "-"], variables: [:], stdin: "")
        #expect(empty.exitStatus == 2)
        #expect(empty.err.contains("empty"))
    }

    // MARK: - send

    @Test("send: the encoding and segments on stderr first, then the sent message's fields; one POST with the body")
    func sendHuman() async throws {
        try await withCLISandbox { sandbox in
            let run = await sandbox.run("sms", "send", "--from", CLISandbox.usLine, "--to", Self.recipient,
                                        "--message", "Your order has shipped")
            #expect(run.exitStatus == 0, "\(run.err)")
            #expect(run.err.hasPrefix("SMS to \(Self.recipient) from \(CLISandbox.usLine): 22 characters, GSM-7, 1 segment"))
            #expect(!run.err.contains("Send?"))
            #expect(run.out.contains("to:"))
            #expect(run.out.contains(Self.recipient))
            #expect(run.out.contains(CLISandbox.usLine))
            #expect(run.out.contains("GSM-7"))
            #expect(!run.all.contains(sandbox.fullKey))
            let sends = try await Self.sends(sandbox)
            #expect(sends.count == 1)
            #expect(sends.first?["from"] as? String == CLISandbox.usLine)
            #expect(sends.first?["to"] as? String == Self.recipient)
            #expect(sends.first?["message"] as? String == "Your order has shipped")
            #expect(sends.first?["sender_id"] == nil)
        }
    }

    @Test("send --json: the TextMessage object with the contract's keys")
    func sendJSON() async throws {
        try await withCLISandbox { sandbox in
            let run = await sandbox.run("sms", "send", "--from", CLISandbox.usLine, "--to", Self.recipient,
                                        "--message", "Ça coûte 5 €", "--json")
            #expect(run.exitStatus == 0, "\(run.err)")
            let message = run.jsonObject
            #expect(Set(message.keys).isSubset(of: Self.textMessageKeys))
            #expect(message["from_number"] as? String == CLISandbox.usLine)
            #expect(message["to_number"] as? String == Self.recipient)
            #expect(message["type"] as? String == "OUTBOUND")
            #expect(message["content"] as? String == "Ça coûte 5 €")
            #expect(message["start_date"] is String)
            #expect(message["data"] == nil)
            #expect(run.err.contains("UCS-2, 1 segment"))
        }
    }

    @Test("send --message - takes the text on stdin and never prompts, even with a terminal elsewhere")
    func sendStdin() async throws {
        try await withCLISandbox { sandbox in
            let run = await sandbox.run("sms", "send", "--from", CLISandbox.usLine, "--to", Self.recipient,
                                        "--message", "-", "--json", stdin: "Running late\n")
            #expect(run.exitStatus == 0, "\(run.err)")
            #expect(!run.err.contains("Send?"))
            #expect(run.jsonObject["content"] as? String == "Running late")
            let sent = try await Self.sends(sandbox)
            #expect(sent.first?["message"] as? String == "Running late")
        }
    }

    @Test("--message - typed at a terminal is not followed by the question: stdin has ended")
    func ttyStdinMessage() async throws {
        try await withCLISandbox { sandbox in
            let run = await sandbox.run("sms", "send", "--from", CLISandbox.usLine, "--to", Self.recipient,
                                        "--message", "-", stdin: "Typed here\n", tty: true, lines: ["n"])
            #expect(run.exitStatus == 0, "\(run.err)")
            #expect(!run.err.contains("Send?"))
            let sent = try await Self.sends(sandbox)
            #expect(sent.first?["message"] as? String == "Typed here")
        }
    }

    @Test("on a terminal, y sends after the question")
    func ttyYes() async throws {
        try await withCLISandbox { sandbox in
            let run = await sandbox.run("sms", "send", "--from", CLISandbox.usLine, "--to", Self.recipient,
                                        "--message", "Hi", tty: true, lines: ["y"])
            #expect(run.exitStatus == 0, "\(run.err)")
            #expect(run.err.contains("GSM-7, 1 segment\nSend? [y/N] "))
            let sent = try await Self.sends(sandbox)
            #expect(sent.count == 1)
        }
    }

    @Test("on a terminal, n, an empty answer or end of input sends nothing and exits 1 with CANCELLED")
    func ttyNo() async throws {
        try await withCLISandbox { sandbox in
            for answer: String? in ["n", "", "nope", nil] {
                let run = await sandbox.run("sms", "send", "--from", CLISandbox.usLine, "--to", Self.recipient,
                                            "--message", "Hi", tty: true, lines: [answer])
                #expect(run.exitStatus == 1)
                #expect(run.err.contains("Send? [y/N] "))
                #expect(run.err.contains("error: CANCELLED: not sent"))
                #expect(run.out.isEmpty)
            }
            let sent = try await Self.sends(sandbox)
            #expect(sent.isEmpty)
        }
    }

    @Test("on a terminal, --yes sends without asking")
    func ttyYesFlag() async throws {
        try await withCLISandbox { sandbox in
            let run = await sandbox.run("sms", "send", "--from", CLISandbox.usLine, "--to", Self.recipient,
                                        "--message", "Hi", "--yes", tty: true)
            #expect(run.exitStatus == 0, "\(run.err)")
            #expect(!run.err.contains("Send?"))
            let sent = try await Self.sends(sandbox)
            #expect(sent.count == 1)
        }
    }

    @Test("--sender-id sends the France flavour to a +33 number")
    func senderID() async throws {
        try await withCLISandbox { sandbox in
            let run = await sandbox.run("sms", "send", "--sender-id", "MaisonLum", "--to", "+33612345678",
                                        "--message", "Votre commande est prête", "--json")
            #expect(run.exitStatus == 0, "\(run.err)")
            #expect(run.jsonObject["sender_id"] as? String == "MaisonLum")
            #expect(run.jsonObject["from_number"] is NSNull)
            #expect(run.err.contains("from sender ID MaisonLum"))
            let sends = try await Self.sends(sandbox)
            #expect(sends.count == 1)
            #expect(sends.first?["sender_id"] as? String == "MaisonLum")
            #expect(sends.first?["from"] == nil)
        }
    }

    @Test("without --from or --sender-id the profile's allo_number is used, else its sender_id")
    func profileSender() async throws {
        try await withCLISandbox { sandbox in
            try ConversationsTests.writeProfile(sandbox, alloNumber: CLISandbox.usLine, senderID: "MaisonLum")
            let number = await sandbox.run("sms", "send", "--to", Self.recipient, "--message", "Hi", "--json")
            #expect(number.exitStatus == 0, "\(number.err)")
            #expect(number.jsonObject["from_number"] as? String == CLISandbox.usLine)
            // An explicit --sender-id wins over the profile's number.
            let flag = await sandbox.run("sms", "send", "--sender-id", "MaisonLum", "--to", "+33612345678",
                                         "--message", "Salut", "--json")
            #expect(flag.exitStatus == 0, "\(flag.err)")
            #expect(flag.jsonObject["sender_id"] as? String == "MaisonLum")

            try ConversationsTests.writeProfile(sandbox, senderID: "MaisonLum")
            let sender = await sandbox.run("sms", "send", "--to", "+33612345678", "--message", "Salut", "--json")
            #expect(sender.exitStatus == 0, "\(sender.err)")
            #expect(sender.jsonObject["sender_id"] as? String == "MaisonLum")
            let sent = try await Self.sends(sandbox)
            #expect(sent.count == 3)
        }
    }

    @Test("bad input is a usage error found before any request: exit 2 and nothing sent")
    func sendUsageErrors() async throws {
        try await withCLISandbox { sandbox in
            let cases: [[String]] = [
                ["--from", CLISandbox.usLine, "--sender-id", "MaisonLum", "--to", Self.recipient, "--message", "Hi"],
                ["--to", Self.recipient, "--message", "Hi"],
                ["--from", CLISandbox.usLine, "--to", "+33612345678", "--message", "Hi"],
                ["--from", CLISandbox.usLine, "--to", "415 555 1234", "--message", "Hi"],
                ["--sender-id", "Maison Lum", "--to", "+33612345678", "--message", "Hi"],
                ["--sender-id", "MaisonLum", "--to", Self.recipient, "--message", "Hi"],
                ["--from", CLISandbox.usLine, "--to", Self.recipient, "--message", ""],
                ["--from", CLISandbox.usLine, "--to", Self.recipient, "--message", String(repeating: "x", count: 1001)],
                ["--from", CLISandbox.usLine, "--message", "Hi"],
            ]
            for arguments in cases {
                let run = await runAllo(["sms", "send"] + arguments, variables: sandbox.variables(), tty: true,
                                        lines: ["y"])
                #expect(run.exitStatus == 2, "\(arguments): \(run.err)")
                #expect(!run.err.contains("Send?"), "\(arguments)")
                #expect(run.out.isEmpty)
            }
            let requests = try await sandbox.journal(pathPrefix: "/v1/api/sms")
            #expect(requests.isEmpty)
        }
    }

    @Test("an API refusal is exit 1 with the API's code")
    func sendAPIError() async throws {
        try await withCLISandbox { sandbox in
            let run = await sandbox.run("sms", "send", "--sender-id", "PROMO2026", "--to", "+33612345678",
                                        "--message", "Hi")
            #expect(run.exitStatus == 1)
            #expect(run.err.contains("error: SENDER_ID_NOT_ACTIVE (HTTP 400)"))
            #expect(!run.err.contains("may have been sent"))
            #expect(run.out.isEmpty)
        }
    }

    /// A sandbox on the real clock: the CLI dates its send by the real clock, and looks for copies from then on.
    static func withRealClock<T>(_ body: (CLISandbox) async throws -> T) async throws -> T {
        try await withCLISandbox(configure: { $0.clock = SystemClock() }, body)
    }

    @Test("a 502 after the SMS went out: exit 0, confirmed on the server with a note on stderr, after exactly one POST",
          arguments: [#"{"kind":"status","status":502,"when":"after""#, #"{"kind":"drop_connection","when":"after""#])
    func unclearAnswerConfirmed(fault: String) async throws {
        try await Self.withRealClock { sandbox in
            try await sandbox.fault(fault + #","count":3,"path_prefix":"/v1/api/sms"}"#)
            let run = await sandbox.run("sms", "send", "--from", CLISandbox.usLine, "--to", Self.recipient,
                                        "--message", "Confirmed later", "--json")
            #expect(run.exitStatus == 0, "\(run.err)")
            #expect(run.err.contains("no clear answer ("))
            #expect(run.err.contains("sent: confirmed on the server after an unclear answer"))
            let object = try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any]
            #expect(object?["content"] as? String == "Confirmed later")
            #expect(object?["to_number"] as? String == Self.recipient)
            #expect(Set(object?.keys.map { $0 } ?? []) == Self.textMessageKeys)
            #expect(try await Self.sends(sandbox).count == 1)
        }
    }

    @Test("a 502 or a drop before the SMS went out: exit 5, UNCONFIRMED, do not resend blindly, after exactly one POST",
          arguments: [#"{"kind":"status","status":502,"when":"before""#, #"{"kind":"drop_connection","when":"before""#])
    func unclearAnswerUnconfirmed(fault: String) async throws {
        try await Self.withRealClock { sandbox in
            try await sandbox.fault(fault + #","count":3,"path_prefix":"/v1/api/sms"}"#)
            let run = await sandbox.run("sms", "send", "--from", CLISandbox.usLine, "--to", Self.recipient,
                                        "--message", "Never went out", env: ["ALLO_SMS_CHECK_SECONDS": "0.5"])
            #expect(run.exitStatus == 5, "\(run.err)")
            #expect(run.out.isEmpty)
            let lines = run.err.split(separator: "\n").map(String.init)
            let error = try #require(lines.first { $0.hasPrefix("error: ") })
            #expect(error == "error: UNCONFIRMED: the SMS may have been sent; it could not be confirmed; do not resend blindly")
            #expect(lines.contains { $0.hasPrefix("hint: the send's answer: ") })
            #expect(lines.contains("hint: not found on the server within 0.5 s"))
            #expect(lines.contains { $0.contains("look with `allo items search --contact-number \(Self.recipient) --type sms`") })
            #expect(!run.err.contains("retry"))
            #expect(try await Self.sends(sandbox).count == 1)
            let looks = try await sandbox.journal(pathPrefix: "/v2/api/conversations/items/search")
            #expect(looks.count == SentSMSQuery.checkTimes().count, "it looked four times before giving up")
        }
    }

    @Test("a 429 on send is not an unclear answer: exit 1, nothing sent, nothing looked for")
    func rateLimitedSendIsRefused() async throws {
        try await withCLISandbox { sandbox in
            try await sandbox.fault(#"{"kind":"rate_limit","retry_after":3600,"count":1,"path_prefix":"/v1/api/sms"}"#)
            let run = await sandbox.run("sms", "send", "--from", CLISandbox.usLine, "--to", Self.recipient, "--message", "Hi")
            #expect(run.exitStatus == 1, "\(run.err)")
            #expect(run.err.contains("(HTTP 429)"))
            #expect(try await sandbox.journal(pathPrefix: "/v2/api/conversations/items/search").isEmpty)
        }
    }

    @Test("every subcommand has help with examples")
    func help() async throws {
        for verb in ["send", "segments"] {
            let run = await runAllo(["sms", verb, "--help"], variables: [:])
            #expect(run.exitStatus == 0)
            #expect(run.out.contains("Examples:"), "\(verb)")
        }
    }
}
