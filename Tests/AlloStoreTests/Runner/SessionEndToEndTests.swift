import Foundation
import Testing
import AlloKit
import AlloSandbox
import AlloStore

/// One scripted session: the real reducers, the real runner, the sandbox over loopback. Each step sends what the view
/// would send and waits for the state it should lead to; time moves only when the test sends a tick.
@MainActor
@Suite("A session end to end")
struct SessionEndToEndTests {
    @Test("Start, browse, read a transcript, send an SMS, and see an inbound reply arrive on the next refresh")
    func session() async throws {
        try await withSandbox(contacts: 16, itemsPerContact: 64) { sandbox in
            let drafts = FileManager.default.temporaryDirectory.appendingPathComponent("allo-e2e-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: drafts) }
            let runner = try sandbox.runner(state: drafts)
            let store = Store(runner: runner, clock: StepClock())
            let watcher = StoreWatcher(store)
            defer { Task { await store.stop() } }

            // Start: session, numbers, the first number selected, its inbox's first page.
            store.start()
            try await watcher.until("the session, the numbers and the first inbox page") { state in
                state.session.identity.value != nil && state.numbers.list.value?.isEmpty == false
                    && state.numbers.selected != nil && state.inbox.alloNumber == state.numbers.selected
                    && !state.inbox.entries.isEmpty && !state.inbox.status.isLoading
            }
            let line = try #require(store.state.numbers.selected)
            #expect(line == store.state.numbers.list.value?.first?.number)

            // A conversation longer than one timeline page, with someone who can get an SMS.
            let client = try sandbox.client()
            var chosen: Int?
            for (index, entry) in store.state.inbox.entries.enumerated() where entry.key.contactNumber.hasPrefix("+33") {
                let total = try await client.items.search(ItemSearch(alloNumber: line, contactNumber: entry.key.contactNumber),
                                                          size: 1).totalCount ?? 0
                if total > TimelinePage.size + 5 { chosen = index; break }
            }
            let index = try #require(chosen, "no long conversation on \(line)")
            let key = store.state.inbox.entries[index].key

            // Open it: its newest page loads, the newest item selected.
            store.send(.focusMoved(.to(.inbox)))
            store.send(.selectionMoved(by: index))
            store.send(.selectionActivated)
            try await watcher.until("the newest timeline page") { state in
                state.timeline.key == key && state.timeline.items.count == TimelinePage.size && !state.timeline.status.isLoading
            }
            #expect(store.state.timeline.nextOlderPage == 2)

            // Move to the top: the older page loads in front.
            store.send(.focusMoved(.to(.timeline)))
            store.send(.selectionJumped(toFirst: true))
            try await watcher.until("the older page") { $0.timeline.items.count > TimelinePage.size && !$0.timeline.status.isLoading }
            let dates = store.state.timeline.items.map(\.date)
            #expect(dates == dates.sorted())

            // Open a call: its transcript loads.
            let callIndex = try #require(store.state.timeline.items.lastIndex { $0.isCall }, "no call in the conversation")
            let callID = store.state.timeline.items[callIndex].id
            store.send(.selectionMoved(by: callIndex - store.state.timeline.cursor.selected))
            store.send(.selectionActivated)
            try await watcher.until("the transcript of \(callID)") { state in
                state.transcript.callID == callID && state.transcript.transcript.value != nil
            }

            // Compose, send, confirm: the API's confirmation shows in the timeline and the outbox empties.
            store.send(.focusMoved(.to(.compose)))
            store.send(.composeTextChanged("See you at 5 pm"))
            store.send(.sendTapped)
            #expect(store.state.compose.confirming)
            store.send(.sendConfirmed)
            try await watcher.until("the sent SMS") { state in
                state.compose.outbox.isEmpty && state.timeline.items.contains { item in
                    if case .sms(let sms) = item.content { return item.direction == .outbound && sms.text == "See you at 5 pm" }
                    return false
                }
            }
            #expect(try await sandbox.requests(to: "/v1/api/sms", status: 200) == 1)

            // An inbound reply; a tick past the refresh interval refreshes and brings it in with a notice.
            sandbox.clock.advance(by: 60)
            let replyID = try await sandbox.inboundSMS(from: key.contactNumber, on: line, text: "Perfect, thanks")
            store.send(.tick(sandbox.now))
            try await watcher.until("the reply in the timeline and a notice") { state in
                state.timeline.ids.contains(replyID) && state.status.toasts.contains { $0.level == .notice }
            }
            #expect(store.state.inbox.entries.first?.key.contactNumber == key.contactNumber)
            #expect(store.state.live.lastSync[line] == sandbox.now)

            // Quit: the drafts are written (none left: the text was sent).
            await store.stop()
            #expect(try PrivateFile<[DraftRecord]>(url: drafts.appendingPathComponent("drafts.json")).load() == [])
        }
    }
}

private enum TimelinePage {
    /// The timeline reducer's page size.
    static let size = 50
}
