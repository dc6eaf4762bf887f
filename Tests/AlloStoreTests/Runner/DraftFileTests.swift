import Foundation
import Testing
import AlloStore

@Suite("Drafts on disk")
struct DraftFileTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("allo-drafts-\(UUID().uuidString)")
    var url: URL { directory.appendingPathComponent("state/drafts.json") }
    let drafts = [DraftRecord(key: ConversationKey(alloNumber: "+14155550100", contactNumber: "+14155551234"), text: "Café ☕️ later?"),
                  DraftRecord(key: ConversationKey(alloNumber: "+14155550100", contactNumber: "+1415555", contactID: "c-1"), text: "x")]

    @Test("A save creates the directory and a 0600 file; loading gives the drafts back")
    func roundTrip() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = DraftFile(url: url)
        try file.save(drafts)
        #expect(try file.load() == drafts)
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        try file.save([])
        #expect(try file.load() == [])
        // Only the file remains: no temporary left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path) == ["drafts.json"])
    }

    @Test("A missing file is no drafts")
    func missing() throws {
        #expect(try DraftFile(url: url).load() == [])
    }

    @Test("A corrupt file is moved aside, not lost, and the runner starts without drafts")
    func corrupt() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("[{\"key\": oops".utf8).write(to: url)
        #expect(throws: DraftFile.Failure.self) { try DraftFile(url: url).load() }
        let names = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        let aside = try #require(names.first { $0.hasPrefix("drafts.json.corrupt-") })
        #expect(try String(contentsOf: url.deletingLastPathComponent().appendingPathComponent(aside), encoding: .utf8) == "[{\"key\": oops")
        #expect(!names.contains("drafts.json"))
    }

    @Test("The runner's loadDrafts and saveDrafts go through the file")
    func throughTheRunner() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let client = try AlloKitClient.offline()
        let runner = EffectRunner(client: client, draftsURL: url)
        #expect(await runner.run(.loadDrafts) == [.draftsLoaded([])])
        #expect(await runner.run(.saveDrafts(drafts)) == [])
        #expect(await runner.run(.loadDrafts) == [.draftsLoaded(drafts)])
    }
}
