import AlloKit
import Foundation
import Testing
@testable import AlloStore

@Suite("Drafts and the outbox on disk")
struct PrivateFileTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("allo-drafts-\(UUID().uuidString)")
    var state: URL { directory.appendingPathComponent("state") }
    var url: URL { state.appendingPathComponent("drafts.json") }
    let drafts = [DraftRecord(key: ConversationKey(alloNumber: "+14155550100", contactNumber: "+14155551234"), text: "Café ☕️ later?"),
                  DraftRecord(key: ConversationKey(alloNumber: "+14155550100", contactNumber: "+1415555", contactID: "c-1"), text: "x")]

    @Test("A save creates the directory (0700) and a 0600 file; loading gives the value back; no temporary is left")
    func roundTrip() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = PrivateFile<[DraftRecord]>(url: url)
        try file.save(drafts)
        #expect(try file.load() == drafts)
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: state.path)[.posixPermissions] as? Int
        #expect(folder == 0o700)
        try file.save([])
        #expect(try file.load() == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: state.path) == ["drafts.json"])
    }

    @Test("A missing file is nil")
    func missing() throws {
        #expect(try PrivateFile<[DraftRecord]>(url: url).load() == nil)
    }

    @Test("A corrupt file is moved aside, not lost")
    func corrupt() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        try Data("[{\"key\": oops".utf8).write(to: url)
        #expect(throws: PrivateFile<[DraftRecord]>.Failure.self) { try PrivateFile<[DraftRecord]>(url: url).load() }
        let names = try FileManager.default.contentsOfDirectory(atPath: state.path)
        let aside = try #require(names.first { $0.hasPrefix("drafts.json.corrupt-") })
        #expect(try String(contentsOf: state.appendingPathComponent(aside), encoding: .utf8) == "[{\"key\": oops")
        #expect(!names.contains("drafts.json"))
    }

    @Test("The runner loads and saves drafts and the outbox; an unreadable file is moved aside and the user told")
    func throughTheRunner() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let runner = EffectRunner(client: try AlloKitClient.offline(), stateDirectory: state)
        #expect(await runner.run(.loadDrafts) == [.draftsLoaded([])])
        #expect(await runner.run(.saveDrafts(Revision(1, drafts))) == [])
        #expect(await runner.run(.loadDrafts) == [.draftsLoaded(drafts)])

        let entry = OutboxEntry(id: 4, key: drafts[0].key, sender: .number("+14155550100"), recipient: "+14155551234",
                                text: "Sent?", state: .unknown(UnknownSend(cause: ComposeReducer.stoppedInFlight)))
        let snapshot = OutboxSnapshot(entries: [entry], settled: [])
        #expect(await runner.run(.loadOutbox) == [.outboxLoaded(OutboxSnapshot())])
        #expect(await runner.run(.saveOutbox(Revision(1, snapshot))) == [])
        #expect(await runner.run(.loadOutbox) == [.outboxLoaded(snapshot)])

        try Data("{\"entries\": [".utf8).write(to: state.appendingPathComponent("outbox.json"))
        let answers = await runner.run(.loadOutbox)
        #expect(answers.first == .outboxLoaded(OutboxSnapshot()))
        guard case .noticePosted(let text, .error)? = answers.last else { Issue.record("no notice: \(answers)"); return }
        #expect(text.hasPrefix("The outbox file could not be read; it was kept as ") && text.contains("outbox.json.corrupt-"))
    }

    @Test("The newest revision wins, and an older one arriving late is dropped")
    func mergedWrites() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = PrivateFile<[DraftRecord]>(url: url)
        let writer = SnapshotWriter(file: file, name: "drafts")
        async let first: String? = writer.save(Revision(1, [drafts[0]]))
        async let second: String? = writer.save(Revision(3, drafts))
        _ = await (first, second)
        #expect(try file.load() == drafts)
        _ = await writer.save(Revision(2, [drafts[1]]))
        #expect(try file.load() == drafts)
    }

    @Test("A failed save is reported once, not on every keystroke, and again after it recovered and failed anew")
    func failingSaves() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        // A plain file where the directory should be: nothing can be written below it.
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data().write(to: state)
        let runner = EffectRunner(client: try AlloKitClient.offline(), stateDirectory: state)
        let failed = await runner.run(.saveDrafts(Revision(1, drafts)))
        guard case .noticePosted(let text, .error)? = failed.first else { Issue.record("no notice: \(failed)"); return }
        #expect(text.hasPrefix("The drafts could not be saved: "))
        #expect(await runner.run(.saveDrafts(Revision(2, drafts))) == [])
        try FileManager.default.removeItem(at: state)
        #expect(await runner.run(.saveDrafts(Revision(3, drafts))) == [])
        try FileManager.default.removeItem(at: state)
        try Data().write(to: state)
        #expect(await runner.run(.saveDrafts(Revision(4, drafts))).count == 1)
    }
}
