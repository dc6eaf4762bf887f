import AlloKit
import Foundation

/// Checking the server for a send that got no clear answer: a round of looks over `compose.checkWindow`
/// (`SentSMSQuery.checkTimes`). Found: the send is confirmed and takes the server's copy. Not found when the window
/// has passed: "not found on the server yet", and only then may the user send it again, explicitly.
extension ComposeReducer {
    /// Makes outbox entry `index` unknown because of `cause`, saves the outbox and starts a round of looks.
    static func startChecking(_ index: Int, cause: ErrorInfo, in state: inout AppState) -> [Effect] {
        let look = beginChecking(index, cause: cause, in: &state)
        let save = saveOutbox(&state)
        return [save, look]
    }

    /// Makes outbox entry `index` unknown because of `cause`; returns the first look of a new round.
    static func beginChecking(_ index: Int, cause: ErrorInfo, in state: inout AppState) -> Effect {
        state.compose.checkRounds += 1
        let unknown = UnknownSend(cause: cause, round: state.compose.checkRounds, check: 0,
                                  place: place(for: state.compose.outbox[index], state))
        state.compose.outbox[index].state = .unknown(unknown)
        TimelineReducer.updateSend(state.compose.outbox[index], in: &state)
        return .checkSend(check(state.compose.outbox[index], unknown, delay: checkTimes(state)[0]))
    }

    /// Enter on an unknown send: one more look now, once the window has passed.
    static func checkAgain(_ outboxID: Int, in state: inout AppState) -> [Effect] {
        guard let index = state.compose.outbox.firstIndex(where: { $0.id == outboxID }),
              case .unknown(var unknown) = state.compose.outbox[index].state else { return [] }
        guard unknown.isSettledAsUnknown else {
            StatusReducer.notify("Checking the server for this SMS…", level: .info, in: &state)
            return []
        }
        state.compose.checkRounds += 1
        unknown.round = state.compose.checkRounds
        unknown.check = checkTimes(state).count - 1
        unknown.looked = false
        unknown.phase = .checking
        state.compose.outbox[index].state = .unknown(unknown)
        TimelineReducer.updateSend(state.compose.outbox[index], in: &state)
        return [.checkSend(check(state.compose.outbox[index], unknown, delay: .zero))]
    }

    /// One look came back. Answers of another round, or of a send no longer unknown, are dropped.
    static func checked(_ check: SendCheck, _ result: SendCheckResult, in state: inout AppState) -> [Effect] {
        guard let index = state.compose.outbox.firstIndex(where: { $0.id == check.outboxID }),
              case .unknown(var unknown) = state.compose.outbox[index].state, unknown.phase == .checking,
              unknown.round == check.round, unknown.check == check.check else { return [] }
        let entry = state.compose.outbox[index]
        var failure: ErrorInfo?
        switch result {
        case .looked(let lookup):
            unknown.looked = true
            unknown.place = lookup.place
            if let reason = lookup.cannotLook {
                return settleUnknown(index, unknown, phase: .cannotCheck(reason), in: &state)
            }
            if let copy = unclaimedCopy(lookup.matches, of: entry, in: state) {
                return found(index, copy, in: &state)
            }
        case .failed(let error):
            if case .http(let status) = error.kind, status == 401 || status == 403 {
                let scopes = error.requiredScopes.isEmpty ? "" : " (it needs \(error.requiredScopes.joined(separator: ", ")))"
                return settleUnknown(index, unknown, phase: .cannotCheck("this key cannot read the conversation\(scopes)"),
                                     in: &state)
            }
            failure = error
        }
        let times = checkTimes(state)
        let next = check.check + 1
        guard next < times.count else {
            let phase: UnknownSend.Phase = unknown.looked ? .notFound : .checkFailed(failure ?? unknown.cause)
            return settleUnknown(index, unknown, phase: phase, in: &state)
        }
        unknown.check = next
        state.compose.outbox[index].state = .unknown(unknown)
        TimelineReducer.updateSend(state.compose.outbox[index], in: &state)
        return [.checkSend(self.check(entry, unknown, delay: times[next] - times[check.check]))]
    }

    // MARK: Helpers

    /// The window passed (or there is nowhere to look): the send stays unknown, in words that say why.
    private static func settleUnknown(_ index: Int, _ unknown: UnknownSend, phase: UnknownSend.Phase,
                                      in state: inout AppState) -> [Effect] {
        var unknown = unknown
        unknown.phase = phase
        state.compose.outbox[index].state = .unknown(unknown)
        TimelineReducer.updateSend(state.compose.outbox[index], in: &state)
        return [saveOutbox(&state)]
    }

    /// The server has the message: the send is confirmed, and its item becomes the server's copy.
    private static func found(_ index: Int, _ copy: SentSMS, in state: inout AppState) -> [Effect] {
        let entry = state.compose.outbox.remove(at: index)
        remember(entry, serverID: copy.id, serverDate: copy.date, in: &state)
        let item = TimelineItem(id: copy.id ?? "sent-\(entry.id)", date: copy.date, direction: .outbound,
                                content: .sms(SMSInfo(text: copy.text, delivery: .api(copy.status))),
                                contactNumber: copy.to)
        TimelineReducer.confirmSend(entry, with: item, in: &state)
        StatusReducer.notify("SMS to \(entry.recipient) confirmed: the server has it", level: .info, in: &state)
        return [saveOutbox(&state)]
    }

    /// The copy among `matches` that no other settled send of the same text already accounts for, the one dated
    /// nearest to the send.
    static func unclaimedCopy(_ matches: [SentSMS], of entry: OutboxEntry, in state: AppState) -> SentSMS? {
        var claims = state.compose.settled.filter {
            $0.recipient == entry.recipient && $0.sender == entry.sender && $0.text == entry.text
        }
        var free: [SentSMS] = []
        for match in matches {
            if let claim = claims.firstIndex(where: { $0.accounts(for: match) }) {
                claims.remove(at: claim)
            } else {
                free.append(match)
            }
        }
        return free.min { abs($0.date.timeIntervalSince(entry.date)) < abs($1.date.timeIntervalSince(entry.date)) }
    }

    /// Where to look for `entry`: the v1 conversation of its contact when the client runs on v1, else wherever the
    /// server has it (the first look resolves it).
    private static func place(for entry: OutboxEntry, _ state: AppState) -> SentSMSPlace {
        state.inbox.source == .contacts ? .v1(contactID: entry.key.contactID) : .automatic
    }

    static func checkTimes(_ state: AppState) -> [Duration] {
        SentSMSQuery.checkTimes(within: state.compose.checkWindow)
    }

    private static func check(_ entry: OutboxEntry, _ unknown: UnknownSend, delay: Duration) -> SendCheck {
        SendCheck(outboxID: entry.id, round: unknown.round, check: unknown.check, query: entry.query,
                  place: unknown.place, delay: delay)
    }
}

extension SettledSend {
    /// Whether `copy` on the server is this send's own: the same id when both have one, else the same date.
    func accounts(for copy: SentSMS) -> Bool {
        if let serverID, let id = copy.id { return serverID == id }
        return abs(serverDate.timeIntervalSince(copy.date)) <= Self.sameDate
    }
}
