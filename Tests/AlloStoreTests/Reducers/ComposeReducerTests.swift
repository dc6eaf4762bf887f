import AlloKit
@testable import AlloStore
import Foundation
import Testing

@Suite struct ComposeReducerTests {
    static let text = "See you at 10"
    static let contact = "+14155551234"

    /// `TL.key` open with one inbound SMS at minute 90 (selected), the box on it holding `text`, the clock at minute 100.
    static func ready(text: String = "", state: AppState = TL.base()) -> AppState {
        var state = TL.loaded([Make.sms("msg-1", at: 90)], into: state)
        state.compose.conversation = TL.key
        state.compose.recipient = contact
        state.compose.sender = .number(TL.line)
        state.compose.text = text
        state.compose.validation = text.isEmpty ? TL.emptyText : TL.valid(text)
        return state
    }

    static func entry(_ id: Int = 1, text: String = text, state: OutboxEntry.State = .sending) -> OutboxEntry {
        OutboxEntry(id: id, key: TL.key, sender: .number(TL.line), recipient: contact, text: text, state: state,
                    date: Make.date(100))
    }

    static func item(_ delivery: Delivery, id: Int = 1, text: String = text) -> TimelineItem {
        TimelineItem(id: "local-\(id)", date: Make.date(100), direction: .outbound,
                     content: .sms(SMSInfo(text: text, delivery: delivery)), contactNumber: contact)
    }

    static func request(revision: Int = 1) -> SendRequest {
        SendRequest(outboxID: 1, sender: .number(TL.line), recipient: contact, text: text, outboxRevision: revision)
    }

    /// The drafts file at revision `n`: the open conversation's draft `box` (none when blank) and `others`.
    /// (`after`: the outbox revision to be on disk first.)
    static func drafts(_ n: Int, _ box: String, _ others: [DraftRecord] = [], after: Int = 0) -> Effect {
        let records = (box.allSatisfy(\.isWhitespace) ? [] : [DraftRecord(key: TL.key, text: box)]) + others
        return .saveDrafts(Revision(n, records.sorted { $0.key.contactNumber < $1.key.contactNumber }, after: after))
    }

    /// The outbox file at revision `n`.
    static func outbox(_ n: Int, _ entries: [OutboxEntry], settled: [SettledSend] = []) -> Effect {
        .saveOutbox(Revision(n, OutboxSnapshot(entries: entries, settled: settled)))
    }

    /// Confirms `text` from `ready(text:)`: outbox entry 1, saved (revision 1) before its POST, its pending item after
    /// msg-1, the box empty.
    static func sent(state: AppState = ready(text: text)) -> TestStore {
        var store = TestStore(state)
        store.arrange { $0.compose.confirming = true }
        store.send(.sendConfirmed, effects: [outbox(1, [entry()]), .sendSMS(request()), drafts(1, "", after: 1)]) {
            $0.compose.outbox = [entry()]
            $0.compose.nextOutboxID = 2
            $0.compose.outboxRevision = 1
            $0.compose.draftsRevision = 1
            $0.compose.text = ""
            $0.compose.validation = TL.emptyText
            $0.compose.confirming = false
            $0.timeline.items.append(item(.pending(outboxID: 1)))
            $0.timeline.ids.insert("local-1")
            $0.timeline.cursor.selected = 1
        }
        return store
    }

    // MARK: Validation, rule by rule

    @Test func anEmptyTextCannotBeSent() {
        var store = TestStore(Self.ready(text: "hi"))
        store.send(.composeTextChanged(""), effects: [Self.drafts(1, "")]) {
            $0.compose.draftsRevision = 1
            $0.compose.text = ""
            $0.compose.validation = ComposeValidation(problems: ["the message is empty"], segments: SMSSegments.count(""))
        }
    }

    @Test func moreThanAThousandCharactersCannotBeSent() {
        var store = TestStore(Self.ready())
        let long = String(repeating: "a", count: 1001)
        store.send(.composeTextChanged(long), effects: [Self.drafts(1, long)]) {
            $0.compose.draftsRevision = 1
            $0.compose.text = long
            $0.compose.validation = ComposeValidation(
                problems: ["the message has 1001 characters, more than 1000: shorten it by 1"],
                segments: SMSSegmentInfo(encoding: .gsm7, units: 1001, segments: 7, perSegment: 153, remainingInSegment: 70))
        }
        let limit = String(repeating: "a", count: 1000)
        store.send(.composeTextChanged(limit), effects: [Self.drafts(2, limit)]) {
            $0.compose.draftsRevision = 2
            $0.compose.text = limit
            $0.compose.validation = ComposeValidation(
                problems: [], segments: SMSSegmentInfo(encoding: .gsm7, units: 1000, segments: 7, perSegment: 153,
                                                       remainingInSegment: 71))
        }
    }

    @Test func theRecipientMustBeStrictE164() {
        var store = TestStore(Self.ready(text: "hi"))
        store.send(.composeRecipientChanged("+1 415 555 1234")) {
            $0.compose.recipient = "+1 415 555 1234"
            $0.compose.validation.problems = ["write the recipient as +14155551234 (E.164, no spaces or punctuation)"]
        }
        store.send(.composeRecipientChanged("12345")) {
            $0.compose.recipient = "12345"
            $0.compose.validation.problems = ["the recipient 12345 is not an E.164 phone number (+, country code, number)"]
        }
        store.send(.composeRecipientChanged("")) {
            $0.compose.recipient = ""
            $0.compose.validation.problems = ["no recipient: enter a number in E.164, like +33612345678"]
        }
        store.send(.composeRecipientChanged(Self.contact)) {
            $0.compose.recipient = Self.contact
            $0.compose.validation.problems = []
        }
    }

