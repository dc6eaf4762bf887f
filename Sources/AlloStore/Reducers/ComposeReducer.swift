import Foundation

/// The compose box, the drafts and the outbox.
///
/// **Drafts** are written through: every change of the box's text or of a kept draft asks for `saveDrafts`, which the
/// runner writes within a moment (`ComposeReducer+Drafts.swift`).
///
/// **Sends** (`ComposeReducer+Outbox.swift`): `sendTapped` asks for confirmation; `sendConfirmed` puts the SMS in the
/// outbox, which is saved before the POST leaves, and shows its pending item. The API's answer settles it: sent, or
/// "not sent" when the API says it did not act (retry with Enter). Without a clear answer (`ErrorInfo.mayHaveBeenDone`)
/// it is "unknown" and the server is checked (`ComposeReducer+Check.swift`); it is never sent again on its own, and
/// only an explicit resend with a second confirmation sends it again once the window passed without finding it.
enum ComposeReducer {
    static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .composeTextChanged(let text):
            state.compose.text = text
            state.compose.confirming = false
            revalidate(&state)
            return [saveDrafts(&state)]

        case .composeRecipientChanged(let recipient):
            state.compose.recipient = recipient
            state.compose.confirming = false
            revalidate(&state)
            return state.compose.conversation == nil ? [saveDrafts(&state)] : []

        case .senderChosen(let sender):
            state.compose.sender = sender
            state.compose.confirming = false
            revalidate(&state)
            return state.compose.conversation == nil ? [saveDrafts(&state)] : []

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
            return sent(outboxID, item, in: &state)

        case .smsSendFailed(let outboxID, let error):
            return sendFailed(outboxID, error, in: &state)

        case .retryTapped(let outboxID):
            return retry(outboxID, in: &state)

        case .checkAgainTapped(let outboxID):
            return checkAgain(outboxID, in: &state)

        case .resendTapped(let outboxID):
            return resendTapped(outboxID, in: &state)

        case .resendConfirmed(let outboxID):
            return resend(outboxID, in: &state)

        case .sendChecked(let check, let result):
            return checked(check, result, in: &state)

        case .editTapped(let outboxID):
            return edit(outboxID, in: &state)

        case .draftsLoaded(let records):
            return draftsLoaded(records, in: &state)

        case .outboxLoaded(let snapshot):
            return outboxLoaded(snapshot, in: &state)

        default:
            return []
        }
    }

    // MARK: Validation

    static func revalidate(_ state: inout AppState) {
        state.compose.validation = ComposeValidator.validate(state.compose, canSend: state.session.capabilities.canSend,
                                                             numbers: state.numbers.list.value)
    }

    /// The toast listing what blocks a send.
    static func refuse(_ problems: [String], in state: inout AppState) {
        StatusReducer.notify("Not sent: " + problems.joined(separator: "; "), level: .error, in: &state)
    }

    static func isBlank(_ text: String) -> Bool {
        text.allSatisfy(\.isWhitespace)
    }
}
