import AlloTUI
import CNcursesw
import Foundation
import Glibc

/// Why the terminal could not be started.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    case notATerminal
    case unknownTerminal(String?)

    public var description: String {
        switch self {
        case .notATerminal:
            "stdin and stdout must be a terminal"
        case let .unknownTerminal(name):
            "the terminal type \(name.map { "'\($0)'" } ?? "(TERM is not set)") is unknown to ncurses; set TERM, e.g. TERM=xterm-256color"
        }
    }
}

/// Where the cursor is shown (compose); nil hides it.
public struct CursorPosition: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// The curses screen: started with `newterm`, drawn from a `Canvas`, ended with `endwin`.
///
/// Only rows that differ from the previous frame are copied into the window; then one `wnoutrefresh` and one `doupdate`,
/// so curses sends only the changed cells. Never `clear()` per frame.
@MainActor
final class CursesScreen {
    private let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    private(set) var size: Size
    private var previous: Canvas?
    private var pairs: ColorPairs
    private var styles: [Style: (attributes: attr_t, pair: Int32)] = [:]
    private var cursorShown: Bool?
    private var ended = false
    private var scratch = [wchar_t](repeating: 0, count: 8)
    /// Mode 2027 was switched on by the client: it is switched off again whenever the terminal is given back.
    private var clustering = false

    /// Bracketed paste on: pasted text arrives between `ESC[200~` and `ESC[201~`.
    private static let pasteOn: StaticString = "\u{1B}[?2004h"
    private static let pasteOff: StaticString = "\u{1B}[?2004l"