    @Test func aSenderIDNeedsAFrenchRecipient() {
        var store = TestStore(Self.ready(text: "hi"))
        store.send(.senderChosen(.senderID("MaisonLum"))) {
            $0.compose.sender = .senderID("MaisonLum")
            $0.compose.validation.problems = ["a sender ID can only text +33 numbers: send to +1 from an Allo number of that country"]
        }
        store.send(.composeRecipientChanged("+33612345678")) {
            $0.compose.recipient = "+33612345678"
            $0.compose.validation.problems = []
        }
    }

    @Test func aSenderIDIsOneToElevenASCIILettersOrDigits() {
        var state = Self.ready(text: "hi")
        state.compose.recipient = "+33612345678"
        var store = TestStore(state)
        store.send(.senderChosen(.senderID("MaisonLumier"))) {
            $0.compose.sender = .senderID("MaisonLumier")
            $0.compose.validation.problems = ["the sender ID \"MaisonLumier\" must be 1 to 11 ASCII letters or digits"]
        }
        store.send(.senderChosen(.senderID("Maison Lum"))) {
            $0.compose.sender = .senderID("Maison Lum")
            $0.compose.validation.problems = ["the sender ID \"Maison Lum\" must be 1 to 11 ASCII letters or digits"]
        }
        store.send(.senderChosen(.senderID("MaisonLumie"))) {
            $0.compose.sender = .senderID("MaisonLumie")
            $0.compose.validation.problems = []
        }
    }

    @Test func anAlloNumberTextingItsOwnCountryIsNeverBlockedPlus33Included() {
        var store = TestStore(Self.ready(text: "Bonjour"))
        store.send(.senderChosen(.number("+33612345678"))) {
            $0.compose.sender = .number("+33612345678")
            $0.compose.validation.problems = [try! Self.sdkRefusal(from: "+33612345678", to: Self.contact)]
        }
        store.send(.composeRecipientChanged("+33698765432")) {
            $0.compose.recipient = "+33698765432"
            $0.compose.validation.problems = []
        }
    }

    @Test func anotherCountryIsRefusedInTheSDKsWords() throws {
        var store = TestStore(Self.ready(text: "hi"))
        let refusal = try Self.sdkRefusal(from: TL.line, to: "+33698765432")
        #expect(refusal.contains("TO_NUMBER_COUNTRY_MISMATCH"))
        store.send(.composeRecipientChanged("+33698765432")) {
            $0.compose.recipient = "+33698765432"
            $0.compose.validation.problems = [refusal]
        }
    }

    @Test func aKeyWithoutSMSSendCannotSend() {
        var store = TestStore(Self.ready(state: TL.base(scopes: ["CONVERSATIONS_READ"])))
        store.send(.composeTextChanged("hi"), effects: [Self.drafts(1, "hi")]) {
            $0.compose.draftsRevision = 1
            $0.compose.text = "hi"
            $0.compose.validation = ComposeValidation(problems: ["this API key cannot send SMS: it needs the SMS_SEND scope"],
                                                      segments: SMSSegments.count("hi"))
        }
    }

    @Test func aLineWithoutSMSCapabilityCannotSend() {
        var state = TL.base()
        state.numbers.list = .loaded([NumberInfo(number: TL.line, canText: false)])
        var store = TestStore(Self.ready(state: state))
        store.send(.composeTextChanged("hi"), effects: [Self.drafts(1, "hi")]) {
            $0.compose.draftsRevision = 1
            $0.compose.text = "hi"
            $0.compose.validation = ComposeValidation(problems: ["+14155550100 cannot send SMS (no SMS capability on this line)"],
                                                      segments: SMSSegments.count("hi"))
        }
    }

    @Test func segmentsAreCountedInGSM7OrUCS2() {
        var store = TestStore(Self.ready())
        let cases: [(String, SMSSegmentInfo)] = [
            (String(repeating: "a", count: 160), SMSSegmentInfo(encoding: .gsm7, units: 160, segments: 1, perSegment: 160, remainingInSegment: 0)),
            (String(repeating: "a", count: 161), SMSSegmentInfo(encoding: .gsm7, units: 161, segments: 2, perSegment: 153, remainingInSegment: 145)),
            ("Price: 10€", SMSSegmentInfo(encoding: .gsm7, units: 11, segments: 1, perSegment: 160, remainingInSegment: 149)),
            ("À l'été", SMSSegmentInfo(encoding: .ucs2, units: 7, segments: 1, perSegment: 70, remainingInSegment: 63)),
            (String(repeating: "ê", count: 71), SMSSegmentInfo(encoding: .ucs2, units: 71, segments: 2, perSegment: 67, remainingInSegment: 63)),
        ]
        for (index, (text, segments)) in cases.enumerated() {
            store.send(.composeTextChanged(text), effects: [Self.drafts(index + 1, text)]) {
                $0.compose.draftsRevision = index + 1
                $0.compose.text = text
                $0.compose.validation = ComposeValidation(problems: [], segments: segments)
            }
        }
    }

    static func sdkRefusal(from: String, to: String) throws -> String {
        do {
            try SMSRules.validate(from: from, to: to, message: "hi")
        } catch {
            if case .invalidArgument(let message) = error { return message }
        }
        throw CancellationError()
    }

    // MARK: Confirming and sending

