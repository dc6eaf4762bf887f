import AlloStore
import Foundation

/// Small builders for reducer tests.
enum Make {
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    static func date(_ minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }

    static func key(_ contact: String = "+14155551234", on number: String = "+14155550100", id: String? = nil) -> ConversationKey {
        ConversationKey(alloNumber: number, contactNumber: contact, contactID: id)
    }

    static func sms(_ id: String, at minutes: Double, _ text: String = "hello", inbound: Bool = true,
                    status: String? = "DELIVERED") -> TimelineItem {
        TimelineItem(id: id, date: date(minutes), direction: inbound ? .inbound : .outbound,
                     content: .sms(SMSInfo(text: text, delivery: .api(status))))
    }

    static func call(_ id: String, at minutes: Double, transcript: [TranscriptRow]? = nil) -> TimelineItem {
        TimelineItem(id: id, date: date(minutes), direction: .inbound,
                     content: .call(CallInfo(result: "ANSWERED", durationSeconds: 95, summary: "Wants a quote",
                                             transcript: transcript)))
    }
}
