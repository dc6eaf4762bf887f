import AlloKit
import Foundation

/// The outbox: a send from the user's `y` until its outcome is settled, persisted all along.
extension ComposeReducer {
    static func sendConfirmed(_ state: inout AppState) -> [Effect] {
        guard state.compose.confirming else { return [] }
        state.compose.confirming = false
        revalidate(&state)
        guard state.compose.validation.canSend, let sender = state.compose.sender else {
            refuse(state.compose.validation.problems, in: &state)
            return []
        }
        let recipient = state.compose.recipient
        let text = state.compose.text
        let key = conversation(of: sender, to: recipient, state)
        let entry = OutboxEntry(id: state.compose.nextOutboxID, key: key, sender: sender, recipient: recipient,
                                text: text, state: .sending, date: TimelineReducer.sendDate(for: key, in: state))
        state.compose.nextOutboxID += 1
        state.compose.outbox.append(entry)
        state.compose.unknownText = nil
        TimelineReducer.showSend(entry, in: &state)
        if let key = state.compose.conversation { state.compose.drafts.removeValue(forKey: key) }
        state.compose.text = ""
        revalidate(&state)
        let save = saveOutbox(&state)
        return [save, sendSMS(entry, state), saveDrafts(&state)]
    }

    /// The API confirmed the send with its answer.
    static func sent(_ outboxID: Int, _ item: TimelineItem, in state: inout AppState) -> [Effect] {
        guard let index = state.compose.outbox.firstIndex(where: { $0.id == outboxID }) else { return [] }
        let entry = state.compose.outbox.remove(at: index)
        remember(entry, serverID: nil, serverDate: item.date, in: &state)
        TimelineReducer.confirmSend(entry, with: item, in: &state)
        StatusReducer.markOnline(in: &state)
        return [saveOutbox(&state)]
    }

    /// The send failed: "not sent" when the API said it did not act, else unknown and the server is checked.
    static func sendFailed(_ outboxID: Int, _ error: ErrorInfo, in state: inout AppState) -> [Effect] {
        guard let index = state.compose.outbox.firstIndex(where: { $0.id == outboxID }),
              state.compose.outbox[index].state == .sending else { return [] }
        if error.mayHaveBeenDone {
            // No error toast: the item and the status bar say "unknown" while the server is checked.
            return startChecking(index, cause: error, in: &state)
        }
        state.compose.outbox[index].state = .failed(error)
        TimelineReducer.updateSend(state.compose.outbox[index], in: &state)
        StatusReducer.report(error, in: &state)
        return [saveOutbox(&state)]
    }

    /// Enter on a send that was not sent: it goes again (the API said the first did nothing).
    static func retry(_ outboxID: Int, in state: inout AppState) -> [Effect] {
        guard let index = state.compose.outbox.firstIndex(where: { $0.id == outboxID }),
              case .failed = state.compose.outbox[index].state else { return [] }
        return sendAgain(index, in: &state)
    }

    /// `R` on an unknown send: once the window has passed, the second confirmation; before, a word on why not yet.
    static func resendTapped(_ outboxID: Int, in state: inout AppState) -> [Effect] {
        guard let entry = state.compose.outbox.first(where: { $0.id == outboxID }) else { return [] }
        switch entry.state {
        case .sending:
            return []
        case .failed:
            return retry(outboxID, in: &state)
        case .unknown(let unknown):
            guard unknown.isSettledAsUnknown else {
                StatusReducer.notify("Still checking the server for this SMS: wait for the answer", level: .notice,
                                     in: &state)
                return []
            }
            state.navigation.input = .confirmResend(outboxID: outboxID)
            state.navigation.inputText = ""
            return []
        }
    }

    /// `y` at the second confirmation: the unknown send goes again.
    static func resend(_ outboxID: Int, in state: inout AppState) -> [Effect] {
        guard let index = state.compose.outbox.firstIndex(where: { $0.id == outboxID }),
              case .unknown(let unknown) = state.compose.outbox[index].state, unknown.isSettledAsUnknown else { return [] }
        return sendAgain(index, in: &state)
    }

    private static func sendAgain(_ index: Int, in state: inout AppState) -> [Effect] {
        state.compose.outbox[index].state = .sending
        let entry = state.compose.outbox[index]
        TimelineReducer.updateSend(entry, in: &state)
        let save = saveOutbox(&state)
        return [save, sendSMS(entry, state)]
    }