    @Test func sendAsksForConfirmationAndCancelDropsIt() {
        var store = TestStore(Self.ready(text: Self.text))
        store.send(.sendTapped) { $0.compose.confirming = true }
        store.send(.sendCancelled) { $0.compose.confirming = false }
    }

    @Test func sendWithProblemsListsThemAndDoesNotConfirm() {
        var state = Self.ready()
        state.compose.recipient = "12345"
        var store = TestStore(state)
        store.send(.sendTapped) {
            let problems = ["the message is empty", "the recipient 12345 is not an E.164 phone number (+, country code, number)"]
            $0.compose.validation.problems = problems
            StatusReducer.notify("Not sent: " + problems.joined(separator: "; "), level: .error, in: &$0)
        }
        #expect(store.state.status.toasts.last?.text.contains("the message is empty") == true)
        #expect(store.state.compose.confirming == false)
    }

    @Test func editingWhileConfirmingCancelsTheConfirmation() {
        var store = TestStore(Self.ready(text: Self.text))
        store.send(.sendTapped) { $0.compose.confirming = true }
        store.send(.composeTextChanged("See you at 11"), effects: [Self.drafts(1, "See you at 11")]) {
            $0.compose.draftsRevision = 1
            $0.compose.text = "See you at 11"
            $0.compose.validation = TL.valid("See you at 11")
            $0.compose.confirming = false
        }
        store.send(.sendConfirmed)
    }

    @Test func confirmingSavesTheOutboxBeforeThePOSTAndShowsThePendingItem() {
        let store = Self.sent()
        #expect(store.state.timeline.selectedItem?.id == "local-1")
        #expect(store.state.compose.drafts.isEmpty)
        // The POST waits for the outbox revision that holds it.
        #expect(Self.request().outboxRevision == store.state.compose.outboxRevision)
    }

    @Test func confirmingASavedDraftRemovesIt() {
        var state = Self.ready(text: Self.text)
        state.compose.drafts = [TL.key: Self.text, TL.other: "for B"]
        var store = TestStore(state)
        store.arrange { $0.compose.confirming = true }
        store.send(.sendConfirmed, effects: [Self.outbox(1, [Self.entry()]), .sendSMS(Self.request()),
                                            Self.drafts(1, "", [DraftRecord(key: TL.other, text: "for B")], after: 1)]) {
            $0.compose.outbox = [Self.entry()]
            $0.compose.nextOutboxID = 2
            $0.compose.outboxRevision = 1
            $0.compose.draftsRevision = 1
            $0.compose.text = ""
            $0.compose.validation = TL.emptyText
            $0.compose.confirming = false
            $0.compose.drafts = [TL.other: "for B"]
            $0.timeline.items.append(Self.item(.pending(outboxID: 1)))
            $0.timeline.ids.insert("local-1")
            $0.timeline.cursor.selected = 1
        }
    }

    @Test func withTheServersClockAheadThePendingItemStillGoesLast() {
        var state = Self.ready(text: Self.text, state: TL.base())
        let ahead = Make.sms("msg-2", at: 105)
        state.timeline.items.append(ahead)
        state.timeline.ids.insert("msg-2")
        state.timeline.cursor.selected = 1
        state.compose.confirming = true
        var store = TestStore(state)
        var entry = Self.entry()
        entry.date = Make.date(105)
        var pending = Self.item(.pending(outboxID: 1))
        pending.date = Make.date(105)
        store.send(.sendConfirmed, effects: [Self.outbox(1, [entry]), .sendSMS(Self.request()), Self.drafts(1, "", after: 1)]) {
            $0.compose.outbox = [entry]
            $0.compose.nextOutboxID = 2
            $0.compose.outboxRevision = 1
            $0.compose.draftsRevision = 1
            $0.compose.text = ""
            $0.compose.validation = TL.emptyText
            $0.compose.confirming = false
            $0.timeline.items.append(pending)
            $0.timeline.ids.insert("local-1")
            $0.timeline.cursor.selected = 2
        }
        let answer = TL.out("sent-1", at: 100, Self.text)
        store.send(.smsSent(outboxID: 1, answer), effects: [Self.outbox(2, [], settled: [Self.settled(answer.date)])]) {
            $0.compose.outbox = []
            $0.compose.outboxRevision = 2
            $0.compose.settled = [Self.settled(answer.date)]
            pending.content = .sms(SMSInfo(text: Self.text, delivery: .api("SENT")))
            $0.timeline.items[2] = pending
        }
    }

    static func settled(_ serverDate: Date, id: String? = nil, text: String = text) -> SettledSend {
        SettledSend(recipient: contact, sender: .number(TL.line), text: text, serverID: id, serverDate: serverDate,
                    settledAt: Make.date(100))
    }

    @Test func aSendToAnotherPartyIsNotShownInTheOpenConversation() {
        var state = Self.ready(text: Self.text)
        state.compose.recipient = "+14155550000"
        state.compose.confirming = true
        var store = TestStore(state)
        let entry = OutboxEntry(id: 1, key: Make.key("+14155550000", on: TL.line), sender: .number(TL.line),
                                recipient: "+14155550000", text: Self.text, date: Make.date(100))
        let request = SendRequest(outboxID: 1, sender: .number(TL.line), recipient: "+14155550000", text: Self.text,
                                  outboxRevision: 1)
        store.send(.sendConfirmed, effects: [Self.outbox(1, [entry]), .sendSMS(request), Self.drafts(1, "", after: 1)]) {
            $0.compose.outbox = [entry]
            $0.compose.nextOutboxID = 2
            $0.compose.outboxRevision = 1
            $0.compose.draftsRevision = 1
            $0.compose.text = ""
            $0.compose.validation = TL.emptyText
            $0.compose.confirming = false
        }
    }

