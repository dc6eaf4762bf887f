public import AlloKit
public import Foundation

/// Performs effects with AlloKit and answers with actions: the one place the store touches the network or the disk.
///
/// Each `Effect` case says which actions answer it. Every effect that called the API is also answered, first, by
/// `rateLimitObserved` with the client's latest rate-limit reading when there is one. Errors become the effect's
/// failure action; nothing is thrown. Pages of items come as the API sends them, newest first.
public struct EffectRunner: Sendable {
    public let client: AlloClient
    /// The wall clock, for `refreshed(at:)`.
    public let now: @Sendable () -> Date
    /// What a check of the server waits on before looking.
    public let clock: any Clock<Duration>
    /// How many pages a refresh or an unread count reads at most; past that the result is partial, never endless.
    public var pageLimit = 5
    let drafts: SnapshotWriter<[DraftRecord]>
    let outbox: SnapshotWriter<OutboxSnapshot>


    /// - Parameter stateDirectory: where `drafts.json` and `outbox.json` live (created 0700 on first write).
    public init(client: AlloClient, stateDirectory: URL, now: @escaping @Sendable () -> Date = { Date() },
                clock: any Clock<Duration> = ContinuousClock()) {
        self.client = client
        self.now = now
        self.clock = clock
        drafts = SnapshotWriter(file: PrivateFile(url: stateDirectory.appendingPathComponent("drafts.json")), name: "drafts")
        outbox = SnapshotWriter(file: PrivateFile(url: stateDirectory.appendingPathComponent("outbox.json")), name: "outbox")
    }

    /// Performs `effect` and returns the actions that answer it, in order.
    public func run(_ effect: Effect) async -> [Action] {
        switch effect {
        case .loadDrafts:
            let (records, notice) = Self.load(drafts.file, name: "drafts")
            return [.draftsLoaded(records ?? [])] + notice
        case .loadOutbox:
            let (snapshot, notice) = Self.load(outbox.file, name: "outbox")
            return [.outboxLoaded(snapshot ?? OutboxSnapshot())] + notice
        case .saveDrafts(let revision):
            // A failed write leaves the previous file whole (the write is atomic); the user is told once.
            await outbox.waitFor(revision.after)
            return await drafts.save(revision).map { [.noticePosted($0, level: .error)] } ?? []
        case .saveOutbox(let revision):
            return await outbox.save(revision).map { [.noticePosted($0, level: .error)] } ?? []
        case .checkSend(let check):
            do { try await clock.sleep(for: check.delay) } catch { return [] }
            let actions = await callAPI(effect)
            guard let reading = client.lastRateLimit else { return actions }
            return [.rateLimitObserved(reading)] + actions
        default:
            let actions = await callAPI(effect)
            guard let reading = client.lastRateLimit else { return actions }
            return [.rateLimitObserved(reading)] + actions
        }
    }

    private func callAPI(_ effect: Effect) async -> [Action] {
        switch effect {
        case .loadSession:
            return await answer({ .sessionLoaded(Identity(try await client.me())) }, else: { .sessionFailed($0) })
        case .loadNumbers(let source):
            return await answer({ try await numbers(source) }, else: { .numbersFailed(source, $0) })
        case .loadUnreadCount(let alloNumber):
            // No failure action: the count is a hint; without it the numbers pane shows none.
            guard case .success(let count) = await result({ try await unreadCount(alloNumber) }) else { return [] }
            return [.unreadCountLoaded(alloNumber: alloNumber, count: count)]
        case .loadInboxPage(let request):
            return await answer({ try await inboxPage(request) }, else: { .inboxPageFailed(request, $0) })
        case .searchItems(let request):
            return await answer({
                let page = try await client.items.search(ItemSearch(alloNumber: request.alloNumber, text: request.text,
                                                                    sort: .dateDesc),
                                                         page: request.page, size: request.size)
                return .searchPageLoaded(request, page.items.map(TimelineItem.init), nextPage: page.hasMore ? request.page + 1 : nil)
            }, else: { .searchPageFailed(request, $0) })
        case .loadTimelinePage(let request):
            return await answer({
                let (items, hasMore) = try await timelinePage(request.key, request.source, page: request.page, size: request.size)
                return .timelinePageLoaded(request, items, nextPage: hasMore ? request.page + 1 : nil)
            }, else: { .timelinePageFailed(request, $0) })
        case .loadTranscript(let callID):
            return await answer({
                .transcriptLoaded(callID: callID, Transcript(try await client.items.get(callID, transcript: true)))
            }, else: { .transcriptFailed(callID: callID, $0) })
        case .conversationAction(let request):
            return await answer({
                try await client.conversations.perform(request.action, contactNumber: request.key.contactNumber,
                                                       alloNumber: request.key.alloNumber)
                return .conversationActionDone(request)
            }, else: { .conversationActionFailed(request, $0) })
        case .sendSMS(let request):
            // The outbox holding this send is on disk first: a crash from here on leaves it to be checked at restart.
            await outbox.waitFor(request.outboxRevision)
            return await answer({ .smsSent(outboxID: request.outboxID, try await send(request)) },
                                else: { .smsSendFailed(outboxID: request.outboxID, $0) })
        case .checkSend(let check):
            switch await result({ try await client.sms.findSent(check.query, in: check.place) }) {
            case .success(let lookup): return [.sendChecked(check, .looked(lookup))]
            case .failure(let error): return [.sendChecked(check, .failed(ErrorInfo(error)))]
            }
        case .refresh(let request):
            return await answer({ try await refresh(request) }, else: { .refreshFailed(request, $0) })
        case .loadDrafts, .saveDrafts, .loadOutbox, .saveOutbox:
            return []
        }
    }

