import AlloStore
import AlloTUI
import AlloTerminal
import Foundation
import ProcessTools

/// The keys the store cannot act on alone: `y` copies with OSC 52, `Ctrl-E` in compose edits the draft in
/// `$VISUAL`/`$EDITOR` with the terminal released, Enter on `:theme NAME|PATH` switches the theme.
@MainActor
enum KeyIntercept {
    static func handle(_ key: KeyEvent, store: Store, control: TerminalControl, themes: ThemeSwitch,
                       environment: [String: String], log: FileLog?) -> Bool {
        let context = KeyMap.context(of: store.state)
        switch (key, context) {
        case (.character("y"), .pane):
            guard let text = KeyMap.copyText(in: store.state) else { return false }
            control.copyToClipboard(text)
            return true
        case (.enter, .commandLine):
            guard let choice = store.state.navigation.commandLine.flatMap(ThemeSwitch.argument(of:)) else { return false }
            for action in themes.apply(choice) { store.send(action) }
            return true
        case (.control("e"), .compose):
            let edited = control.released { edit(store.state.compose.text, environment: environment, log: log) }
            if let edited { store.send(.composeTextChanged(edited)) }
            return true
        default:
            return false
        }
    }

    /// Runs the editor on a private temporary file holding `text`; the file's text afterwards, nil if it failed.
    private static func edit(_ text: String, environment: [String: String], log: FileLog?) -> String? {
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("allo-draft-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        guard FileManager.default.createFile(atPath: file.path, contents: Data(text.utf8),
                                             attributes: [.posixPermissions: 0o600]) else { return nil }
        let status: Int32
        do {
            // The editor may carry arguments ("code -w"): the shell splits it; the file is passed as "$1". It has the
            // terminal (descriptors 0, 1 and 2) to itself; this thread, the main one, waits for it.
            status = try Tool.runInTerminal("/bin/sh", ["-c", editor + " \"$1\"", "allo-editor", file.path])
        } catch {
            log?.write("editor \(editor): \(error)")
            return nil
        }
        guard status == 0, let data = FileManager.default.contents(atPath: file.path) else {
            log?.write("editor \(editor) exited with \(status); draft unchanged")
            return nil
        }
        var edited = String(decoding: data, as: UTF8.self)
        // Editors end files with a newline the user did not mean to send.
        while edited.hasSuffix("\n") { edited.removeLast() }
        return edited
    }
}