    @Test func theConfirmedSMSReplacesItsPendingItemInPlaceAndTheServersCopyDoesNotDuplicateIt() {
        var store = Self.sent()
        let reply = Make.sms("msg-2", at: 101, "great")
        store.call("reply arrives", { _ = TimelineReducer.mergeNewest([reply], for: TL.key, in: &$0); return [] }) {
            $0.timeline.items.append(reply)
            $0.timeline.ids.insert("msg-2")
        }
        let answer = TimelineItem(id: "sent-1", date: Make.date(100.2), direction: .outbound,
                                  content: .sms(SMSInfo(text: Self.text, delivery: .api("SENT"))), contactNumber: Self.contact)
        store.send(.smsSent(outboxID: 1, answer), effects: [Self.outbox(2, [], settled: [Self.settled(answer.date)])]) {
            $0.compose.outbox = []
            $0.compose.outboxRevision = 2
            $0.compose.settled = [Self.settled(answer.date)]
            $0.timeline.items[1] = Self.item(.api("SENT"))
        }
        #expect(TL.ids(store.state) == ["msg-1", "local-1", "msg-2"])
        // The next refresh brings the server's own item for it: it takes the local one's place, once.
        let copy = TL.out("msg-50", at: 100.3, Self.text, status: "DELIVERED")
        store.call("refresh", { _ = TimelineReducer.mergeNewest([copy, reply], for: TL.key, in: &$0); return [] }) {
            $0.timeline.items = [Make.sms("msg-1", at: 90), copy, reply]
            $0.timeline.ids = ["msg-1", "msg-50", "msg-2"]
        }
        // A stale answer for the same send changes nothing.
        store.send(.smsSent(outboxID: 1, answer))
    }

    @Test func whenARefreshOvertakesTheAnswerThePendingItemLeaves() {
        var store = Self.sent()
        let copy = TL.out("msg-50", at: 100.1, Self.text)
        store.call("refresh", { _ = TimelineReducer.mergeNewest([copy], for: TL.key, in: &$0); return [] }) {
            $0.timeline.items.append(copy)
            $0.timeline.ids.insert("msg-50")
        }
        let answer = TL.out("sent-1", at: 100.2, Self.text)
        store.send(.smsSent(outboxID: 1, answer), effects: [Self.outbox(2, [], settled: [Self.settled(answer.date)])]) {
            $0.compose.outbox = []
            $0.compose.outboxRevision = 2
            $0.compose.settled = [Self.settled(answer.date)]
            $0.timeline.items = [Make.sms("msg-1", at: 90), copy]
            $0.timeline.ids = ["msg-1", "msg-50"]
        }
    }

    // MARK: Not sent: the API said it did not act

    @Test func aSendTheAPIRefusedIsNotSentKeepsItsTextAndIsRetriedOnlyWhenAsked() {
        var store = Self.sent()
        store.send(.smsSendFailed(outboxID: 1, TL.rateLimited), effects: [Self.outbox(2, [Self.entry(state: .failed(TL.rateLimited))])]) {
            $0.compose.outbox[0].state = .failed(TL.rateLimited)
            $0.compose.outboxRevision = 2
            $0.timeline.items[1] = Self.item(.failed(outboxID: 1, TL.rateLimited))
            StatusReducer.report(TL.rateLimited, in: &$0)
        }
        store.send(.retryTapped(outboxID: 1), effects: [Self.outbox(3, [Self.entry()]), .sendSMS(Self.request(revision: 3))]) {
            $0.compose.outbox[0].state = .sending
            $0.compose.outboxRevision = 3
            $0.timeline.items[1] = Self.item(.pending(outboxID: 1))
        }
        // A second tap while it is in flight sends nothing more.
        store.send(.retryTapped(outboxID: 1))
        let answer = TL.out("sent-1", at: 100, Self.text)
        store.send(.smsSent(outboxID: 1, answer), effects: [Self.outbox(4, [], settled: [Self.settled(answer.date)])]) {
            $0.compose.outbox = []
            $0.compose.outboxRevision = 4
            $0.compose.settled = [Self.settled(answer.date)]
            $0.timeline.items[1] = Self.item(.api("SENT"))
        }
    }

    @Test func aRefusedConnectionIsNotSentAndALostOneIsUnknown() {
        let lost = ErrorInfo(AlloError.transport(request: "POST /v1/api/sms",
                                                 failure: TransportFailure(.connectionLost, message: "connection lost")))
        let refused = ErrorInfo(AlloError.transport(request: "POST /v1/api/sms",
                                                    failure: TransportFailure(.connectionRefused, message: "connection refused")))
        var unknownStore = Self.sent()
        unknownStore.send(.smsSendFailed(outboxID: 1, lost), effects: Self.unknownEffects(lost)) {
            Self.becameUnknown(lost, in: &$0)
        }
        var refusedStore = Self.sent()
        refusedStore.send(.smsSendFailed(outboxID: 1, refused), effects: [Self.outbox(2, [Self.entry(state: .failed(refused))])]) {
            $0.compose.outbox[0].state = .failed(refused)
            $0.compose.outboxRevision = 2
            $0.timeline.items[1] = Self.item(.failed(outboxID: 1, refused))
            StatusReducer.report(refused, in: &$0)
        }
    }

    // MARK: Unknown: no clear answer, the server is checked

    static let firstLook = UnknownSend(cause: TL.serverError, round: 1, check: 0, place: .automatic)

