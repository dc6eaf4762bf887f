import AlloKit
import AlloStore
@testable import AlloTUI
import Foundation
import Testing

/// Text snapshots of rendered screens, kept as reviewed files in `__Snapshots__/NAME.txt`.
///
/// A missing file, or `ALLO_RECORD_SNAPSHOTS=1`, records the current rendering and fails with "recorded" (so a
/// recording is never mistaken for a pass); otherwise the rendering must equal the file, and a mismatch prints the
/// differing lines.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__")

    /// The canvas as text, framed so trailing blanks and the right edge show in review.
    static func text(_ canvas: Canvas) -> String {
        let border = "+" + String(repeating: "-", count: canvas.size.width) + "+"
        return ([border] + canvas.rows().map { "|" + $0 + "|" } + [border]).joined(separator: "\n") + "\n"
    }

    static func assert(_ canvas: Canvas, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        assertText(text(canvas), named: name, sourceLocation: sourceLocation)
    }

    static func assertText(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = directory.appendingPathComponent(name + ".txt")
        let record = ProcessInfo.processInfo.environment["ALLO_RECORD_SNAPSHOTS"] == "1"
        guard !record, let expected = try? String(contentsOf: file, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("recorded \(name).txt: review it and run again", sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        Issue.record("snapshot \(name) differs:\n\(diff(expected: expected, actual: actual))",
                     sourceLocation: sourceLocation)
    }

    /// The lines that differ, as `-expected` / `+actual` with their line numbers.
    static func diff(expected: String, actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for index in 0..<max(old.count, new.count) {
            let a = index < old.count ? String(old[index]) : nil
            let b = index < new.count ? String(new[index]) : nil
            if a != b {
                if let a { out.append(String(format: "%3d -", index + 1) + a) }
                if let b { out.append(String(format: "%3d +", index + 1) + b) }
            }
        }
        return out.joined(separator: "\n")
    }
}

/// Hand-built states for the snapshots: one account with two numbers, an inbox, a conversation with calls and SMS.
enum Fixture {
    static let utc = TimeZone(identifier: "UTC")!
    static let chrome = Chrome(demo: false, account: "Acme Plumbing", timeZone: utc)
    static let demo = Chrome(demo: true, timeZone: utc)
    /// Tuesday 12 March 2024, 15:30 UTC.
    static let now = Date(timeIntervalSince1970: 1_710_257_400)

    static let sales = "+33187654321"
    static let alice = ConversationKey(alloNumber: sales, contactNumber: "+33612345678")

    static func date(daysAgo: Int, _ hour: Int, _ minute: Int) -> Date {
        let midnight = Date(timeIntervalSince1970: 1_710_201_600)  // 12 March 2024 00:00 UTC
        return midnight.addingTimeInterval(Double(-daysAgo * 86_400 + hour * 3600 + minute * 60))
    }

    static func numbers() -> [NumberInfo] {
        [NumberInfo(number: sales, name: "Sales", country: "FR"),
         NumberInfo(number: "+14155550123", name: "Support US", country: "US"),
         NumberInfo(number: "+442071234567", country: "GB")]
    }

    static func inbox() -> [InboxEntry] {
        [InboxEntry(key: alice, title: "Alice Martin", lastActivity: date(daysAgo: 0, 14, 5),
                    snippet: "Can you come on Thursday instead?", unread: true),
         InboxEntry(key: ConversationKey(alloNumber: sales, contactNumber: "+33698765432"), title: "Bob Durand",
                    lastActivity: date(daysAgo: 1, 9, 12), snippet: "Missed call"),
         InboxEntry(key: ConversationKey(alloNumber: sales, contactNumber: "+33611112222"), title: "+33611112222",
                    lastActivity: date(daysAgo: 3, 18, 40), snippet: "Thanks, the leak is fixed 👍"),
         InboxEntry(key: ConversationKey(alloNumber: sales, contactNumber: "+8613800138000"), title: "王小明",
                    lastActivity: date(daysAgo: 40, 8, 0), snippet: "你好，我想预约明天上午的维修服务。")]
    }

    static func timeline() -> [TimelineItem] {
        [TimelineItem(id: "cll-1", date: date(daysAgo: 1, 10, 2), direction: .inbound,
                      content: .call(CallInfo(result: "ANSWERED", durationSeconds: 187,
                                              summary: "Alice reports a leak under the kitchen sink and asks for a visit.",
                                              tag: "urgent", transcript: transcriptRows()))),
         TimelineItem(id: "msg-1", date: date(daysAgo: 1, 10, 10), direction: .outbound,
                      content: .sms(SMSInfo(text: "We can come Wednesday at 9:00.", delivery: .api("DELIVERED")))),
         TimelineItem(id: "cll-2", date: date(daysAgo: 0, 8, 30), direction: .inbound,
                      content: .call(CallInfo(result: "MISSED"))),
         TimelineItem(id: "msg-2", date: date(daysAgo: 0, 14, 5), direction: .inbound,
                      content: .sms(SMSInfo(text: "Can you come on Thursday instead? Wednesday morning I have to take my daughter to the dentist, and the afternoon is not possible either.",
                                            delivery: .api(nil))))]
    }

    static func transcriptRows() -> [TranscriptRow] {
        [TranscriptRow(speaker: .agent, offsetSeconds: 0, text: "Acme Plumbing, how can I help?"),
         TranscriptRow(speaker: .external, offsetSeconds: 4, text: "Hi, there is water leaking under my kitchen sink."),
         TranscriptRow(speaker: .user, offsetSeconds: 12, text: "Is it a steady drip or a lot of water?"),
         TranscriptRow(speaker: .external, offsetSeconds: 17.5, text: "A steady drip, but the cupboard is soaked."),
         TranscriptRow(speaker: .user, offsetSeconds: 65, text: "We can send someone on Wednesday morning.")]
    }

    /// The usual screen: numbers loaded, Sales selected, the inbox loaded, Alice's conversation open.
    static func state(focus: Pane = .inbox) -> AppState {
        var state = AppState()
        state.status.now = now
        state.session.hasV2 = true
        state.session.identity = .loaded(Identity(apiKeyID: "key-1", scopes: ["CONVERSATIONS_READ", "SMS_SEND"],
                                                  teamName: "Acme Plumbing"))
        state.numbers.list = .loaded(numbers())
        state.numbers.selected = sales
        state.numbers.unread = [sales: 1]
        state.inbox.alloNumber = sales
        state.inbox.entries = inbox()
        state.inbox.ids = Set(state.inbox.entries.map(\.id))
        state.inbox.nextPage = nil
        state.inbox.cursor.viewport = 10
        state.timeline.key = alice
        state.timeline.items = .init(timeline())
        state.timeline.ids = Set(state.timeline.items.map(\.id))
        state.timeline.cursor.viewport = 20
        state.timeline.cursor.select(state.timeline.items.count - 1, count: state.timeline.items.count)
        state.compose.conversation = alice
        state.compose.recipient = alice.contactNumber
        state.compose.sender = .number(sales)
        state.navigation.focus = focus
        return state
    }

    /// `state` with the first call's transcript open.
    static func withTranscript(_ state: AppState, focus: Pane = .transcript) -> AppState {
        var state = state
        state.transcript.callID = "cll-1"
        state.transcript.transcript = .loaded(Transcript(rows: transcriptRows(),
                                                         summary: "Alice reports a leak under the kitchen sink and asks for a visit.",
                                                         recordingURL: "https://recordings.withallo.com/cll-1.mp3"))
        state.transcript.cursor.viewport = 10
        state.navigation.focus = focus
        return state
    }

    static func render(_ state: AppState, _ width: Int, _ height: Int, chrome: Chrome = chrome) -> Canvas {
        AlloTUI.render(state, size: Size(width: width, height: height), theme: .mono, chrome: chrome)
    }
}