    // MARK: The calls

    private func numbers(_ source: NumberSource) async throws(AlloError) -> Action {
        switch source {
        case .v2:
            let lines = try await client.phoneNumbers.list()
            let senderIDs = lines.filter { $0.type == .senderID }.compactMap { $0.name?.isEmpty == false ? $0.name : nil }
            return .numbersLoaded(.v2, lines.compactMap(NumberInfo.init), senderIDs: senderIDs)
        case .v1:
            return .numbersLoaded(.v1, try await client.numbers.list().compactMap(NumberInfo.init), senderIDs: [])
        }
    }

    /// `total_count` of the unread conversations; when the API leaves it out, the unread conversations are counted,
    /// `pageLimit` pages of 100 at most.
    private func unreadCount(_ alloNumber: String) async throws(AlloError) -> Int {
        let first = try await client.conversations.list(alloNumber: alloNumber, unread: true, size: 1)
        if let total = first.totalCount { return total }
        var count = 0
        for page in 1...pageLimit {
            let items = try await client.conversations.list(alloNumber: alloNumber, unread: true, page: page, size: 100)
            count += items.items.count
            if !items.hasMore { break }
        }
        return count
    }

    private func inboxPage(_ request: InboxRequest) async throws(AlloError) -> Action {
        switch request.source {
        case .conversations:
            async let unread = unreadNumbers(request.alloNumber, since: nil)
            let page = try await client.conversations.list(alloNumber: request.alloNumber, page: request.page, size: request.size)
            let unreadSet = await unread
            let entries = page.items.map {
                InboxEntry($0, alloNumber: request.alloNumber, unread: unreadSet.contains($0.contactNumber))
            }
            return .inboxPageLoaded(request, entries, nextPage: page.hasMore ? request.page + 1 : nil)
        case .contacts:
            // v1 contacts belong to the account, not to a number: all of them are listed under the selected number.
            let page = try await client.contacts.search(page: request.page, size: request.size)
            let entries = page.items.map { InboxEntry($0, alloNumber: request.alloNumber) }
            return .inboxPageLoaded(request, entries, nextPage: page.hasMore ? request.page + 1 : nil)
        }
    }

    /// The contact numbers of unread conversations (the most recent 100), to mark inbox rows: a conversation summary
    /// does not say whether it is read. Best effort: on failure nothing is marked.
    private func unreadNumbers(_ alloNumber: String, since: Date?) async -> Set<String> {
        let page = await result {
            try await client.conversations.list(alloNumber: alloNumber, lastActivitySince: since, unread: true, size: 100)
        }
        guard case .success(let page) = page else { return [] }
        return Set(page.items.map { $0.contactNumber })
    }