    static func check(_ index: Int, round: Int = 1, place: SentSMSPlace = .automatic, delay: Duration) -> SendCheck {
        SendCheck(outboxID: 1, round: round, check: index, query: entry().query, place: place, delay: delay)
    }

    static func unknownEffects(_ cause: ErrorInfo) -> [Effect] {
        var unknown = firstLook
        unknown.cause = cause
        return [outbox(2, [entry(state: .unknown(unknown))]), .checkSend(check(0, delay: .zero))]
    }

    /// What `smsSendFailed` with an unclear `cause` does to the state of `sent()`: no toast, the send unknown.
    static func becameUnknown(_ cause: ErrorInfo, in state: inout AppState) {
        var unknown = firstLook
        unknown.cause = cause
        state.compose.outbox[0].state = .unknown(unknown)
        state.compose.checkRounds = 1
        state.compose.outboxRevision = 2
        state.timeline.items[1] = item(.unknown(outboxID: 1, unknown))
    }

    /// `sent()` after a 502: unknown, the first look asked for.
    static func unknown() -> TestStore {
        var store = sent()
        store.send(.smsSendFailed(outboxID: 1, TL.serverError), effects: unknownEffects(TL.serverError)) {
            becameUnknown(TL.serverError, in: &$0)
        }
        return store
    }

    static func set(_ unknown: UnknownSend, in state: inout AppState) {
        state.compose.outbox[0].state = .unknown(unknown)
        state.timeline.items[1] = item(.unknown(outboxID: 1, unknown))
    }

    @Test func a5xxIsUnknownNeverNotSentAndNoErrorToastSaysOtherwise() {
        let store = Self.unknown()
        #expect(store.state.status.toasts.isEmpty)
        #expect(TL.serverError.mayHaveBeenDone)
    }

    @Test func looksFollowTheScheduleAndAfterTheWindowTheSendIsNotFoundYet() {
        var store = Self.unknown()
        let nothing = SentSMSLookup(matches: [], place: .v2)
        var unknown = Self.firstLook
        unknown.looked = true
        unknown.place = .v2
        let times = SentSMSQuery.checkTimes(within: .seconds(10))
        for index in 0..<3 {
            unknown.check = index + 1
            store.send(.sendChecked(Self.check(index, place: index == 0 ? .automatic : .v2, delay: index == 0 ? .zero : times[index] - times[index - 1]),
                                    .looked(nothing)),
                       effects: [.checkSend(Self.check(index + 1, place: .v2, delay: times[index + 1] - times[index]))]) {
                Self.set(unknown, in: &$0)
            }
        }
        unknown.phase = .notFound
        store.send(.sendChecked(Self.check(3, place: .v2, delay: times[3] - times[2]), .looked(nothing)),
                   effects: [Self.outbox(3, [Self.entry(state: .unknown(unknown))])]) {
            Self.set(unknown, in: &$0)
            $0.compose.outboxRevision = 3
        }
        // Nothing is sent by Enter or the retry of a send not sent: Enter looks once more.
        store.send(.retryTapped(outboxID: 1))
        var again = unknown
        again.phase = .checking
        again.round = 2
        again.check = 3
        again.looked = false
        store.send(.checkAgainTapped(outboxID: 1), effects: [.checkSend(Self.check(3, round: 2, place: .v2, delay: .zero))]) {
            Self.set(again, in: &$0)
            $0.compose.checkRounds = 2
        }
    }

    @Test func foundOnTheServerTheSendIsConfirmedAndTakesTheServersCopy() {
        var store = Self.unknown()
        let copy = SentSMS(id: "msg-77", date: Make.date(100.1), to: Self.contact, from: TL.line, senderID: nil,
                           text: Self.text, status: "SENT")
        let server = TimelineItem(id: "msg-77", date: Make.date(100.1), direction: .outbound,
                                  content: .sms(SMSInfo(text: Self.text, delivery: .api("SENT"))), contactNumber: Self.contact)
        let settled = Self.settled(Make.date(100.1), id: "msg-77")
        store.send(.sendChecked(Self.check(0, delay: .zero), .looked(SentSMSLookup(matches: [copy], place: .v2))),
                   effects: [Self.outbox(3, [], settled: [settled])]) {
            $0.compose.outbox = []
            $0.compose.outboxRevision = 3
            $0.compose.settled = [settled]
            $0.timeline.items[1] = server
            $0.timeline.ids = ["msg-1", "msg-77"]
            StatusReducer.notify("SMS to \(Self.contact) confirmed: the server has it", level: .info, in: &$0)
        }
        // Once confirmed, nothing on screen speaks of trouble about it.
        let words = ["unknown", "not found", "may have", "failed", "not sent"]
        let toasts = store.state.status.toasts.map(\.text).joined(separator: " ").lowercased()
        #expect(words.allSatisfy { !toasts.contains($0) })
        // A late look of the same round changes nothing.
        store.send(.sendChecked(Self.check(1, delay: .seconds(2)), .looked(SentSMSLookup(matches: [], place: .v2))))
    }

