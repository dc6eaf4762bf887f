import AlloKit
import Foundation

/// After a send got no clear answer (`AlloError.mayHaveBeenDone`), `allo sms send` looks for the message on the server
/// before it exits: the same looks as the terminal client (`SentSMSQuery.checkTimes`, `sms.findSent`).
struct SendConfirmation {
    let client: AlloClient
    let query: SentSMSQuery
    /// How long to keep looking: `ALLO_SMS_CHECK_SECONDS`, 10 by default.
    let window: Duration

    /// The server's copy as a `TextMessage`, or `Unconfirmed` (exit 5) when it could not be found in the window.
    func confirm(after failure: AlloError) async throws(Unconfirmed) -> TextMessage {
        var place = SentSMSPlace.automatic
        var waited = Duration.zero
        var looked = false
        var lookFailure: AlloError?
        for time in SentSMSQuery.checkTimes(within: window) {
            try? await Task.sleep(for: time - waited)
            waited = time
            switch await look(in: place) {
            case .success(let lookup):
                looked = true
                place = lookup.place
                if let reason = lookup.cannotLook { throw Unconfirmed(failure: failure, reason: reason, recipient: query.to) }
                if let copy = lookup.matches.min(by: { distance($0) < distance($1) }) { return TextMessage(copy) }
            case .failure(let error):
                if [401, 403].contains(error.status) {
                    throw Unconfirmed(failure: failure, reason: "this key cannot read the conversation to check", recipient: query.to)
                }
                lookFailure = error
            }
        }
        let reason = looked ? "not found on the server within \(Self.seconds(window))"
            : "the server could not be checked: \(lookFailure.map { String(describing: $0) } ?? "no answer")"
        throw Unconfirmed(failure: failure, reason: reason, recipient: query.to)
    }

    private func look(in place: SentSMSPlace) async -> Result<SentSMSLookup, AlloError> {
        do {
            return .success(try await client.sms.findSent(query, in: place))
        } catch {
            return .failure(error)
        }
    }

    private func distance(_ copy: SentSMS) -> TimeInterval { abs(copy.date.timeIntervalSince(query.sentAt)) }

    static func seconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }
}

/// The SMS may have been sent and could not be confirmed (exit 5): never resend it blindly.
struct Unconfirmed: Error {
    /// The send's unclear answer.
    var failure: AlloError
    /// Why it is still unknown: not found in the window, nowhere to look, or the checks failed.
    var reason: String
    var recipient: String
}

extension TextMessage {
    /// The server's copy of a sent message, in the shape `POST /v1/api/sms` answers.
    init(_ copy: SentSMS) {
        self.init(fromNumber: copy.from, senderID: copy.senderID, toNumber: copy.to, direction: .outbound,
                  content: copy.text, startDate: copy.date)
    }
}