    /// One page of a conversation, newest first, and whether an older page follows.
    private func timelinePage(_ key: ConversationKey, _ source: InboxSource, page: Int,
                              size: Int) async throws(AlloError) -> ([TimelineItem], Bool) {
        switch source {
        case .conversations:
            let query = ItemSearch(alloNumber: key.alloNumber, contactNumber: key.contactNumber, sort: .dateDesc, extend: [])
            let result = try await client.items.search(query, page: page, size: size)
            return (result.items.map(TimelineItem.init), result.hasMore)
        case .contacts:
            guard let contactID = key.contactID else {
                throw .invalidArgument("a v1 conversation needs the contact's id")
            }
            let result = try await client.contacts.conversation(contactID, alloNumber: key.alloNumber, page: page, size: size)
            let items = result.items.compactMap(TimelineItem.init).sorted { $0.date > $1.date }
            return (items, result.hasMore)
        }
    }

    /// POST /v1/api/sms. AlloKit never retries it when it may have been done; such a failure is answered as is, and the
    /// compose reducer makes the send unknown and checks the server.
    private func send(_ request: SendRequest) async throws(AlloError) -> TimelineItem {
        let message: TextMessage
        switch request.sender {
        case .number(let from):
            message = try await client.sms.send(from: from, to: request.recipient, message: request.text)
        case .senderID(let senderID):
            message = try await client.sms.sendFrance(senderID: senderID, to: request.recipient, message: request.text)
        }
        // v1 gives a sent message no id: the outbox id keeps it stable until a refresh brings the API's own item.
        var item = TimelineItem(message, id: "sent-\(request.outboxID)")
        item.direction = .outbound
        item.contactNumber = request.recipient
        if message.startDate == nil { item.date = now() }
        if message.content == nil { item.content = .sms(SMSInfo(text: request.text, delivery: .api(nil))) }
        return item
    }

    /// What changed since `request.since`, and the newest page of the open conversation. The time returned is taken
    /// before the first request, so the next refresh's `since` cannot skip activity that happened meanwhile.
    private func refresh(_ request: RefreshRequest) async throws(AlloError) -> Action {
        let startedAt = now()
        async let newest = openConversationPage(request)
        let entries: [InboxEntry]
        switch request.source {
        case .conversations:
            async let unread = unreadNumbers(request.alloNumber, since: request.since)
            var summaries: [ConversationSummary] = []
            // Without `since` only the first page: the inbox pages load the rest.
            for page in 1...(request.since == nil ? 1 : pageLimit) {
                let result = try await client.conversations.list(alloNumber: request.alloNumber,
                                                                  lastActivitySince: request.since, page: page, size: 50)
                summaries += result.items
                if !result.hasMore { break }
            }
            let unreadSet = await unread
            entries = summaries.map {
                InboxEntry($0, alloNumber: request.alloNumber, unread: unreadSet.contains($0.contactNumber))
            }
        case .contacts:
            entries = try await client.contacts.search(page: 0, size: 50).items.map { InboxEntry($0, alloNumber: request.alloNumber) }
        }
        return .refreshed(request, entries, newest: try await newest.get(), at: startedAt)
    }

    private func openConversationPage(_ request: RefreshRequest) async -> Result<[TimelineItem], AlloError> {
        guard let key = request.openConversation else { return .success([]) }
        return await result { try await timelinePage(key, request.source, page: request.source == .conversations ? 1 : 0, size: 50).0 }
    }

    // MARK: Plumbing

    /// Reads a private file; an unreadable one has been moved aside (its text is kept there) and a notice says where.
    private static func load<Value>(_ file: PrivateFile<Value>, name: String) -> (Value?, [Action]) {
        do {
            return (try file.load(), [])
        } catch .corrupt(let aside) {
            return (nil, [.noticePosted("The \(name) file could not be read; it was kept as \(aside)", level: .error)])
        } catch {
            return (nil, [.noticePosted("The \(name) file: \(error.description)", level: .error)])
        }
    }

    private func answer(_ call: () async throws -> Action, else failure: (ErrorInfo) -> Action) async -> [Action] {
        switch await result(call) {
        case .success(let action): return [action]
        case .failure(let error): return [failure(ErrorInfo(error))]
        }
    }

    /// The calls throw only `AlloError` (closures cannot state a typed throw without a full signature, hence the cast).
    private func result<T>(_ call: () async throws -> T) async -> Result<T, AlloError> {
        do {
            return .success(try await call())
        } catch let error as AlloError {
            return .failure(error)
        } catch {
            return .failure(.invalidArgument(String(describing: error)))
        }
    }
}
