import AlloKit
import AlloStore
import Foundation

/// Issue 7 §4: the time `reduce` takes per action (navigation, merging a page, and more) with a long history loaded, at
/// several history sizes, to show it does not grow with history. Each figure's samples are rounds of `perRound` actions;
/// the unit is microseconds per action.
struct StoreBenchmarks {
    let histories: [Int]
    let rounds: Int
    let perRound: Int

    private static let number = "+14155550100"
    private static let contact = "+14155551234"
    private static let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    func run() -> [Figure] {
        var figures: [Figure] = []
        for history in histories {
            let group = "reduce per action, \(history.formatted()) inbox entries and \(history.formatted()) timeline items"
            var scenario = Scenario(history: history)
            // Pages and sends add to the history: each figure starts from a fresh state so they all measure at `history`.
            func fresh() { scenario = Scenario(history: history) }
            figures.append(measure(group, "move the timeline selection", &scenario) { s, i in
                s.state.navigation.focus = .timeline
                return .selectionMoved(by: i.isMultiple(of: 2) ? -1 : 1)
            })
            figures.append(measure(group, "move the inbox selection", &scenario) { s, i in
                s.state.navigation.focus = .inbox
                return .selectionMoved(by: i.isMultiple(of: 2) ? 1 : -1)
            })
            fresh()
            figures.append(measure(group, "an inbox page of 50 arrives", &scenario) { s, _ in
                s.nextInboxPage()
            })
            fresh()
            figures.append(measure(group, "an older timeline page of 50 arrives", &scenario) { s, _ in
                s.nextOlderTimelinePage()
            })
            fresh()
            figures.append(measure(group, "a live refresh brings 1 inbound SMS", &scenario) { s, _ in
                s.liveRefresh()
            })
            figures.append(measure(group, "a character typed in compose", &scenario) { _, i in
                .composeTextChanged(String(repeating: "a", count: 1 + i % 40))
            })
            fresh()
            figures.append(measure(group, "an SMS confirmed, then sent", &scenario) { s, i in
                if i.isMultiple(of: 2) {
                    s.state.compose.text = "See you at 10"
                    s.state.compose.confirming = true
                    return .sendConfirmed
                }
                let id = s.state.compose.nextOutboxID - 1
                return .smsSent(outboxID: id, TimelineItem(id: "sent-\(id)", date: s.state.status.now, direction: .outbound,
                                                            content: .sms(SMSInfo(text: "See you at 10", delivery: .api("SENT")))))
            })
            figures.append(measure(group, "a clock tick", &scenario) { s, i in
                s.state.live.nextRefreshAt = Self.t0.addingTimeInterval(1e9)
                return .tick(Self.t0.addingTimeInterval(Double(i)))
            })
            // Filtering scans what is loaded by nature; shown apart so the figures above stay honest.
            fresh()
            figures.append(measure(group, "filter keystroke (scans the loaded entries)", &scenario, perRound: 10) { _, i in
                .filterChanged(i.isMultiple(of: 2) ? "smi" : "")
            })
            // Typing on narrows: only the previous matches (1 entry in 7 here) are scanned again.
            fresh()
            _ = reduce(into: &scenario.state, action: .filterChanged("smi"))
            figures.append(measure(group, "filter narrowed by one more character (scans the previous matches)", &scenario,
                                   perRound: 10) { s, _ in
                _ = reduce(into: &s.state, action: .filterChanged("smi"))
                return .filterChanged("smit")
            })
        }
        return figures
    }

    /// Times `perRound` actions per round, building each action (untimed) from the scenario just before it.
    private func measure(_ group: String, _ name: String, _ scenario: inout Scenario, perRound: Int? = nil,
                         _ next: (inout Scenario, Int) -> Action) -> Figure {
        let perRound = perRound ?? self.perRound
        var samples: [Double] = []
        var i = 0
        for _ in 0..<rounds {
            var total: Duration = .zero
            for _ in 0..<perRound {
                let action = next(&scenario, i)
                i += 1
                let start = ContinuousClock.now
                _ = reduce(into: &scenario.state, action: action)
                total += ContinuousClock.now - start
            }
            let (seconds, attoseconds) = total.components
            samples.append((Double(seconds) * 1e6 + Double(attoseconds) / 1e12) / Double(perRound))
        }
        return Figure(group: group, name: name, unit: "µs", samples: samples, higherIsBetter: false)
    }

    /// A state as a long session leaves it: a v2 key, one number, `history` conversations and as many items in the open one.
    struct Scenario {
        var state = AppState()
        private var page = 2
        private var olderPage = 2
        private var serial = 0

        init(history: Int) { self.init(inbox: history, timeline: history) }