    init() throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        setlocale(LC_ALL, "")
        guard let screen = newterm(nil, allo_stdout(), allo_stdin()) else {
            throw .unknownTerminal(getenv("TERM").map { String(cString: $0) })
        }
        self.screen = screen
        set_term(screen)
        let window = allo_stdscr()!
        self.window = window
        raw()
        noecho()
        nonl()
        keypad(window, true)
        nodelay(window, true)
        idlok(window, true)
        if getenv("ESCDELAY") == nil { set_escdelay(25) }
        if has_colors() {
            start_color()
            use_default_colors()
        }
        pairs = ColorPairs(colors: has_colors() ? Int(allo_colors()) : 0, capacity: Int(allo_color_pairs()))
        size = Size(width: Int(allo_getmaxx(window)), height: Int(allo_getmaxy(window)))
        Self.emit(Self.pasteOn)
    }

    /// Copies `canvas` to the screen; shows the cursor at `cursor`, or hides it.
    func draw(_ canvas: Canvas, cursor: CursorPosition? = nil) {
        guard !ended else { return }
        let width = canvas.size.width
        let full = previous?.size != canvas.size
        for y in 0..<min(canvas.size.height, size.height) {
            let row = y * width..<(y + 1) * width
            if !full, let previous, previous.cells[row] == canvas.cells[row] { continue }
            for x in 0..<min(width, size.width) {
                put(canvas.cells[y * width + x], x: x, y: y)
            }
        }
        previous = canvas
        if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < size.width, cursor.y < size.height {
            setCursor(visible: true)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            setCursor(visible: false)
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// Asks the terminal whether it has grapheme clustering (mode 2027); the answer comes as `.modeReport`.
    func askForGraphemeClustering() {
        guard !ended else { return }
        Self.emit(GraphemeClustering.query)
    }

    /// Switches mode 2027 on; the next `draw` repaints every row (clusters take their own width now).
    func switchGraphemeClusteringOn() {
        guard !ended, !clustering else { return }
        clustering = true
        TerminalRestore.setClustering(true)
        Self.emit(GraphemeClustering.on)
        previous = nil
    }

    /// Re-reads the size after `KEY_RESIZE`; the next `draw` repaints every row.
    func resized() {
        size = Size(width: Int(allo_getmaxx(window)), height: Int(allo_getmaxy(window)))
        previous = nil
    }

    /// Ctrl-Z: gives the terminal back, stops the process, and on `fg` takes it again. The caller draws next.
    func suspend() {
        released {
            var stopDefault = sigaction()
            stopDefault.__sigaction_handler.sa_handler = SIG_DFL
            sigemptyset(&stopDefault.sa_mask)
            var previousStop = sigaction()
            sigaction(SIGTSTP, &stopDefault, &previousStop)
            // The loop runs on a dispatch worker, which blocks signals: unblock SIGTSTP here so raise() stops the
            // process now (a thread-directed signal stays pending on a thread that blocks it), and returns after `fg`.
            var stopOnly = sigset_t()
            sigemptyset(&stopOnly)
            sigaddset(&stopOnly, SIGTSTP)
            var previousMask = sigset_t()
            pthread_sigmask(SIG_UNBLOCK, &stopOnly, &previousMask)
            raise(SIGTSTP)
            pthread_sigmask(SIG_SETMASK, &previousMask, nil)
            sigaction(SIGTSTP, &previousStop, nil)
        }
    }

    /// Gives the terminal back (shell modes, main screen) for `body`, e.g. `$EDITOR`, then takes it again; the size is
    /// read again and the next `draw` repaints everything.
    func released<T>(_ body: () throws -> T) rethrows -> T {
        guard !ended else { return try body() }
        Self.emit(Self.pasteOff)
        if clustering { Self.emit(GraphemeClustering.off) }
        endwin()
        TerminalRestore.setActive(false)
        defer {
            TerminalRestore.setActive(true)
            // After endwin, the next refresh takes program mode back and repaints the whole screen.
            doupdate()
            Self.emit(Self.pasteOn)
            if clustering { Self.emit(GraphemeClustering.on) }
            cursorShown = nil
            resized()
        }
        return try body()
    }

    /// Copies `text` to the system clipboard with OSC 52 (works over SSH where the terminal allows it).
    func copyToClipboard(_ text: String) {
        guard !ended else { return }
        let sequence = "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
        var bytes = Array(sequence.utf8)
        _ = write(STDOUT_FILENO, &bytes, bytes.count)
    }

    /// Restores the terminal: paste off, cursor shown, `endwin` (termios and the main screen back).
    func end() {
        guard !ended else { return }
        ended = true
        Self.emit(Self.pasteOff)
        if clustering { Self.emit(GraphemeClustering.off) }
        curs_set(1)
        endwin()
        delscreen(screen)
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        // The right half of a two-cell glyph: curses filled it when it drew the left half.
        if cell.glyph.isEmpty { return }
        let look = resolve(cell.style)
        var count = 0
        for scalar in cell.glyph.unicodeScalars where count < Int(CCHARW_MAX) {
            scratch[count] = wchar_t(bitPattern: scalar.value)
            count += 1
        }
        if count == 0 { scratch[0] = 0x20; count = 1 }
        scratch[count] = 0
        var character = cchar_t()
        // The bottom-right cell answers ERR (the cursor cannot advance past it) yet is drawn: ignore the results.
        if count > 1, cell.glyph.unicodeScalars.dropFirst().contains(where: { TextWidth.of(scalar: $0) > 0 }) {
            // A whole cluster (mode 2027): setcchar and wadd_wch keep only its first spacing character, so the cell is
            // built whole and stored as it is (`wadd_wchnstr`); curses writes all of it and measures its first.
            scratch.withUnsafeBufferPointer { text in
                _ = allo_setcchar_cluster(&character, text.baseAddress, Int32(count), look.attributes, look.pair)
            }
            _ = mvwadd_wchnstr(window, Int32(y), Int32(x), &character, 1)
        } else {
            scratch.withUnsafeBufferPointer { text in
                _ = allo_setcchar(&character, text.baseAddress, look.attributes, look.pair)
            }
            _ = mvwadd_wch(window, Int32(y), Int32(x), &character)
        }
    }

    private func resolve(_ style: Style) -> (attributes: attr_t, pair: Int32) {
        if let known = styles[style] { return known }
        var attributes = allo_attr_normal()
        if style.bold { attributes |= allo_attr_bold() }
        if style.dim { attributes |= allo_attr_dim() }
        if style.italic { attributes |= allo_attr_italic() }
        if style.underline { attributes |= allo_attr_underline() }
        if style.reverse { attributes |= allo_attr_reverse() }
        let foreground = pairs.resolve(style.foreground), background = pairs.resolve(style.background)
        let (pair, isNew) = pairs.pair(foreground: foreground, background: background)
        if isNew, init_extended_pair(pair, foreground, background) == ERR, pair < Int32(Int16.max) {
            _ = init_pair(Int16(pair), Int16(clamping: foreground), Int16(clamping: background))
        }
        let look = (attributes, pair)
        styles[style] = look
        return look
    }

    private func setCursor(visible: Bool) {
        guard cursorShown != visible else { return }
        cursorShown = visible
        curs_set(visible ? 1 : 0)
    }

    /// Writes a mode sequence straight to the terminal between frames (after `doupdate` flushed curses' buffer).
    static func emit(_ bytes: StaticString) {
        _ = write(STDOUT_FILENO, bytes.utf8Start, bytes.utf8CodeUnitCount)
    }
}