    @Test func aCopyAnotherSettledSendAccountsForIsNotTakenForThisOne() {
        var store = Self.unknown()
        // The same words, sent a minute earlier and confirmed by the API's answer (dated 99.0 by the server).
        store.arrange { $0.compose.settled = [Self.settled(Make.date(99))] }
        let earlier = SentSMS(id: "msg-70", date: Make.date(99), to: Self.contact, from: TL.line, senderID: nil, text: Self.text)
        var unknown = Self.firstLook
        unknown.looked = true
        unknown.place = .v2
        unknown.check = 1
        store.send(.sendChecked(Self.check(0, delay: .zero), .looked(SentSMSLookup(matches: [earlier], place: .v2))),
                   effects: [.checkSend(Self.check(1, place: .v2, delay: .milliseconds(2500)))]) {
            Self.set(unknown, in: &$0)
        }
        // With a second copy, that one is this send's.
        let second = SentSMS(id: "msg-71", date: Make.date(100.05), to: Self.contact, from: TL.line, senderID: nil, text: Self.text)
        #expect(ComposeReducer.unclaimedCopy([second, earlier], of: Self.entry(), in: store.state) == second)
    }

    @Test func nowhereToLookAndAKeyThatCannotReadSayWhyAndStopLooking() {
        var store = Self.unknown()
        let reason = "no contact has the number \(Self.contact), so the v1 API has no conversation to look in"
        var unknown = Self.firstLook
        unknown.looked = true
        unknown.place = .v1(contactID: nil)
        unknown.phase = .cannotCheck(reason)
        store.send(.sendChecked(Self.check(0, delay: .zero),
                                .looked(SentSMSLookup(matches: [], place: .v1(contactID: nil), cannotLook: reason))),
                   effects: [Self.outbox(3, [Self.entry(state: .unknown(unknown))])]) {
            Self.set(unknown, in: &$0)
            $0.compose.outboxRevision = 3
        }

        var other = Self.unknown()
        let forbidden = ErrorInfo(kind: .http(status: 403), code: "API_KEY_INSUFFICIENT_SCOPE", message: "missing scope",
                                  requiredScopes: ["CONVERSATIONS_READ"])
        var refused = Self.firstLook
        refused.phase = .cannotCheck("this key cannot read the conversation (it needs CONVERSATIONS_READ)")
        other.send(.sendChecked(Self.check(0, delay: .zero), .failed(forbidden)),
                   effects: [Self.outbox(3, [Self.entry(state: .unknown(refused))])]) {
            Self.set(refused, in: &$0)
            $0.compose.outboxRevision = 3
        }
    }

    @Test func whenNoLookSucceedsTheSendCouldNotBeChecked() {
        var store = Self.unknown()
        let offline = ErrorInfo(kind: .network, message: "connection refused", hint: "offline? allo retries on its own")
        let times = SentSMSQuery.checkTimes(within: .seconds(10))
        var unknown = Self.firstLook
        for index in 0..<3 {
            unknown.check = index + 1
            store.send(.sendChecked(Self.check(index, delay: index == 0 ? .zero : times[index] - times[index - 1]), .failed(offline)),
                       effects: [.checkSend(Self.check(index + 1, delay: times[index + 1] - times[index]))]) {
                Self.set(unknown, in: &$0)
            }
        }
        unknown.phase = .checkFailed(offline)
        store.send(.sendChecked(Self.check(3, delay: times[3] - times[2]), .failed(offline)),
                   effects: [Self.outbox(3, [Self.entry(state: .unknown(unknown))])]) {
            Self.set(unknown, in: &$0)
            $0.compose.outboxRevision = 3
        }
    }

    // MARK: Sending an unknown send again: explicit, confirmed twice, only after the window

    @Test func resendIsRefusedWhileCheckingThenAsksASecondConfirmationThenSendsOnce() {
        var store = Self.unknown()
        store.send(.resendTapped(outboxID: 1)) {
            StatusReducer.notify("Still checking the server for this SMS: wait for the answer", level: .notice, in: &$0)
        }
        store.send(.resendConfirmed(outboxID: 1))
        var notFound = Self.firstLook
        notFound.phase = .notFound
        notFound.looked = true
        store.arrange { Self.set(notFound, in: &$0) }
        store.send(.resendTapped(outboxID: 1)) { $0.navigation.input = .confirmResend(outboxID: 1) }
        // "n" (any other key): nothing is sent.
        store.send(.inputCancelled) { $0.navigation.input = nil }
        store.send(.resendTapped(outboxID: 1)) { $0.navigation.input = .confirmResend(outboxID: 1) }
        store.send(.inputSubmitted, effects: [Self.outbox(3, [Self.entry()]), .sendSMS(Self.request(revision: 3))]) {
            $0.navigation.input = nil
            $0.compose.outbox[0].state = .sending
            $0.compose.outboxRevision = 3
            $0.timeline.items[1] = Self.item(.pending(outboxID: 1))
        }
        // Confirming again sends nothing more: it is in flight.
        store.send(.resendConfirmed(outboxID: 1))
    }

    // MARK: Editing a send

    @Test func editAfterNotSentBringsTheTextBack() {
        var store = Self.sent()
        store.send(.smsSendFailed(outboxID: 1, TL.rateLimited), effects: [Self.outbox(2, [Self.entry(state: .failed(TL.rateLimited))])]) {
            $0.compose.outbox[0].state = .failed(TL.rateLimited)
            $0.compose.outboxRevision = 2
            $0.timeline.items[1] = Self.item(.failed(outboxID: 1, TL.rateLimited))
            StatusReducer.report(TL.rateLimited, in: &$0)
        }
        store.send(.editTapped(outboxID: 1), effects: [Self.outbox(3, []), Self.drafts(2, Self.text, after: 3)]) {
            $0.compose.outbox = []
            $0.compose.outboxRevision = 3
            $0.compose.draftsRevision = 2
            $0.compose.text = Self.text
            $0.compose.validation = TL.valid(Self.text)
            $0.timeline.items.removeLast()
            $0.timeline.ids.remove("local-1")
            $0.timeline.cursor.selected = 0
            $0.navigation.focus = .compose
        }
    }