        /// `inbox` conversations (or, with `source` `.contacts`, v1 contacts) and `timeline` items in the open conversation.
        /// `headroom` spare inbox capacity keeps timed page merges from reallocating the whole array.
        init(inbox: Int, timeline: Int, source: InboxSource = .conversations, headroom: Int = 200_000) {
            let history = timeline
            state.session.identity = .loaded(Identity(apiKeyID: "api-bench", scopes: ["CONVERSATIONS_READ", "PHONE_NUMBERS_READ",
                                                                                        "SMS_SEND", "CONTACTS_READ"]))
            state.session.hasV2 = true
            state.numbers.list = .loaded([NumberInfo(number: StoreBenchmarks.number, name: "Main", country: "US")])
            state.numbers.selected = StoreBenchmarks.number
            state.inbox.alloNumber = StoreBenchmarks.number
            state.inbox.source = source
            state.inbox.nextPage = 2
            state.inbox.entries.reserveCapacity(inbox + headroom)
            for n in 0..<inbox { state.inbox.entries.append(Self.entry(n, source: source)) }
            // As the reducers keep it: otherwise the first merge rebuilds it and that one action times the rebuild.
            state.inbox.ids = Set(state.inbox.entries.map(\.id))
            let key = ConversationKey(alloNumber: StoreBenchmarks.number, contactNumber: StoreBenchmarks.contact,
                                      contactID: source == .contacts ? "contact-bench" : nil)
            state.timeline.key = key
            state.timeline.source = source
            state.timeline.nextOlderPage = 2
            for n in 0..<history {
                let item = Self.sms("msg-\(n)", at: Double(n - history) * 60, inbound: n.isMultiple(of: 2))
                state.timeline.items.append(item)
                state.timeline.ids.insert(item.id)
            }
            state.timeline.cursor.select(history - 1, count: history)
            state.compose.recipient = StoreBenchmarks.contact
            state.compose.sender = .number(StoreBenchmarks.number)
            state.status.now = StoreBenchmarks.t0
        }

        static func entry(_ n: Int, source: InboxSource = .conversations) -> InboxEntry {
            let digits = String(n)
            let number = "+1415" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
            return InboxEntry(key: ConversationKey(alloNumber: StoreBenchmarks.number, contactNumber: number,
                                                   contactID: source == .contacts ? "contact-\(n)" : nil),
                       title: n.isMultiple(of: 7) ? "Smith \(n)" : "Contact \(n)",
                       lastActivity: StoreBenchmarks.t0.addingTimeInterval(Double(-n) * 60), snippet: "Thanks, talk soon")
        }

        static func sms(_ id: String, at seconds: Double, inbound: Bool) -> TimelineItem {
            TimelineItem(id: id, date: StoreBenchmarks.t0.addingTimeInterval(seconds), direction: inbound ? .inbound : .outbound,
                         content: .sms(SMSInfo(text: "Can we move the call to Thursday?", delivery: .api("DELIVERED"))),
                         contactNumber: StoreBenchmarks.contact)
        }

        mutating func nextInboxPage() -> Action {
            let request = InboxRequest(alloNumber: StoreBenchmarks.number, source: .conversations, page: page)
            state.inbox.status = .loading(page: page)
            let base = 10_000_000 + page * 50
            page += 1
            return .inboxPageLoaded(request, (0..<50).map { Self.entry(base + $0) }, nextPage: page)
        }

        mutating func nextOlderTimelinePage() -> Action {
            guard let key = state.timeline.key else { return .tick(StoreBenchmarks.t0) }
            let request = TimelineRequest(key: key, source: .conversations, page: olderPage)
            state.timeline.status = .loading(page: olderPage)
            let oldest = state.timeline.items.first?.date ?? StoreBenchmarks.t0
            let items = (0..<50).map { n in
                TimelineItem(id: "old-\(olderPage)-\(n)", date: oldest.addingTimeInterval(Double(-(n + 1)) * 60),
                             direction: .inbound, content: .sms(SMSInfo(text: "Earlier", delivery: .api("DELIVERED"))),
                             contactNumber: StoreBenchmarks.contact)
            }
            olderPage += 1
            return .timelinePageLoaded(request, items, nextPage: olderPage)
        }

        mutating func liveRefresh() -> Action {
            serial += 1
            let at = StoreBenchmarks.t0.addingTimeInterval(Double(serial))
            let request = RefreshRequest(alloNumber: StoreBenchmarks.number, source: .conversations,
                                         since: state.live.lastSync[StoreBenchmarks.number], openConversation: state.timeline.key)
            state.live.inFlight = true
            var entry = Self.entry(serial % 1000)
            entry.lastActivity = at
            entry.snippet = "New message \(serial)"
            let item = TimelineItem(id: "live-\(serial)", date: at, direction: .inbound,
                                    content: .sms(SMSInfo(text: "New message \(serial)", delivery: .api("DELIVERED"))),
                                    contactNumber: StoreBenchmarks.contact)
            return .refreshed(request, [entry], newest: [item], at: at)
        }
    }
}
