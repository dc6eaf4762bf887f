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

    static let request = SendRequest(outboxID: 1, sender: .number(TL.line), recipient: contact, text: text)

    /// Confirms `text` from `ready(text:)`: outbox entry 1, its pending item after msg-1.
    static func sent(state: AppState = ready(text: text)) -> TestStore {
        var store = TestStore(state)
        store.arrange { $0.compose.confirming = true }
        store.send(.sendConfirmed, effects: [.sendSMS(request)]) {
            $0.compose.outbox = [entry()]
            $0.compose.nextOutboxID = 2
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
        store.send(.composeTextChanged("")) {
            $0.compose.text = ""
            $0.compose.validation = ComposeValidation(problems: ["the message is empty"], segments: SMSSegments.count(""))
        }
    }

    @Test func moreThanAThousandCharactersCannotBeSent() {
        var store = TestStore(Self.ready())
        let long = String(repeating: "a", count: 1001)
        store.send(.composeTextChanged(long)) {
            $0.compose.text = long
            $0.compose.validation = ComposeValidation(
                problems: ["the message has 1001 characters, more than 1000: shorten it by 1"],
                segments: SMSSegmentInfo(encoding: .gsm7, units: 1001, segments: 7, perSegment: 153, remainingInSegment: 70))
        }
        let limit = String(repeating: "a", count: 1000)
        store.send(.composeTextChanged(limit)) {
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
        store.send(.composeTextChanged("hi")) {
            $0.compose.text = "hi"
            $0.compose.validation = ComposeValidation(problems: ["this API key cannot send SMS: it needs the SMS_SEND scope"],
                                                      segments: SMSSegments.count("hi"))
        }
    }

    @Test func aLineWithoutSMSCapabilityCannotSend() {
        var state = TL.base()
        state.numbers.list = .loaded([NumberInfo(number: TL.line, canText: false)])
        var store = TestStore(Self.ready(state: state))
        store.send(.composeTextChanged("hi")) {
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
        for (text, segments) in cases {
            store.send(.composeTextChanged(text)) {
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
        store.send(.composeTextChanged("See you at 11")) {
            $0.compose.text = "See you at 11"
            $0.compose.validation = TL.valid("See you at 11")
            $0.compose.confirming = false
        }
        store.send(.sendConfirmed)
    }

    @Test func confirmingPutsTheSMSInTheOutboxAndThePendingItemInTheTimeline() {
        let store = Self.sent()
        #expect(store.state.timeline.selectedItem?.id == "local-1")
        #expect(store.state.compose.drafts.isEmpty)
    }

    @Test func confirmingASavedDraftRemovesIt() {
        var state = Self.ready(text: Self.text)
        state.compose.drafts = [TL.key: Self.text, TL.other: "for B"]
        var store = TestStore(state)
        store.arrange { $0.compose.confirming = true }
        store.send(.sendConfirmed, effects: [.sendSMS(Self.request), .saveDrafts([DraftRecord(key: TL.other, text: "for B")])]) {
            $0.compose.outbox = [Self.entry()]
            $0.compose.nextOutboxID = 2
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
        store.send(.sendConfirmed, effects: [.sendSMS(Self.request)]) {
            $0.compose.outbox = [entry]
            $0.compose.nextOutboxID = 2
            $0.compose.text = ""
            $0.compose.validation = TL.emptyText
            $0.compose.confirming = false
            $0.timeline.items.append(pending)
            $0.timeline.ids.insert("local-1")
            $0.timeline.cursor.selected = 2
        }
        store.send(.smsSent(outboxID: 1, TL.out("sent-1", at: 100, Self.text))) {
            $0.compose.outbox = []
            pending.content = .sms(SMSInfo(text: Self.text, delivery: .api("SENT")))
            $0.timeline.items[2] = pending
        }
    }

    @Test func aSendToAnotherPartyIsNotShownInTheOpenConversation() {
        var state = Self.ready(text: Self.text)
        state.compose.recipient = "+14155550000"
        state.compose.confirming = true
        var store = TestStore(state)
        let request = SendRequest(outboxID: 1, sender: .number(TL.line), recipient: "+14155550000", text: Self.text)
        store.send(.sendConfirmed, effects: [.sendSMS(request)]) {
            $0.compose.outbox = [OutboxEntry(id: 1, key: Make.key("+14155550000", on: TL.line), sender: .number(TL.line),
                                             recipient: "+14155550000", text: Self.text, date: Make.date(100))]
            $0.compose.nextOutboxID = 2
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
        store.send(.smsSent(outboxID: 1, answer)) {
            $0.compose.outbox = []
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
        store.send(.smsSent(outboxID: 1, TL.out("sent-1", at: 100.2, Self.text))) {
            $0.compose.outbox = []
            $0.timeline.items = [Make.sms("msg-1", at: 90), copy]
            $0.timeline.ids = ["msg-1", "msg-50"]
        }
    }

    @Test func aFailedSendKeepsItsTextAndIsRetriedOnlyWhenAsked() {
        var store = Self.sent()
        store.send(.smsSendFailed(outboxID: 1, TL.serverError)) {
            $0.compose.outbox[0].state = .failed(TL.serverError)
            $0.timeline.items[1] = Self.item(.failed(outboxID: 1, TL.serverError))
            StatusReducer.report(TL.serverError, in: &$0)
        }
        store.send(.retryTapped(outboxID: 1), effects: [.sendSMS(Self.request)]) {
            $0.compose.outbox[0].state = .sending
            $0.timeline.items[1] = Self.item(.pending(outboxID: 1))
        }
        // A second tap while it is in flight sends nothing more.
        store.send(.retryTapped(outboxID: 1))
        store.send(.smsSent(outboxID: 1, TL.out("sent-1", at: 100, Self.text))) {
            $0.compose.outbox = []
            $0.timeline.items[1] = Self.item(.api("SENT"))
        }
    }

    @Test func aConnectionLostMidSendIsUnknownButARefusedOneFailed() {
        let lost = ErrorInfo(AlloError.transport(request: "POST /v1/api/sms",
                                                 failure: TransportFailure(.connectionLost, message: "connection lost")))
        let refused = ErrorInfo(AlloError.transport(request: "POST /v1/api/sms",
                                                    failure: TransportFailure(.connectionRefused, message: "connection refused")))
        #expect(lost.mayHaveBeenDone)
        #expect(!refused.mayHaveBeenDone)

        var store = Self.sent()
        store.send(.smsSendFailed(outboxID: 1, lost)) {
            $0.compose.outbox[0].state = .unknown(lost)
            $0.timeline.items[1] = Self.item(.unknown(outboxID: 1, lost))
            StatusReducer.report(lost, in: &$0)
        }
        var other = Self.sent()
        other.send(.smsSendFailed(outboxID: 1, refused)) {
            $0.compose.outbox[0].state = .failed(refused)
            $0.timeline.items[1] = Self.item(.failed(outboxID: 1, refused))
            StatusReducer.report(refused, in: &$0)
        }
        // Refused means it never left: retrying is safe and offered.
        other.send(.retryTapped(outboxID: 1), effects: [.sendSMS(Self.request)]) {
            $0.compose.outbox[0].state = .sending
            $0.timeline.items[1] = Self.item(.pending(outboxID: 1))
        }
    }

    @Test func aTimeoutIsUnknownAndNeverSentAgainOnItsOwn() {
        var store = Self.sent()
        store.send(.smsSendFailed(outboxID: 1, TL.timeout)) {
            $0.compose.outbox[0].state = .unknown(TL.timeout)
            $0.timeline.items[1] = Self.item(.unknown(outboxID: 1, TL.timeout))
            StatusReducer.report(TL.timeout, in: &$0)
        }
        // Retry does not resend a send that may have gone out: it says how to resend on purpose.
        store.send(.retryTapped(outboxID: 1)) {
            StatusReducer.notify("This SMS may have gone out (no clear answer to the send): check the conversation before sending"
                                 + " it again; to resend, edit it and send", level: .notice, in: &$0)
        }
        #expect(store.state.compose.outbox == [Self.entry(state: .unknown(TL.timeout))])
        // A second failure report for it changes nothing either.
        store.send(.smsSendFailed(outboxID: 1, TL.serverError))
    }

    @Test func editAfterAFailureBringsTheTextBack() {
        var store = Self.sent()
        store.send(.smsSendFailed(outboxID: 1, TL.serverError)) {
            $0.compose.outbox[0].state = .failed(TL.serverError)
            $0.timeline.items[1] = Self.item(.failed(outboxID: 1, TL.serverError))
            StatusReducer.report(TL.serverError, in: &$0)
        }
        store.send(.editTapped(outboxID: 1)) {
            $0.compose.outbox = []
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
        store.send(.smsSendFailed(outboxID: 1, TL.timeout)) {
            $0.compose.outbox[0].state = .unknown(TL.timeout)
            $0.timeline.items[1] = Self.item(.unknown(outboxID: 1, TL.timeout))
            StatusReducer.report(TL.timeout, in: &$0)
        }
        store.send(.composeTextChanged("something else")) {
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
        store.send(.smsSent(outboxID: 1, TL.out("sent-1", at: 100, Self.text))) {
            $0.compose.outbox = []
            $0.timeline.items[1] = Self.item(.api("SENT"))
        }
    }

    // MARK: Drafts

    @Test func draftsFollowTheirConversationsBackAndForth() {
        var store = TestStore(Self.ready())
        store.send(.composeTextChanged("Draft for A")) {
            $0.compose.text = "Draft for A"
            $0.compose.validation = TL.valid("Draft for A")
        }
        store.call("to B", effects: [.saveDrafts([DraftRecord(key: TL.key, text: "Draft for A")])],
                   { ComposeReducer.conversationChanged(to: TL.other, in: &$0) }) {
            $0.compose.drafts = [TL.key: "Draft for A"]
            $0.compose.conversation = TL.other
            $0.compose.text = ""
            $0.compose.recipient = TL.other.contactNumber
            $0.compose.validation = TL.emptyText
        }
        store.send(.composeTextChanged("For B")) {
            $0.compose.text = "For B"
            $0.compose.validation = TL.valid("For B")
        }
        store.call("back to A", effects: [.saveDrafts([DraftRecord(key: TL.key, text: "Draft for A"),
                                                        DraftRecord(key: TL.other, text: "For B")])],
                   { ComposeReducer.conversationChanged(to: TL.key, in: &$0) }) {
            $0.compose.drafts[TL.other] = "For B"
            $0.compose.conversation = TL.key
            $0.compose.text = "Draft for A"
            $0.compose.recipient = Self.contact
            $0.compose.validation = TL.valid("Draft for A")
        }
        // Leaving unchanged saves nothing.
        store.call("to B unchanged", effects: [], { ComposeReducer.conversationChanged(to: TL.other, in: &$0) }) {
            $0.compose.conversation = TL.other
            $0.compose.text = "For B"
            $0.compose.recipient = TL.other.contactNumber
            $0.compose.validation = TL.valid("For B")
        }
        // Clearing a saved draft drops it from the file at once.
        store.send(.composeTextChanged(""), effects: [.saveDrafts([DraftRecord(key: TL.key, text: "Draft for A")])]) {
            $0.compose.text = ""
            $0.compose.validation = TL.emptyText
            $0.compose.drafts[TL.other] = nil
        }
    }

    @Test func leavingForNoConversationKeepsTheDraftAndEmptiesTheBox() {
        var store = TestStore(Self.ready(text: "note"))
        store.call("leave", effects: [.saveDrafts([DraftRecord(key: TL.key, text: "note")])],
                   { ComposeReducer.conversationChanged(to: nil, in: &$0) }) {
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
                                  DraftRecord(key: third, text: "  ")])) {
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
                   effects: [.saveDrafts([DraftRecord(key: TL.key, text: "Hello A"), DraftRecord(key: TL.other, text: "typed now")])]) {
            $0.compose.drafts = [TL.key: "Hello A", TL.other: "typed now"]
        }
        #expect(store.state.compose.text == "typing")
    }

    @Test func quittingSavesTheTextOfTheBox() {
        var state = Self.ready(text: "half-written")
        state.compose.drafts = [TL.other: "For B"]
        let effects = reduce(into: &state, action: .quitRequested)
        #expect(effects == [.saveDrafts([DraftRecord(key: TL.key, text: "half-written"), DraftRecord(key: TL.other, text: "For B")])])
        #expect(state.compose.text == "half-written")
    }

    @Test func typingEmitsNoEffect() {
        var store = TestStore(Self.ready())
        for text in ["S", "Se", "See"] {
            store.send(.composeTextChanged(text)) {
                $0.compose.text = text
                $0.compose.validation = TL.valid(text)
            }
        }
    }
}
