import Foundation
import Testing
import AlloKit
import AlloSandbox
import AlloStore

/// Each effect performed against the in-process sandbox over loopback HTTP: the answering action on success and on a
/// representative failure.
@Suite("EffectRunner against the sandbox")
struct EffectRunnerTests {
    static let line = Sandbox.usLine

    /// The answer of an API effect: `rateLimitObserved` first, then exactly one action.
    func answer(_ actions: [Action], sourceLocation: SourceLocation = #_sourceLocation) -> Action? {
        guard actions.count == 2, case .rateLimitObserved(let reading) = actions[0] else {
            Issue.record("expected [rateLimitObserved, answer], got \(actions)", sourceLocation: sourceLocation)
            return nil
        }
        #expect(reading.limit != nil, sourceLocation: sourceLocation)
        return actions[1]
    }

    /// A conversation on the US line whose history holds a call, and that call's id.
    func conversationWithCall(_ sandbox: Sandbox) async throws -> (contact: String, callID: String) {
        let client = try sandbox.client()
        let calls = try await client.items.search(ItemSearch(alloNumber: Self.line, type: .call, sort: .dateDesc), size: 1)
        let call = try #require(calls.items.first)
        return (try #require(call.contactNumber), call.id)
    }

    @Test("loadSession answers sessionLoaded with the key's identity; a revoked key answers sessionFailed 401")
    func loadSession() async throws {
        try await withSandbox { sandbox in
            let action = answer(try await sandbox.runner(key: "seed-v1").run(.loadSession))
            guard case .sessionLoaded(let identity)? = action else { Issue.record("got \(String(describing: action))"); return }
            #expect(Set(identity.scopes) == Set(Scope.seedV1.map(\.rawValue)))
            #expect(identity.readsPerSecond > 0)

            let bad = try AlloClient(apiKey: "ak_live_notakeyatall", baseURL: sandbox.server.baseURL, retry: .never)
            let failed = await EffectRunner(client: bad, stateDirectory: URL(fileURLWithPath: "/nonexistent")).run(.loadSession)
            guard case .sessionFailed(let error)? = failed.last else { Issue.record("got \(failed)"); return }
            #expect(error.kind == .http(status: 401))
        }
    }

    @Test("loadNumbers(.v2) keeps lines of type NUMBER and lists sender IDs; without PHONE_NUMBERS_READ it fails with the scope")
    func loadNumbersV2() async throws {
        try await withSandbox(extraKeys: ["no-numbers": [.conversationsRead]]) { sandbox in
            let action = answer(try await sandbox.runner().run(.loadNumbers(.v2)))
            guard case .numbersLoaded(.v2, let numbers, let senderIDs)? = action else { Issue.record("got \(String(describing: action))"); return }
            #expect(numbers.map(\.number).contains(Self.line))
            #expect(numbers.first { $0.number == "+12125550147" }?.canText == false)
            #expect(numbers.first { $0.number == Self.line }?.canText == true)
            #expect(senderIDs.contains("MaisonLum"))
            #expect(!numbers.contains { $0.number.isEmpty })

            let failed = answer(try await sandbox.runner(key: "no-numbers").run(.loadNumbers(.v2)))
            guard case .numbersFailed(.v2, let error)? = failed else { Issue.record("got \(String(describing: failed))"); return }
            #expect(error.kind == .http(status: 403))
            #expect(error.requiredScopes == ["PHONE_NUMBERS_READ"])
            #expect(error.hint?.contains("PHONE_NUMBERS_READ") == true)
        }
    }

    @Test("loadNumbers(.v1) lists the Allo numbers with the shared flag")
    func loadNumbersV1() async throws {
        try await withSandbox { sandbox in
            let action = answer(try await sandbox.runner(key: "seed-v1").run(.loadNumbers(.v1)))
            guard case .numbersLoaded(.v1, let numbers, let senderIDs)? = action else { Issue.record("got \(String(describing: action))"); return }
            #expect(numbers.map(\.number).contains(Self.line))
            #expect(numbers.first { $0.number == "+33757012288" }?.isShared == true)
            #expect(senderIDs.isEmpty)
        }
    }

    @Test("loadUnreadCount answers the unread conversations' total; marking one unread adds one")
    func loadUnreadCount() async throws {
        try await withSandbox { sandbox in
            let runner = try sandbox.runner()
            guard case .unreadCountLoaded(Self.line, let before)? = answer(await runner.run(.loadUnreadCount(alloNumber: Self.line))) else {
                Issue.record("no count"); return
            }
            let client = try sandbox.client()
            let read = try await client.conversations.list(alloNumber: Self.line, unread: false, size: 1)
            let contact = try #require(read.items.first?.contactNumber)
            try await client.conversations.markUnread(contactNumber: contact, alloNumber: Self.line)
            let after = answer(await runner.run(.loadUnreadCount(alloNumber: Self.line)))
            #expect(after == .unreadCountLoaded(alloNumber: Self.line, count: before + 1))
        }
    }

    @Test("loadInboxPage (v2) answers a 1-based page of conversations with the unread ones marked; 403 without CONVERSATIONS_READ")
    func inboxConversations() async throws {
        try await withSandbox(extraKeys: ["numbers-only": [.phoneNumbersRead]]) { sandbox in
            let client = try sandbox.client()
            let first = try #require(try await client.conversations.list(alloNumber: Self.line, size: 1).items.first)
            try await client.conversations.markUnread(contactNumber: first.contactNumber, alloNumber: Self.line)

            let request = InboxRequest(alloNumber: Self.line, source: .conversations, page: 1, size: 5)
            let action = answer(try await sandbox.runner().run(.loadInboxPage(request)))
            guard case .inboxPageLoaded(request, let entries, let next)? = action else { Issue.record("got \(String(describing: action))"); return }
            #expect(entries.count == 5)
            #expect(next == 2)
            #expect(entries.allSatisfy { $0.key.alloNumber == Self.line && $0.key.contactID == nil && !$0.title.isEmpty })
            #expect(entries.first?.key.contactNumber == first.contactNumber)
            #expect(entries.first?.unread == true)
            #expect(entries.compactMap(\.lastActivity) == entries.compactMap(\.lastActivity).sorted(by: >))

            let failed = answer(try await sandbox.runner(key: "numbers-only").run(.loadInboxPage(request)))
            guard case .inboxPageFailed(request, let error)? = failed else { Issue.record("got \(String(describing: failed))"); return }
            #expect(error.kind == .http(status: 403))
            #expect(error.requiredScopes == ["CONVERSATIONS_READ"])
        }
    }

    @Test("loadInboxPage (v1) answers a 0-based page of contacts with their ids; the last page has no next")
    func inboxContacts() async throws {
        try await withSandbox(contacts: 12) { sandbox in
            let runner = try sandbox.runner(key: "seed-v1")
            let request = InboxRequest(alloNumber: Self.line, source: .contacts, page: 0, size: 10)
            guard case .inboxPageLoaded(_, let entries, let next)? = answer(await runner.run(.loadInboxPage(request))) else {
                Issue.record("no page"); return
            }
            #expect(entries.count == 10)
            #expect(next == 1)
            #expect(entries.allSatisfy { $0.key.contactID != nil && $0.key.alloNumber == Self.line })
            var last = request
            last.page = 1
            guard case .inboxPageLoaded(_, let rest, let end)? = answer(await runner.run(.loadInboxPage(last))) else {
                Issue.record("no page"); return
            }
            #expect(!rest.isEmpty)
            #expect(end == nil)
        }
    }

    @Test("searchItems answers matching items newest first; a query without letters or digits fails with its code")
    func searchItems() async throws {
        try await withSandbox { sandbox in
            let runner = try sandbox.runner()
            try await sandbox.inboundSMS(from: "+14155559876", text: "Zebracorn invoice question")
            let request = SearchRequest(alloNumber: Self.line, text: "zebracorn", page: 1, size: 10)
            let action = answer(await runner.run(.searchItems(request)))
            guard case .searchPageLoaded(request, let items, let next)? = action else { Issue.record("got \(String(describing: action))"); return }
            #expect(items.count == 1)
            #expect(items.first?.contactNumber == "+14155559876")
            #expect(items.first?.content == .sms(SMSInfo(text: "Zebracorn invoice question", delivery: .api("DELIVERED"))))
            #expect(next == nil)

            let bad = SearchRequest(alloNumber: Self.line, text: "!!!", page: 1)
            guard case .searchPageFailed(bad, let error)? = answer(await runner.run(.searchItems(bad))) else { Issue.record("no failure"); return }
            #expect(error.code == "INVALID_SEARCH_QUERY")
        }
    }

    @Test("loadTimelinePage (v2) answers the conversation's items newest first, with the next older page")
    func timelineV2() async throws {
        try await withSandbox { sandbox in
            let (contact, _) = try await conversationWithCall(sandbox)
            let key = ConversationKey(alloNumber: Self.line, contactNumber: contact)
            let request = TimelineRequest(key: key, source: .conversations, page: 1, size: 2)
            guard case .timelinePageLoaded(request, let items, let next)? = answer(try await sandbox.runner().run(.loadTimelinePage(request))) else {
                Issue.record("no page"); return
            }
            #expect(!items.isEmpty)
            #expect(items.map(\.date) == items.map(\.date).sorted(by: >))
            #expect(items.allSatisfy { $0.contactNumber == contact })
            let total = try await sandbox.client().items.search(ItemSearch(alloNumber: Self.line, contactNumber: contact), size: 1).totalCount
            #expect(next == ((total ?? 0) > 2 ? 2 : nil))
        }
    }

    @Test("loadTimelinePage (v1) answers calls (with transcripts) and messages; an unknown contact fails with CONTACT_NOT_FOUND")
    func timelineV1() async throws {
        try await withSandbox { sandbox in
            let runner = try sandbox.runner(key: "seed-v1")
            let client = try sandbox.client(key: "seed-v1")
            let contacts = try await client.contacts.search(size: 40).items
            var found: Contact?
            for contact in contacts {
                let page = try await client.contacts.conversation(contact.id, alloNumber: Self.line, size: 20)
                if page.items.contains(where: { if case .call(let call) = $0 { return call.transcript != nil }; return false }) {
                    found = contact
                    break
                }
            }
            let contact = try #require(found)
            let key = ConversationKey(alloNumber: Self.line, contactNumber: contact.numbers.first ?? "", contactID: contact.id)
            let request = TimelineRequest(key: key, source: .contacts, page: 0, size: 20)
            guard case .timelinePageLoaded(request, let items, _)? = answer(await runner.run(.loadTimelinePage(request))) else {
                Issue.record("no page"); return
            }
            #expect(items.map(\.date) == items.map(\.date).sorted(by: >))
            #expect(Set(items.map(\.id)).count == items.count)
            let transcripts = items.compactMap { item -> [TranscriptRow]? in
                if case .call(let call) = item.content { return call.transcript }
                return nil
            }
            let rows = try #require(transcripts.first)
            #expect(!rows.isEmpty)
            #expect(rows.allSatisfy { $0.offsetSeconds != nil })

            let missing = TimelineRequest(key: ConversationKey(alloNumber: Self.line, contactNumber: "+14155550000", contactID: "cnt-nope"),
                                          source: .contacts, page: 0)
            guard case .timelinePageFailed(missing, let error)? = answer(await runner.run(.loadTimelinePage(missing))) else {
                Issue.record("no failure"); return
            }
            // v1 reports a missing contact as a 400 (contract §3.1).
            #expect(error.code == "CONTACT_NOT_FOUND")
        }
    }

    @Test("loadTranscript answers rows with offsets from the call's start; an unknown call fails with 404")
    func transcript() async throws {
        try await withSandbox { sandbox in
            let runner = try sandbox.runner()
            let client = try sandbox.client()
            let calls = try await client.items.search(ItemSearch(alloNumber: Self.line, type: .call, result: .answered,
                                                                 sort: .dateDesc, extend: [.transcript]), size: 20)
            let call = try #require(calls.items.first { ($0.transcript?.count ?? 0) > 1 })
            guard case .transcriptLoaded(call.id, let transcript)? = answer(await runner.run(.loadTranscript(callID: call.id))) else {
                Issue.record("no transcript"); return
            }
            #expect(transcript.rows.count == call.transcript?.count)
            #expect(transcript.rows.map(\.text) == call.transcript?.map(\.text))
            let offsets = transcript.rows.compactMap(\.offsetSeconds)
            #expect(offsets.count == transcript.rows.count)
            #expect(offsets == offsets.sorted())
            #expect(offsets.allSatisfy { $0 >= 0 && $0 <= Double((call.duration ?? 0) + 60) })
            #expect(transcript.summary == call.summary)

            let failed = answer(await runner.run(.loadTranscript(callID: "cll-doesnotexist")))
            guard case .transcriptFailed(callID: "cll-doesnotexist", let error)? = failed else { Issue.record("got \(String(describing: failed))"); return }
            #expect(error.kind == .http(status: 404))
        }
    }

    @Test("conversationAction answers done and the sandbox applies it; an unknown conversation fails with 404")
    func conversationAction() async throws {
        try await withSandbox { sandbox in
            let runner = try sandbox.runner()
            let client = try sandbox.client()
            let contact = try #require(try await client.conversations.list(alloNumber: Self.line, size: 1).items.first?.contactNumber)
            let request = ConversationActionRequest(action: .archive, key: ConversationKey(alloNumber: Self.line, contactNumber: contact))
            #expect(answer(await runner.run(.conversationAction(request))) == .conversationActionDone(request))
            let listed = try await client.conversations.list(alloNumber: Self.line, size: 100).items.map(\.contactNumber)
            #expect(!listed.contains(contact))

            let unknown = ConversationActionRequest(action: .read, key: ConversationKey(alloNumber: Self.line, contactNumber: "+14155550001"))
            guard case .conversationActionFailed(unknown, let error)? = answer(await runner.run(.conversationAction(unknown))) else {
                Issue.record("no failure"); return
            }
            #expect(error.kind == .http(status: 404))
        }
    }

    @Test("sendSMS answers smsSent with an outbound item whose id is stable for the outbox entry")
    func sendSMS() async throws {
        try await withSandbox { sandbox in
            let request = SendRequest(outboxID: 7, sender: .number(Self.line), recipient: "+14155551234", text: "On my way", outboxRevision: 0)
            let action = answer(try await sandbox.runner().run(.sendSMS(request)))
            guard case .smsSent(outboxID: 7, let item)? = action else { Issue.record("got \(String(describing: action))"); return }
            #expect(item.id == "sent-7")
            #expect(item.direction == .outbound)
            #expect(item.contactNumber == "+14155551234")
            #expect(item.content == .sms(SMSInfo(text: "On my way", delivery: .api(nil))))
            #expect(try await sandbox.requests(to: "/v1/api/sms") == 1)
        }
    }

    @Test("sendSMS answers smsSendFailed: .timeout when no answer came in time, the status on a 500; never sent twice")
    func sendSMSFailures() async throws {
        try await withSandbox { sandbox in
            try await sandbox.fault(#"{"kind":"latency","latency_ms":4000,"count":1,"path_prefix":"/v1/api/sms"}"#)
            let request = SendRequest(outboxID: 1, sender: .number(Self.line), recipient: "+14155551234", text: "Hi", outboxRevision: 0)
            // The client's own retry policy: a timed-out send must not be retried.
            let slow = EffectRunner(client: try sandbox.client(timeout: .milliseconds(800), retry: .default),
                                    stateDirectory: URL(fileURLWithPath: "/nonexistent"))
            let timedOut = await slow.run(.sendSMS(request))
            guard case .smsSendFailed(outboxID: 1, let error)? = timedOut.last else { Issue.record("got \(timedOut)"); return }
            #expect(error.kind == .timeout)

            try await sandbox.fault(#"{"kind":"status","status":500,"count":1,"path_prefix":"/v1/api/sms"}"#)
            let failed = try await EffectRunner(client: sandbox.client(retry: .default), stateDirectory: URL(fileURLWithPath: "/nonexistent"))
                .run(.sendSMS(SendRequest(outboxID: 2, sender: .number(Self.line), recipient: "+14155551234", text: "Hi", outboxRevision: 0)))
            guard case .smsSendFailed(outboxID: 2, let serverError)? = failed.last else { Issue.record("got \(failed)"); return }
            #expect(serverError.kind == .http(status: 500))
            // Neither was retried: one 500, and at most the delayed first send (journaled once the server answers it).
            #expect(try await sandbox.requests(to: "/v1/api/sms", status: 500) == 1)
            #expect(try await sandbox.requests(to: "/v1/api/sms") <= 2)
        }
    }

    @Test("sendSMS as a sender ID goes out the France way; a local check refuses a non-+33 recipient before any request")
    func sendAsSenderID() async throws {
        try await withSandbox { sandbox in
            let runner = try sandbox.runner()
            let sent = answer(await runner.run(.sendSMS(SendRequest(outboxID: 3, sender: .senderID("MaisonLum"),
                                                                    recipient: "+33612345678", text: "Bonjour", outboxRevision: 0))))
            guard case .smsSent(outboxID: 3, let item)? = sent else { Issue.record("got \(String(describing: sent))"); return }
            #expect(item.contactNumber == "+33612345678")

            let refused = await runner.run(.sendSMS(SendRequest(outboxID: 4, sender: .senderID("MaisonLum"),
                                                                recipient: "+14155551234", text: "Hello", outboxRevision: 0)))
            guard case .smsSendFailed(outboxID: 4, let error)? = refused.last else { Issue.record("got \(refused)"); return }
            #expect(error.kind == .invalid)
            #expect(try await sandbox.requests(to: "/v1/api/sms") == 1)
        }
    }

    @Test("refresh (v2) answers the conversations active since the last sync, unread marked, and the open conversation's newest items")
    func refreshV2() async throws {
        try await withSandbox { sandbox in
            let runner = try sandbox.runner()
            let since = sandbox.now
            sandbox.clock.advance(by: 5)
            let (contact, _) = try await conversationWithCall(sandbox)
            let id = try await sandbox.inboundSMS(from: contact, text: "Are you open on Sunday?")
            let key = ConversationKey(alloNumber: Self.line, contactNumber: contact)
            let request = RefreshRequest(alloNumber: Self.line, source: .conversations, since: since, openConversation: key)
            let action = answer(await runner.run(.refresh(request)))
            guard case .refreshed(request, let entries, let newest, let at)? = action else { Issue.record("got \(String(describing: action))"); return }
            #expect(entries.map(\.key) == [key])
            #expect(entries.first?.unread == true)
            #expect(entries.first?.snippet == "Are you open on Sunday?")
            #expect(newest.first?.id == id)
            #expect(newest.count > 1)
            #expect(at == sandbox.now)

            let failing = RefreshRequest(alloNumber: "+14155550199", source: .conversations, since: since)
            guard case .refreshFailed(failing, let error)? = answer(await runner.run(.refresh(failing))) else { Issue.record("no failure"); return }
            #expect(error.kind == .http(status: 404) || error.kind == .http(status: 400))
        }
    }

    @Test("refresh (v1) answers the first contacts page and the open contact's newest entries")
    func refreshV1() async throws {
        try await withSandbox { sandbox in
            let client = try sandbox.client(key: "seed-v1")
            let contact = try #require(try await client.contacts.search(size: 1).items.first)
            let key = ConversationKey(alloNumber: Self.line, contactNumber: contact.numbers.first ?? "", contactID: contact.id)
            let request = RefreshRequest(alloNumber: Self.line, source: .contacts, openConversation: key)
            let action = answer(try await sandbox.runner(key: "seed-v1").run(.refresh(request)))
            guard case .refreshed(request, let entries, let newest, _)? = action else { Issue.record("got \(String(describing: action))"); return }
            #expect(entries.first?.key.contactID == contact.id)
            let direct = try await client.contacts.conversation(contact.id, alloNumber: Self.line, size: 50).items
            #expect(newest.count == direct.compactMap(TimelineItem.init).count)
        }
    }
}