    @Test func editingAnUnknownSendWaitsForTheWindowAndItsSendNamesTheRisk() {
        var store = Self.unknown()
        store.send(.editTapped(outboxID: 1)) {
            StatusReducer.notify("Still checking the server for this SMS: wait for the answer", level: .notice, in: &$0)
        }
        var notFound = Self.firstLook
        notFound.phase = .notFound
        store.arrange { Self.set(notFound, in: &$0) }
        store.send(.editTapped(outboxID: 1), effects: [Self.outbox(3, []), Self.drafts(2, Self.text, after: 3)]) {
            $0.compose.outbox = []
            $0.compose.outboxRevision = 3
            $0.compose.draftsRevision = 2
            $0.compose.unknownText = Self.text
            $0.compose.text = Self.text
            $0.compose.validation = TL.valid(Self.text)
            $0.timeline.items.removeLast()
            $0.timeline.ids.remove("local-1")
            $0.timeline.cursor.selected = 0
            $0.navigation.focus = .compose
        }
    }

    @Test func editIsRefusedWhileTheBoxHoldsAnotherMessage() {
        var store = Self.sent()
        store.send(.smsSendFailed(outboxID: 1, TL.rateLimited), effects: [Self.outbox(2, [Self.entry(state: .failed(TL.rateLimited))])]) {
            $0.compose.outbox[0].state = .failed(TL.rateLimited)
            $0.compose.outboxRevision = 2
            $0.timeline.items[1] = Self.item(.failed(outboxID: 1, TL.rateLimited))
            StatusReducer.report(TL.rateLimited, in: &$0)
        }
        store.send(.composeTextChanged("something else"), effects: [Self.drafts(2, "something else", after: 2)]) {
            $0.compose.draftsRevision = 2
            $0.compose.text = "something else"
            $0.compose.validation = TL.valid("something else")
        }
        store.send(.editTapped(outboxID: 1)) {
            StatusReducer.notify("The compose box holds another message: send or clear it before editing this one",
                                 level: .notice, in: &$0)
        }
        #expect(store.state.compose.outbox.count == 1)
        #expect(store.state.compose.text == "something else")
    }

    @Test func editIsRefusedWhileSending() {
        var store = Self.sent()
        store.send(.editTapped(outboxID: 1)) {
            StatusReducer.notify("Still sending: wait for the answer before editing", level: .notice, in: &$0)
        }
    }

    @Test func aPendingSendSurvivesSwitchingAwayAndBack() {
        var store = Self.sent()
        store.call("open B", effects: [.loadTimelinePage(TL.request(TL.other, page: 1))],
                   { TimelineReducer.open(TL.other, in: &$0) }) {
            $0.timeline = TimelineState()
            $0.timeline.key = TL.other
            $0.timeline.status = .loading(page: 1)
        }
        store.call("open A", effects: [.loadTimelinePage(TL.request(page: 1))], { TimelineReducer.open(TL.key, in: &$0) }) {
            $0.timeline.key = TL.key
            $0.timeline.items = [Self.item(.pending(outboxID: 1))]
            $0.timeline.ids = ["local-1"]
        }
        store.send(.timelinePageLoaded(TL.request(page: 1), [Make.sms("msg-1", at: 90)], nextPage: nil)) {
            $0.timeline.items.prepend(Make.sms("msg-1", at: 90))
            $0.timeline.ids.insert("msg-1")
            $0.timeline.cursor.selected = 1
            $0.timeline.status = .idle
        }
        let answer = TL.out("sent-1", at: 100, Self.text)
        store.send(.smsSent(outboxID: 1, answer), effects: [Self.outbox(2, [], settled: [Self.settled(answer.date)])]) {
            $0.compose.outbox = []
            $0.compose.outboxRevision = 2
            $0.compose.settled = [Self.settled(answer.date)]
            $0.timeline.items[1] = Self.item(.api("SENT"))
        }
    }

    // MARK: The outbox after a restart

    @Test func aSendInFlightWhenTheClientStoppedIsUnknownAfterRestartAndCheckedNeverResent() {
        var store = TestStore(Self.ready())
        let notSent = Self.entry(2, text: "not sent", state: .failed(TL.rateLimited))
        let old = Self.settled(Make.date(95))
        var restored = Self.firstLook
        restored.cause = ComposeReducer.stoppedInFlight
        let unknown = Self.entry(state: .unknown(restored))
        store.send(.outboxLoaded(OutboxSnapshot(entries: [Self.entry(), notSent], settled: [old])),
                   effects: [Self.outbox(1, [unknown, notSent], settled: [old]), .checkSend(Self.check(0, delay: .zero))]) {
            $0.compose.outbox = [unknown, notSent]
            $0.compose.nextOutboxID = 3
            $0.compose.settled = [old]
            $0.compose.checkRounds = 1
            $0.compose.outboxRevision = 1
            $0.timeline.items.append(Self.item(.unknown(outboxID: 1, restored)))
            $0.timeline.items.append(Self.item(.failed(outboxID: 2, TL.rateLimited), id: 2, text: "not sent"))
            $0.timeline.ids.formUnion(["local-1", "local-2"])
            $0.timeline.cursor.selected = 2
        }
        #expect(ComposeReducer.stoppedInFlight.mayHaveBeenDone)
        // An empty outbox file starts nothing.
        var empty = TestStore(Self.ready())
        empty.send(.outboxLoaded(OutboxSnapshot()))
    }

    // MARK: Drafts, written through