    /// Takes a not-sent or unknown send's text back into the box, with its recipient and sender; the entry and its item
    /// leave. Refused while the box holds other text, while the send is in flight, or while the server is checked.
    static func edit(_ outboxID: Int, in state: inout AppState) -> [Effect] {
        guard let index = state.compose.outbox.firstIndex(where: { $0.id == outboxID }) else { return [] }
        let entry = state.compose.outbox[index]
        switch entry.state {
        case .sending:
            StatusReducer.notify("Still sending: wait for the answer before editing", level: .notice, in: &state)
            return []
        case .unknown(let unknown) where !unknown.isSettledAsUnknown:
            StatusReducer.notify("Still checking the server for this SMS: wait for the answer", level: .notice,
                                 in: &state)
            return []
        case .unknown, .failed:
            break
        }
        if !isBlank(state.compose.text), state.compose.text != entry.text {
            StatusReducer.notify("The compose box holds another message: send or clear it before editing this one",
                                 level: .notice, in: &state)
            return []
        }
        if case .unknown = entry.state { state.compose.unknownText = entry.text } else { state.compose.unknownText = nil }
        state.compose.outbox.remove(at: index)
        TimelineReducer.removeSend(entry, in: &state)
        state.compose.text = entry.text
        state.compose.recipient = entry.recipient
        state.compose.sender = entry.sender
        state.compose.confirming = false
        revalidate(&state)
        state.navigation.focus = .compose
        let save = saveOutbox(&state)
        return [save, saveDrafts(&state)]
    }

    /// The outbox read at start. A send that was in flight when the client stopped, or still unknown, is unknown now
    /// and the server is checked again; a send that was not sent stays so. Nothing is sent.
    static func outboxLoaded(_ snapshot: OutboxSnapshot, in state: inout AppState) -> [Effect] {
        let known = Set(state.compose.outbox.map(\.id))
        var causes: [Int: ErrorInfo] = [:]
        state.compose.settled += snapshot.settled
        for var entry in snapshot.entries where !known.contains(entry.id) {
            switch entry.state {
            case .failed: break
            case .sending: causes[entry.id] = Self.stoppedInFlight
            case .unknown(let unknown): causes[entry.id] = unknown.cause
            }
            if let cause = causes[entry.id] { entry.state = .unknown(UnknownSend(cause: cause)) }
            state.compose.outbox.append(entry)
            TimelineReducer.showSend(entry, in: &state)
        }
        guard !snapshot.entries.isEmpty || !snapshot.settled.isEmpty else { return [] }
        state.compose.outbox.sort { $0.id < $1.id }
        state.compose.nextOutboxID = max(state.compose.nextOutboxID, (state.compose.outbox.map(\.id).max() ?? 0) + 1)
        var looks: [Effect] = []
        for index in state.compose.outbox.indices {
            guard let cause = causes[state.compose.outbox[index].id] else { continue }
            looks.append(beginChecking(index, cause: cause, in: &state))
        }
        return [saveOutbox(&state)] + looks
    }

    /// Why a send restored from disk is unknown: the client stopped between the user's `y` and the API's answer.
    static let stoppedInFlight = ErrorInfo(kind: .cancelled, message: "allo stopped before the API answered the send",
                                           mayHaveBeenDone: true)

    // MARK: Helpers

    /// The POST of `entry`, after the outbox revision that holds it.
    static func sendSMS(_ entry: OutboxEntry, _ state: AppState) -> Effect {
        .sendSMS(SendRequest(outboxID: entry.id, sender: entry.sender, recipient: entry.recipient, text: entry.text,
                             outboxRevision: state.compose.outboxRevision))
    }

    /// The next revision of the outbox file, with the outbox as it is now; settled sends past `SettledSend.memory` are
    /// forgotten.
    static func saveOutbox(_ state: inout AppState) -> Effect {
        let horizon = state.status.now.addingTimeInterval(-SettledSend.memory)
        state.compose.settled.removeAll { $0.settledAt < horizon }
        state.compose.outboxRevision += 1
        return .saveOutbox(Revision(state.compose.outboxRevision,
                                    OutboxSnapshot(entries: state.compose.outbox, settled: state.compose.settled)))
    }

    /// Remembers a settled send, so its copy on the server is not taken for another send's.
    static func remember(_ entry: OutboxEntry, serverID: String?, serverDate: Date, in state: inout AppState) {
        state.compose.settled.append(SettledSend(recipient: entry.recipient, sender: entry.sender, text: entry.text,
                                                 serverID: serverID, serverDate: serverDate,
                                                 settledAt: state.status.now))
    }

    /// The conversation a send belongs to: the open one when it goes to its party from its line (or a sender ID),
    /// else the conversation of the sending line (the open one's line for a sender ID) with the recipient.
    private static func conversation(of sender: Sender, to recipient: String, _ state: AppState) -> ConversationKey {
        let open = state.compose.conversation
        switch sender {
        case .number(let from):
            if let open, open.alloNumber == from, open.contactNumber == recipient { return open }
            return ConversationKey(alloNumber: from, contactNumber: recipient)
        case .senderID:
            if let open, open.contactNumber == recipient { return open }
            return ConversationKey(alloNumber: open?.alloNumber ?? state.numbers.selected ?? "", contactNumber: recipient)
        }
    }
}
