import Foundation
import Testing
import AlloKit
import AlloStore

@Suite("AlloKit models into store values")
struct MappingTests {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)

    @Test("A v2 call keeps result, duration, summary, first tag, handler; transcript offsets count from the call's date")
    func v2Call() {
        let item = ConversationItem(id: "cll-1", type: .call, direction: .inbound, contactNumber: "+14155551234",
                                    user: UserRef(id: "usr-1", name: "Sam"), date: Self.start, duration: 95,
                                    result: .voicemail, summary: "Wants a quote", tags: ["lead", "vip"],
                                    transcript: [ItemTranscriptLine(source: .external, time: Self.start.addingTimeInterval(2.5), text: "Hi"),
                                                 ItemTranscriptLine(source: .unknown("BOT"), time: nil, text: "…")])
        let timeline = TimelineItem(item)
        #expect(timeline == TimelineItem(id: "cll-1", date: Self.start, direction: .inbound,
                                         content: .call(CallInfo(result: "VOICEMAIL", durationSeconds: 95, summary: "Wants a quote",
                                                                 tag: "lead", handledBy: "Sam",
                                                                 transcript: [TranscriptRow(speaker: .external, offsetSeconds: 2.5, text: "Hi"),
                                                                              TranscriptRow(speaker: .other("BOT"), text: "…")])),
                                         contactNumber: "+14155551234"))
        #expect(Transcript(item).rows.count == 2)
        #expect(Transcript(item).summary == "Wants a quote")
    }

    @Test("A v2 SMS keeps its status; an item of an unknown type with text shows as a message, without text as a call")
    func v2Message() {
        let sms = TimelineItem(ConversationItem(id: "msg-1", type: .sms, direction: .outbound, date: Self.start, content: "Hello",
                                                status: .delivered))
        #expect(sms.content == .sms(SMSInfo(text: "Hello", delivery: .api("DELIVERED"))))
        #expect(sms.direction == .outbound)
        #expect(!TimelineItem(ConversationItem(id: "x-1", type: .unknown("FAX"), content: "page 1")).isCall)
        #expect(TimelineItem(ConversationItem(id: "x-2", type: .unknown("VIDEO"))).isCall)
    }

    @Test("A v1 message gets an id derived from its content: the same message twice, the same id; another, another")
    func v1MessageIDs() {
        let message = TextMessage(fromNumber: "+14155551234", toNumber: "+14155550100", direction: .inbound, content: "Hi",
                                  startDate: Self.start)
        var other = message
        other.content = "Hi!"
        #expect(TimelineItem(message).id == TimelineItem(message).id)
        #expect(TimelineItem(message).id != TimelineItem(other).id)
        #expect(TimelineItem(message).contactNumber == "+14155551234")
        #expect(TimelineItem(ConversationEntry.unknown(type: "NOTE")) == nil)
    }

    @Test("A v1 call's transcript uses start_seconds, else its time from the start")
    func v1Call() {
        let call = Call(id: "c1", fromNumber: "+14155550100", toNumber: "+14155551234", lengthInMinutes: 1.5, direction: .outbound,
                        result: .transferredAI, startDate: Self.start,
                        transcript: [TranscriptEntry(source: .agent, text: "Hello", startSeconds: 1.25),
                                     TranscriptEntry(source: .user, text: "Yes", time: Self.start.addingTimeInterval(4))])
        let item = TimelineItem(call)
        #expect(item.contactNumber == "+14155551234")
        guard case .call(let info) = item.content else { Issue.record("not a call"); return }
        #expect(info.durationSeconds == 90)
        #expect(info.result == "TRANSFERRED_AI")
        #expect(info.transcript?.map(\.offsetSeconds) == [1.25, 4])
        #expect(info.transcript?.map(\.speaker) == [.agent, .user])
    }

    @Test("Inbox rows: a v2 conversation titled by its contact, with a snippet (a call's whole summary, marked as one); a v1 contact keyed by its id")
    func inboxRows() {
        let summary = ConversationSummary(contactNumber: "+14155551234", contacts: [ItemContact(id: "cnt-1", name: "Sarah")],
                                          lastActivity: Self.start,
                                          lastItem: ConversationItem(id: "cll-1", type: .call, result: .answered,
                                                                     summary: "**Upgrade.**\n- Details"))
        let row = InboxEntry(summary, alloNumber: "+14155550100", unread: true)
        #expect(row == InboxEntry(key: ConversationKey(alloNumber: "+14155550100", contactNumber: "+14155551234"), title: "Sarah",
                                  lastActivity: Self.start, snippet: "**Upgrade.**\n- Details", snippetIsSummary: true,
                                  unread: true))
        let missed = ConversationSummary(contactNumber: "+14155551234",
                                         lastItem: ConversationItem(id: "cll-2", type: .call, result: .missed))
        let missedRow = InboxEntry(missed, alloNumber: "+14155550100")
        #expect(missedRow.snippet == "Call: MISSED" && !missedRow.snippetIsSummary)
        let sms = ConversationSummary(contactNumber: "+14155551234",
                                      lastItem: ConversationItem(id: "msg-1", type: .sms, content: "**not markdown**"))
        let smsRow = InboxEntry(sms, alloNumber: "+14155550100")
        #expect(smsRow.snippet == "**not markdown**" && !smsRow.snippetIsSummary)
        let anonymous = InboxEntry(ConversationSummary(contactNumber: "+14155559999"), alloNumber: "+14155550100")
        #expect(anonymous.title == "+14155559999")
        let contact = InboxEntry(Contact(id: "cnt_9", name: "Ada", lastName: "L", isArchived: true, numbers: ["+33612345678"]),
                                 alloNumber: "+33184807512")
        #expect(contact.key == ConversationKey(alloNumber: "+33184807512", contactNumber: "+33612345678", contactID: "cnt_9"))
        #expect(contact.title == "Ada L")
        #expect(contact.archived)
    }

    @Test("Numbers: v2 sender IDs and number-less lines are not numbers; v1 numbers can text and keep the shared flag")
    func numbers() {
        #expect(NumberInfo(PhoneNumber(number: nil, name: "Acme", type: .senderID, capabilities: [.sms])) == nil)
        #expect(NumberInfo(PhoneNumber(number: "+12125550147", type: .number, capabilities: [.voice]))?.canText == false)
        #expect(NumberInfo(AlloNumber(number: "+33757012288", name: "Support", isSharedNumber: true))
                == NumberInfo(number: "+33757012288", name: "Support", canText: true, isShared: true))
        #expect(NumberInfo(AlloNumber(number: nil)) == nil)
        let me = Me(apiKeyID: "api-1", scopes: ["SMS_SEND"], team: Me.Team(id: "t", name: "Maison"),
                    rateLimits: Me.RateLimits(readPerSecond: 10, writePerSecond: 2))
        #expect(Identity(me) == Identity(apiKeyID: "api-1", scopes: ["SMS_SEND"], teamName: "Maison", readsPerSecond: 10,
                                         writesPerSecond: 2))
    }
}
