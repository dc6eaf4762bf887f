@testable import AlloCLI
@testable import AlloSandbox
import AlloTUI
import Foundation
import Testing

/// Call summaries are Markdown; every one-line preview (the client's rows, the commands' table cells) shows them through
/// `Markdown.oneLine`, with no marker left.
@Suite("Summary previews: one line, no Markdown marker")
struct SummaryPreviewTests {
    /// What a marker left in a one-line preview looks like.
    static func markers(in line: String) -> [String] {
        var found = ["**", "__", "\n"].filter { line.contains($0) }
        if line.hasPrefix("- ") || line.contains(" · - ") { found.append("- ") }
        if line.hasPrefix("#") { found.append("#") }
        return found
    }

    @Test("every seeded summary")
    func seededSummaries() {
        #expect(SeedContent.callScripts.count > 10)
        for script in SeedContent.callScripts {
            #expect(script.summary.contains("**") && script.summary.contains("\n- "))
            let line = Markdown.oneLine(script.summary)
            #expect(!line.isEmpty)
            #expect(Self.markers(in: line).isEmpty, "\(line)")
            #expect(Formats.summary(script.summary) == line)
        }
    }

    @Test("the SUMMARY and TEXT columns of calls search, items search and contacts conversation; items get's summary")
    func tableCells() async throws {
        try await withCLISandbox { sandbox in
            let json = await sandbox.run("calls", "search", "--allo-number", CLISandbox.usLine, "--all", "--json")
            let summaries = json.jsonArray.compactMap { $0["summary"] as? String }
            let summary = try #require(summaries.first { $0.contains("**") })

            let calls = await sandbox.run("calls", "search", "--allo-number", CLISandbox.usLine, "--all")
            #expect(calls.exitStatus == 0, "\(calls.err)")
            #expect(calls.out.contains(Markdown.oneLine(summary)))
            let items = await sandbox.run("items", "search", "--allo-number", CLISandbox.usLine, "--type", "call")
            #expect(items.exitStatus == 0, "\(items.err)")
            let contact = try await ContactsTests.contactWithCalls(sandbox)
            let conversation = await sandbox.run("contacts", "conversation", contact, "--all")
            #expect(conversation.exitStatus == 0, "\(conversation.err)")
            let callID = try #require(json.jsonArray.first { $0["summary"] as? String == summary }?["id"] as? String)
            let get = await sandbox.run("items", "get", "cll-" + callID.dropFirst("call_".count))
            #expect(get.exitStatus == 0, "\(get.err)")
            #expect(get.out.contains("summary:") && get.out.contains(" · "))
            for run in [calls, items, conversation, get] {
                #expect(run.out.split(separator: "\n").count > 1)
                for row in run.out.split(separator: "\n") {
                    #expect(!row.contains("**") && !row.contains("__") && !row.contains("  - "), "\(row)")
                }
            }
        }
    }
}