    @Test func everyChangeOfTheBoxIsWrittenThroughWithANewRevision() {
        var store = TestStore(Self.ready())
        for (index, text) in ["S", "Se", "See"].enumerated() {
            store.send(.composeTextChanged(text), effects: [Self.drafts(index + 1, text)]) {
                $0.compose.draftsRevision = index + 1
                $0.compose.text = text
                $0.compose.validation = TL.valid(text)
            }
        }
    }

    @Test func draftsFollowTheirConversationsBackAndForth() {
        var store = TestStore(Self.ready())
        store.send(.composeTextChanged("Draft for A"), effects: [Self.drafts(1, "Draft for A")]) {
            $0.compose.draftsRevision = 1
            $0.compose.text = "Draft for A"
            $0.compose.validation = TL.valid("Draft for A")
        }
        // The box now stands for B; the records are the same (B's draft is empty).
        store.call("to B", effects: [.saveDrafts(Revision(2, [DraftRecord(key: TL.key, text: "Draft for A")]))],
                   { ComposeReducer.conversationChanged(to: TL.other, in: &$0) }) {
            $0.compose.draftsRevision = 2
            $0.compose.drafts = [TL.key: "Draft for A"]
            $0.compose.conversation = TL.other
            $0.compose.text = ""
            $0.compose.recipient = TL.other.contactNumber
            $0.compose.validation = TL.emptyText
        }
        store.send(.composeTextChanged("For B"),
                   effects: [.saveDrafts(Revision(3, [DraftRecord(key: TL.key, text: "Draft for A"),
                                                      DraftRecord(key: TL.other, text: "For B")]))]) {
            $0.compose.draftsRevision = 3
            $0.compose.text = "For B"
            $0.compose.validation = TL.valid("For B")
        }
        store.call("back to A", effects: [.saveDrafts(Revision(4, [DraftRecord(key: TL.key, text: "Draft for A"),
                                                                    DraftRecord(key: TL.other, text: "For B")]))],
                   { ComposeReducer.conversationChanged(to: TL.key, in: &$0) }) {
            $0.compose.draftsRevision = 4
            $0.compose.drafts[TL.other] = "For B"
            $0.compose.conversation = TL.key
            $0.compose.text = "Draft for A"
            $0.compose.recipient = Self.contact
            $0.compose.validation = TL.valid("Draft for A")
        }
        // Clearing the box drops its draft from the file at once.
        store.send(.composeTextChanged(""), effects: [.saveDrafts(Revision(5, [DraftRecord(key: TL.other, text: "For B")]))]) {
            $0.compose.draftsRevision = 5
            $0.compose.text = ""
            $0.compose.validation = TL.emptyText
        }
    }

    @Test func leavingForNoConversationKeepsTheDraftAndEmptiesTheBox() {
        var store = TestStore(Self.ready(text: "note"))
        store.call("leave", effects: [.saveDrafts(Revision(1, [DraftRecord(key: TL.key, text: "note")]))],
                   { ComposeReducer.conversationChanged(to: nil, in: &$0) }) {
            $0.compose.draftsRevision = 1
            $0.compose.drafts = [TL.key: "note"]
            $0.compose.conversation = nil
            $0.compose.text = ""
            $0.compose.recipient = ""
            $0.compose.sender = nil
            $0.compose.validation = ComposeValidation(
                problems: ["the message is empty", "no recipient: enter a number in E.164, like +33612345678",
                           "choose an Allo number or sender ID to send from"],
                segments: SMSSegments.count(""))
        }
    }

    @Test func draftsLoadedAtStartFillTheEmptyBox() {
        var store = TestStore(Self.ready())
        let third = Make.key("+14155550001", on: TL.line)
        store.send(.draftsLoaded([DraftRecord(key: TL.other, text: "Hello B"), DraftRecord(key: TL.key, text: "Hello A"),
                                  DraftRecord(key: third, text: "  ")]),
                   effects: [.saveDrafts(Revision(1, [DraftRecord(key: TL.key, text: "Hello A"),
                                                      DraftRecord(key: TL.other, text: "Hello B")]))]) {
            $0.compose.draftsRevision = 1
            $0.compose.drafts = [TL.key: "Hello A", TL.other: "Hello B"]
            $0.compose.text = "Hello A"
            $0.compose.validation = TL.valid("Hello A")
        }
    }

    @Test func draftsLoadedLateNeverOverwriteWhatWasTypedInThisSession() {
        var state = Self.ready(text: "typing")
        state.compose.drafts = [TL.other: "typed now"]
        var store = TestStore(state)
        store.send(.draftsLoaded([DraftRecord(key: TL.key, text: "Hello A"), DraftRecord(key: TL.other, text: "old")]),
                   effects: [.saveDrafts(Revision(1, [DraftRecord(key: TL.key, text: "typing"),
                                                      DraftRecord(key: TL.other, text: "typed now")]))]) {
            $0.compose.draftsRevision = 1
            $0.compose.drafts = [TL.key: "Hello A", TL.other: "typed now"]
        }
        #expect(store.state.compose.text == "typing")
    }

    @Test func quittingSavesTheTextOfTheBox() {
        var state = Self.ready(text: "half-written")
        state.compose.drafts = [TL.other: "For B"]
        let effects = reduce(into: &state, action: .quitRequested)
        #expect(effects == [.saveDrafts(Revision(1, [DraftRecord(key: TL.key, text: "half-written"),
                                                     DraftRecord(key: TL.other, text: "For B")]))])
        #expect(state.compose.text == "half-written")
    }
}
