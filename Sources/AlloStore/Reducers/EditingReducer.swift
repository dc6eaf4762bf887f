import Foundation

/// Text editing the key map needs and the other reducers lack: the compose box's cursor, the message-line prompts
/// (inbox filter, transcript search, a new recipient, quit confirmation) and `r`.
///
/// It changes other features only through their own actions (`composeTextChanged`, `filterChanged`,
/// `transcriptQueryChanged`, `composeRecipientChanged`, `senderChosen`, `quitRequested`, `:refresh`), so their rules
/// (validation, drafts, matches) stay theirs.
enum EditingReducer {
    static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .composeEdited(let edit):
            return composeEdited(edit, in: &state)

        case .inputOpened(let mode):
            state.navigation.input = mode
            state.navigation.inputText = ""
            state.navigation.commandLine = nil
            switch mode {
            case .filter:
                state.navigation.focus = .inbox
            case .transcriptSearch:
                if state.transcript.callID != nil { state.navigation.focus = .transcript }
            case .recipient, .confirmQuit, .confirmResend:
                break
            }
            return []

        case .inputChanged(let text):
            guard let mode = state.navigation.input else { return [] }
            switch mode {
            case .filter:
                return reduceAll(&state, .filterChanged(text))
            case .transcriptSearch:
                return reduceAll(&state, .transcriptQueryChanged(text))
            case .recipient:
                state.navigation.inputText = text
                return []
            case .confirmQuit, .confirmResend:
                return []
            }

        case .inputSubmitted:
            guard let mode = state.navigation.input else { return [] }
            state.navigation.input = nil
            let text = state.navigation.inputText
            state.navigation.inputText = ""
            switch mode {
            case .filter:
                return []
            case .transcriptSearch:
                return reduceAll(&state, .transcriptMatchMoved(by: 0))
            case .recipient:
                let number = text.trimmingCharacters(in: .whitespaces)
                guard !number.isEmpty else { return [] }
                var effects: [Effect] = []
                if state.compose.sender == nil, let from = state.numbers.selected {
                    effects += reduceAll(&state, .senderChosen(.number(from)))
                }
                effects += reduceAll(&state, .composeRecipientChanged(number))
                state.navigation.focus = .compose
                return effects
            case .confirmQuit:
                return reduceAll(&state, .quitRequested)
            case .confirmResend(let outboxID):
                return reduceAll(&state, .resendConfirmed(outboxID: outboxID))
            }

        case .inputCancelled:
            guard let mode = state.navigation.input else { return [] }
            state.navigation.input = nil
            state.navigation.inputText = ""
            switch mode {
            case .filter:
                return reduceAll(&state, .filterChanged(""))
            case .transcriptSearch:
                return reduceAll(&state, .transcriptQueryChanged(""))
            case .recipient, .confirmQuit, .confirmResend:
                return []
            }

        case .refreshTapped:
            return NavigationReducer.run("refresh", in: &state)

        default:
            return []
        }
    }

    /// Another feature's action, through the one reducer.
    private static func reduceAll(_ state: inout AppState, _ action: Action) -> [Effect] {
        AlloStore.reduce(into: &state, action: action)
    }

    // MARK: Compose

    private static func composeEdited(_ edit: TextEdit, in state: inout AppState) -> [Effect] {
        let characters = Array(state.compose.text)
        var result = apply(edit, to: characters, cursor: state.compose.cursor)
        // The compose box takes no control characters but line breaks and tabs (a paste may carry them).
        if case .insert = edit {
            result.text = result.text.map { $0 == "\r\n" || $0 == "\r" ? "\n" : $0 }
        }
        let text = String(result.text)
        state.compose.cursorFromEnd = result.text.count - result.cursor
        guard text != state.compose.text else { return [] }
        return reduceAll(&state, .composeTextChanged(text))
    }

    /// `edit` applied to `text` with the cursor at `cursor` (a character offset): the new text and cursor.
    static func apply(_ edit: TextEdit, to text: [Character], cursor: Int) -> (text: [Character], cursor: Int) {
        var text = text
        var cursor = min(max(0, cursor), text.count)
        switch edit {
        case .insert(let inserted):
            let characters = Array(inserted)
            text.insert(contentsOf: characters, at: cursor)
            // A combining mark typed after a letter merges with it: recount around the cursor.
            let merged = Array(String(text))
            cursor = min(merged.count, cursor + characters.count - (text.count - merged.count))
            text = merged
        case .deleteBackward:
            if cursor > 0 {
                text.remove(at: cursor - 1)
                cursor -= 1
            }
        case .deleteForward:
            if cursor < text.count { text.remove(at: cursor) }
        case .deleteWordBackward:
            let start = wordStart(before: cursor, in: text)
            text.removeSubrange(start..<cursor)
            cursor = start
        case .left:
            cursor = max(0, cursor - 1)
        case .right:
            cursor = min(text.count, cursor + 1)
        case .wordLeft:
            cursor = wordStart(before: cursor, in: text)
        case .wordRight:
            var index = cursor
            while index < text.count, !isWord(text[index]) { index += 1 }
            while index < text.count, isWord(text[index]) { index += 1 }
            cursor = index
        case .home:
            cursor = lineStart(cursor, in: text)
        case .end:
            cursor = lineEnd(cursor, in: text)
        case .up:
            let start = lineStart(cursor, in: text)
            if start > 0 {
                let previousStart = lineStart(start - 1, in: text)
                cursor = min(previousStart + (cursor - start), start - 1)
            } else {
                cursor = 0
            }
        case .down:
            let end = lineEnd(cursor, in: text)
            if end < text.count {
                let column = cursor - lineStart(cursor, in: text)
                cursor = min(end + 1 + column, lineEnd(end + 1, in: text))
            } else {
                cursor = text.count
            }
        }
        return (text, cursor)
    }

    private static func isWord(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    private static func wordStart(before cursor: Int, in text: [Character]) -> Int {
        var index = cursor
        while index > 0, !isWord(text[index - 1]) { index -= 1 }
        while index > 0, isWord(text[index - 1]) { index -= 1 }
        return index
    }

    private static func lineStart(_ cursor: Int, in text: [Character]) -> Int {
        var index = cursor
        while index > 0, text[index - 1] != "\n" { index -= 1 }
        return index
    }

    private static func lineEnd(_ cursor: Int, in text: [Character]) -> Int {
        var index = cursor
        while index < text.count, text[index] != "\n" { index += 1 }
        return index
    }
}
