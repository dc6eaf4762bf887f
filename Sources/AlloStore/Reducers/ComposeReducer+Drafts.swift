import Foundation

/// Drafts: one per conversation, the box's text standing for the open one's, written through to disk.
extension ComposeReducer {
    /// The open conversation changed: the current text is kept as the old conversation's draft, the new one's draft
    /// and recipient come in, and the sender defaults to the conversation's Allo number.
    ///
    /// Text typed with no conversation open stays in the box (after the new conversation's draft, if it has one). With
    /// no new conversation the box empties.
    static func conversationChanged(to key: ConversationKey?, in state: inout AppState) -> [Effect] {
        let previous = state.compose.conversation
        guard previous != key else { return [] }
        var carried = ""
        if let previous {
            keepDraft(state.compose.text, for: previous, in: &state)
        } else if !isBlank(state.compose.text) {
            carried = state.compose.text
        }
        state.compose.conversation = key
        state.compose.confirming = false
        state.compose.unknownText = nil
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
        return [saveDrafts(&state)]
    }

    /// Every draft as saved to disk: the kept drafts, the box's text standing for its conversation's (or, with none
    /// open, for the conversation of its sender and recipient, as after `C`); blank ones left out; sorted by Allo
    /// number, contact number, contact id.
    static func draftRecords(_ state: AppState) -> [DraftRecord] {
        var drafts = state.compose.drafts
        if let key = boxKey(state) { drafts[key] = state.compose.text }
        return drafts
            .filter { !isBlank($0.value) }
            .map { DraftRecord(key: $0.key, text: $0.value) }
            .sorted {
                ($0.key.alloNumber, $0.key.contactNumber, $0.key.contactID ?? "")
                    < ($1.key.alloNumber, $1.key.contactNumber, $1.key.contactID ?? "")
            }
    }

    /// The conversation the box's text is the draft of.
    static func boxKey(_ state: AppState) -> ConversationKey? {
        if let key = state.compose.conversation { return key }
        guard case .number(let from)? = state.compose.sender, !state.compose.recipient.isEmpty else { return nil }
        return ConversationKey(alloNumber: from, contactNumber: state.compose.recipient)
    }

    /// The next revision of the drafts file, with the drafts as they are now, written once the outbox as it is now is
    /// on disk (a text just sent leaves the drafts only then).
    static func saveDrafts(_ state: inout AppState) -> Effect {
        state.compose.draftsRevision += 1
        return .saveDrafts(Revision(state.compose.draftsRevision, draftRecords(state), after: state.compose.outboxRevision))
    }

    /// Keeps `text` as the draft of `key` (blank text drops it).
    static func keepDraft(_ text: String, for key: ConversationKey, in state: inout AppState) {
        if isBlank(text) {
            state.compose.drafts.removeValue(forKey: key)
        } else {
            state.compose.drafts[key] = text
        }
    }

    /// Drafts read at start. A draft already kept in this session wins over the file's; the open conversation's
    /// saved draft fills the box only if the box is empty. If the session had drafts the file lacks, the merged set is
    /// written back.
    static func draftsLoaded(_ records: [DraftRecord], in state: inout AppState) -> [Effect] {
        var fromFile: [ConversationKey: String] = [:]
        for record in records where !isBlank(record.text) { fromFile[record.key] = record.text }
        let session = state.compose.drafts
        state.compose.drafts = fromFile.merging(session) { _, kept in kept }
        if let key = state.compose.conversation, isBlank(state.compose.text), let draft = state.compose.drafts[key] {
            state.compose.text = draft
            revalidate(&state)
        }
        return draftRecords(state) == records.filter({ !isBlank($0.text) }) ? [] : [saveDrafts(&state)]
    }
}
