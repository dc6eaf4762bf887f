public import Foundation

/// An SMS whose send got no clear answer (`AlloError.mayHaveBeenDone`), to look for on the server with
/// `allo.sms.findSent(_:in:)`. The API gives sends no id and no idempotency, so the server's copy is recognised by what
/// it says: the same text, to the same number, from the same Allo number or sender ID, dated from `skew` before the
/// send onwards.
public struct SentSMSQuery: Sendable, Equatable {
    /// Who sent it.
    public enum Origin: Sendable, Equatable, Hashable {
        /// An Allo number (E.164), as `sms.send(from:…)`.
        case number(String)
        /// A sender ID, as `sms.sendFrance(senderID:…)`.
        case senderID(String)
    }

    /// How far before `sentAt` a match may be dated: the server's clock may be behind ours.
    public static let skew: Duration = .seconds(120)

    public var origin: Origin
    /// The recipient, E.164.
    public var to: String
    /// The text exactly as sent.
    public var message: String
    /// When the send was made, by the caller's clock.
    public var sentAt: Date

    public init(origin: Origin, to: String, message: String, sentAt: Date) {
        self.origin = origin
        self.to = to
        self.message = message
        self.sentAt = sentAt
    }

    /// The earliest date a match may carry.
    public var since: Date { sentAt.addingTimeInterval(-Self.skew.seconds) }

    /// When to look after the unclear answer, within `window` (about 10 s by default): at once, then three more times,
    /// each a little later. Four looks of one or two requests each stay far under any read limit.
    public static func checkTimes(within window: Duration = .seconds(10)) -> [Duration] {
        [0, 0.25, 0.55, 1].map { window * $0 }
    }
}

/// Where `findSent` looks.
public enum SentSMSPlace: Sendable, Equatable, Hashable, Codable {
    /// v2 when the server has it, else v1.
    case automatic
    /// `POST /v2/api/conversations/items/search`: outbound SMS to the number.
    case v2
    /// `GET /v1/api/contact/{id}/conversation`; with no id, the contact is first found by its number in
    /// `GET /v1/api/contacts`.
    case v1(contactID: String?)
}

/// The server's copy of a sent SMS.
public struct SentSMS: Sendable, Equatable, Hashable {
    /// The v2 item id (`msg-…`); nil on v1, which gives messages no id.
    public var id: String?
    public var date: Date
    public var to: String
    /// The Allo number it went out from; nil for a sender ID.
    public var from: String?
    public var senderID: String?
    public var text: String
    /// The v2 delivery status (`SENT`, `DELIVERED`, …); nil on v1.
    public var status: String?

    public init(id: String?, date: Date, to: String, from: String?, senderID: String?, text: String, status: String? = nil) {
        self.id = id
        self.date = date
        self.to = to
        self.from = from
        self.senderID = senderID
        self.text = text
        self.status = status
    }
}

/// What one look found.
public struct SentSMSLookup: Sendable, Equatable {
    /// Every copy that matches, newest first; usually none or one.
    public var matches: [SentSMS]
    /// Where it looked, resolved (`.v2`, or `.v1` with the contact's id): the next look goes straight there.
    public var place: SentSMSPlace
    /// Why there was nowhere to look (on v1, no contact has the number, so there is no conversation to read); nil when
    /// it looked.
    public var cannotLook: String?

    public init(matches: [SentSMS], place: SentSMSPlace, cannotLook: String? = nil) {
        self.matches = matches
        self.place = place
        self.cannotLook = cannotLook
    }
}
