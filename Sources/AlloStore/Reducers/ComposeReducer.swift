import Foundation

/// The compose box, the drafts and the outbox.
///
/// **Drafts.** `compose.drafts` mirrors the drafts file; the box's text is the live draft of `compose.conversation`.
/// The file is written (`saveDrafts`, every draft, sorted by Allo number, contact number, contact id) only when a
/// draft changes at a boundary, never per keystroke: leaving a conversation (its text becomes its draft), the text
/// becoming blank (the saved draft is dropped, so it does not come back), a send confirmed from a saved draft, and
/// quitting (`LiveReducer`, the box's text standing for the open conversation's draft). Blank text is no draft.
///
/// **Sends.** `sendTapped` asks for confirmation; `sendConfirmed` puts the SMS in the outbox and its pending item in
/// the timeline, and asks for `sendSMS`. The entry leaves only when the API confirms it (`smsSent`) or when the user
/// takes its text back (`editTapped`). A failure the server may have acted on (a timeout, a connection lost
/// mid-send, an unreadable success reply: `ErrorInfo.mayHaveBeenDone`) is `unknown`: it may have gone out, so it
/// is never sent again on its own, nor by `retryTapped` (which retries `failed` sends only); to send it again the user edits it and sends it,
/// through the confirmation step. Edit refuses (with a toast) while the box holds other text, so no text is lost.
enum ComposeReducer {
    static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .composeTextChanged(let text):
            state.compose.text = text
            state.compose.confirming = false
            revalidate(&state)
            guard isBlank(text), let key = state.compose.conversation,
                  state.compose.drafts.removeValue(forKey: key) != nil else { return [] }
            return [saveDrafts(state)]

        case .composeRecipientChanged(let recipient):
            state.compose.recipient = recipient
            state.compose.confirming = false
            revalidate(&state)
            return []

        case .senderChosen(let sender):
            state.compose.sender = sender
            state.compose.confirming = false
            revalidate(&state)
            return []

        case .sendTapped:
            revalidate(&state)
            if state.compose.validation.canSend {
                state.compose.confirming = true
            } else {
                refuse(state.compose.validation.problems, in: &state)
            }
            return []

        case .sendCancelled:
            state.compose.confirming = false
            return []

        case .sendConfirmed:
            return sendConfirmed(&state)

        case .smsSent(let outboxID, let item):
            guard let index = state.compose.outbox.firstIndex(where: { $0.id == outboxID }) else { return [] }
            let entry = state.compose.outbox.remove(at: index)
            TimelineReducer.confirmSend(entry, with: item, in: &state)
            StatusReducer.markOnline(in: &state)
            return []

        case .smsSendFailed(let outboxID, let error):
            guard let index = state.compose.outbox.firstIndex(where: { $0.id == outboxID }),
                  state.compose.outbox[index].state == .sending else { return [] }
            state.compose.outbox[index].state = error.mayHaveBeenDone ? .unknown(error) : .failed(error)
            TimelineReducer.updateSend(state.compose.outbox[index], in: &state)
            StatusReducer.report(error, in: &state)
            return []

        case .retryTapped(let outboxID):
            return retry(outboxID, in: &state)

        case .editTapped(let outboxID):
            edit(outboxID, in: &state)
            return []

        case .draftsLoaded(let records):
            return draftsLoaded(records, in: &state)

        default:
            return []
        }
    }

    /// The open conversation changed: the current text is kept as the old conversation's draft, the new one's draft
    /// and recipient come in, and the sender defaults to the conversation's Allo number.
    ///
    /// Returns `saveDrafts` when the old conversation's draft changed. Text typed with no conversation open stays in
    /// the box (after the new conversation's draft, if it has one). With no new conversation the box empties.
    static func conversationChanged(to key: ConversationKey?, in state: inout AppState) -> [Effect] {
        let previous = state.compose.conversation
        guard previous != key else { return [] }
        var changed = false
        var carried = ""
        if let previous {
            changed = keepDraft(state.compose.text, for: previous, in: &state)
        } else if !isBlank(state.compose.text) {
            carried = state.compose.text
        }
        state.compose.conversation = key
        state.compose.confirming = false
        if let key {
            let draft = state.compose.drafts[key] ?? ""
            state.compose.text = carried.isEmpty ? draft : (draft.isEmpty ? carried : draft + "\n" + carried)
            state.compose.recipient = key.contactNumber
            state.compose.sender = .number(key.alloNumber)
        } else {
            state.compose.text = carried
            state.compose.recipient = ""
            state.compose.sender = nil
        }
        revalidate(&state)
        return changed ? [saveDrafts(state)] : []
    }

    /// Every draft as saved to disk: sorted by Allo number, contact number, contact id.
    static func draftRecords(_ drafts: [ConversationKey: String]) -> [DraftRecord] {
        drafts.map { DraftRecord(key: $0.key, text: $0.value) }.sorted {
            ($0.key.alloNumber, $0.key.contactNumber, $0.key.contactID ?? "")
                < ($1.key.alloNumber, $1.key.contactNumber, $1.key.contactID ?? "")
        }
    }

    // MARK: Validation

    static func revalidate(_ state: inout AppState) {
        state.compose.validation = ComposeValidator.validate(state.compose, canSend: state.session.capabilities.canSend,
                                                             numbers: state.numbers.list.value)
    }

    /// The toast listing what blocks a send.
    private static func refuse(_ problems: [String], in state: inout AppState) {
        StatusReducer.notify("Not sent: " + problems.joined(separator: "; "), level: .error, in: &state)
    }

    // MARK: Sending

    private static func sendConfirmed(_ state: inout AppState) -> [Effect] {
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
        TimelineReducer.showSend(entry, in: &state)
        state.compose.text = ""
        revalidate(&state)
        var effects: [Effect] = [.sendSMS(SendRequest(outboxID: entry.id, sender: sender, recipient: recipient,
                                                      text: text))]
        if let key = state.compose.conversation, state.compose.drafts.removeValue(forKey: key) != nil {
            effects.append(saveDrafts(state))
        }
        return effects
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

    private static func retry(_ outboxID: Int, in state: inout AppState) -> [Effect] {
        guard let index = state.compose.outbox.firstIndex(where: { $0.id == outboxID }) else { return [] }
        switch state.compose.outbox[index].state {
        case .sending:
            return []
        case .unknown:
            StatusReducer.notify("This SMS may have gone out (no clear answer to the send): check the conversation before"
                                 + " sending it again; to resend, edit it and send", level: .notice, in: &state)
            return []
        case .failed:
            state.compose.outbox[index].state = .sending
            let entry = state.compose.outbox[index]
            TimelineReducer.updateSend(entry, in: &state)
            return [.sendSMS(SendRequest(outboxID: entry.id, sender: entry.sender, recipient: entry.recipient,
                                         text: entry.text))]
        }
    }

    /// Takes a failed or unknown send's text back into the box, with its recipient and sender; the entry and its item
    /// leave. Refused while the box holds other text, or while the send is still in flight.
    private static func edit(_ outboxID: Int, in state: inout AppState) {
        guard let index = state.compose.outbox.firstIndex(where: { $0.id == outboxID }) else { return }
        let entry = state.compose.outbox[index]
        if entry.state == .sending {
            StatusReducer.notify("Still sending: wait for the answer before editing", level: .notice, in: &state)
            return
        }
        if !isBlank(state.compose.text), state.compose.text != entry.text {
            StatusReducer.notify("The compose box holds another message: send or clear it before editing this one",
                                 level: .notice, in: &state)
            return
        }
        state.compose.outbox.remove(at: index)
        TimelineReducer.removeSend(entry, in: &state)
        state.compose.text = entry.text
        state.compose.recipient = entry.recipient
        state.compose.sender = entry.sender
        state.compose.confirming = false
        revalidate(&state)
        state.navigation.focus = .compose
    }

    // MARK: Drafts

    /// Keeps `text` as the draft of `key`; returns whether the saved drafts changed.
    private static func keepDraft(_ text: String, for key: ConversationKey, in state: inout AppState) -> Bool {
        if isBlank(text) { return state.compose.drafts.removeValue(forKey: key) != nil }
        if state.compose.drafts[key] == text { return false }
        state.compose.drafts[key] = text
        return true
    }

    /// Drafts read at start. A draft already kept in this session wins over the file's; the open conversation's
    /// saved draft fills the box only if the box is empty. If the session had drafts the file lacks, the merged set is
    /// written back.
    private static func draftsLoaded(_ records: [DraftRecord], in state: inout AppState) -> [Effect] {
        var fromFile: [ConversationKey: String] = [:]
        for record in records where !isBlank(record.text) { fromFile[record.key] = record.text }
        let session = state.compose.drafts
        state.compose.drafts = fromFile.merging(session) { _, kept in kept }
        if let key = state.compose.conversation, isBlank(state.compose.text), let draft = state.compose.drafts[key] {
            state.compose.text = draft
            revalidate(&state)
        }
        return state.compose.drafts == fromFile ? [] : [saveDrafts(state)]
    }

    private static func saveDrafts(_ state: AppState) -> Effect {
        .saveDrafts(draftRecords(state.compose.drafts))
    }

    private static func isBlank(_ text: String) -> Bool {
        text.allSatisfy(\.isWhitespace)
    }
}
