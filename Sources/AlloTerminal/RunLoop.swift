public import AlloStore
public import AlloTUI
import CNcursesw
import Glibc

/// One frame as the terminal shows it: the cells, and where the cursor goes (compose), if anywhere.
public struct TerminalFrame: Equatable, Sendable {
    public var canvas: Canvas
    public var cursor: CursorPosition?

    public init(canvas: Canvas, cursor: CursorPosition? = nil) {
        self.canvas = canvas
        self.cursor = cursor
    }
}

/// What a key handler outside the key map may do with the terminal while the loop runs.
@MainActor
public final class TerminalControl {
    private let screen: CursesScreen
    /// Set when the screen must be drawn again in full.
    var needsDraw = false

    init(screen: CursesScreen) {
        self.screen = screen
    }

    /// The terminal's size in cells.
    public var size: Size { screen.size }

    /// Gives the terminal back to the shell and stops the process (Ctrl-Z); returns after `fg`, and redraws.
    public func suspend() {
        screen.suspend()
        needsDraw = true
    }

    /// Gives the terminal back for `body` (run `$VISUAL`/`$EDITOR` here), then takes it again, re-reads the size and
    /// redraws.
    public func released<T>(_ body: () throws -> T) rethrows -> T {
        defer { needsDraw = true }
        return try screen.released(body)
    }

    /// Copies `text` to the clipboard with OSC 52 (works over SSH where the terminal allows it).
    public func copyToClipboard(_ text: String) {
        screen.copyToClipboard(text)
    }
}

/// The terminal client's loop: one owner on the main actor for the store and every curses call.
///
/// Named `TerminalLoop`, not `RunLoop`, so it never clashes with Foundation's `RunLoop` in files importing both.
@MainActor
public enum TerminalLoop {
    /// Runs the client until the store quits (`navigation.quitting`), a quit signal arrives or stdin ends.
    ///
    /// Starts the screen and the store (`store.start()`), draws only when the state changed or the terminal was resized,
    /// sends each key's actions (`KeyMap.actions(for:in:)`) to the store, suspends on Ctrl-Z. On the way out it
    /// calls `await store.stop()` (drafts saved) and restores the terminal.
    /// - Returns: 0 after a quit; 128 + the signal number after SIGTERM, SIGHUP, SIGINT or SIGQUIT; 129 when stdin hung
    ///   up.
    /// - Throws: `TerminalError` when the terminal cannot be started (nothing was changed then).
    public static func run(store: Store, theme: Theme, chrome: Chrome) async throws(TerminalError) -> Int32 {
        try await run(store: store) { state, size in
            TerminalFrame(canvas: AlloTUI.render(state, size: size, theme: theme, chrome: chrome))
        }
    }

    /// The same with any frame function (a cursor for compose, a theme that changes at run time), and an optional
    /// `intercept` that sees each key before the key map: return true when it handled the key (e.g. Ctrl-E running
    /// `$EDITOR` through `TerminalControl.released`, `y` copying through `copyToClipboard`). Ctrl-Z always suspends.
    /// `crashNotice` is the line written on stderr after a crash, once the terminal is restored; `graphemes` says
    /// whether to draw grapheme clusters as one glyph (asking the terminal with `auto`).
    public static func run(store: Store,
                           frame: @escaping @MainActor (AppState, Size) -> TerminalFrame,
                           intercept: (@MainActor (KeyEvent, TerminalControl) -> Bool)? = nil,
                           crashNotice: String = "allo crashed\n", graphemes: GraphemeSetting = .auto)
        async throws(TerminalError) -> Int32 {
        let signalFD = TerminalRestore.install(crashNotice: crashNotice)
        // Active before curses starts: a crash while it switches the screen still restores it.
        TerminalRestore.setActive(true)
        let screen: CursesScreen
        do {
            screen = try CursesScreen()
        } catch {
            TerminalRestore.setActive(false)
            TerminalRestore.uninstall()
            throw error
        }
        TerminalRestore.chainResize()
        let session = Session(store: store, screen: screen, signalFD: signalFD, frame: frame, intercept: intercept)
        session.start(graphemes: graphemes)
        let code = await session.run()
        screen.end()
        TerminalRestore.setActive(false)
        TerminalRestore.uninstall()
        return code
    }
}

/// One run: the event stream, the dirty flag, the decoder.
@MainActor
private final class Session {
    enum Event: Sendable {
        case pump(PumpEvent)
        case changed
        case expired(Int)
    }

    private let store: Store
    private let screen: CursesScreen
    private let frame: (AppState, Size) -> TerminalFrame
    private let intercept: ((KeyEvent, TerminalControl) -> Bool)?
    private let control: TerminalControl
    private let events: AsyncStream<Event>
    private let continuation: AsyncStream<Event>.Continuation
    private let pump: InputPump
    private var decoder = KeyDecoder()
    private var dirty = true
    private var exitCode: Int32?
    private var emptyDrains = 0
    private var expiry: Task<Void, Never>?
    private var expiryGeneration = 0
    /// How text is measured and drawn: per code point until the terminal says it clusters graphemes.
    private var graphemes = GraphemeMode.codePoints
    private var asked = false

    init(store: Store, screen: CursesScreen, signalFD: Int32, frame: @escaping (AppState, Size) -> TerminalFrame,
         intercept: ((KeyEvent, TerminalControl) -> Bool)?) {
        self.store = store
        self.screen = screen
        self.frame = frame
        self.intercept = intercept
        control = TerminalControl(screen: screen)
        (events, continuation) = AsyncStream<Event>.makeStream()
        let continuation = continuation
        pump = InputPump(signalFD: signalFD) { continuation.yield(.pump($0)) }
    }

    /// `on` switches mode 2027 on at once; `auto` asks and decides on the answer (`handle(.modeReport)`).
    func start(graphemes setting: GraphemeSetting) {
        switch setting {
        case .on:
            screen.switchGraphemeClusteringOn()
            graphemes = .clusters
        case .auto:
            asked = true
            screen.askForGraphemeClustering()
        case .off:
            break
        }
    }

    func run() async -> Int32 {
        let previousOnChange = store.onChange
        store.onChange = { [weak self] state in
            previousOnChange?(state)
            self?.markDirty()
        }
        pump.start()
        store.start()
        drawIfDirty()
        for await event in events {
            switch event {
            case let .pump(.signal(number)):
                exitCode = 128 + number
            case .pump(.hangup):
                exitCode = 128 + SIGHUP
            case .pump(.input):
                drain()
                pump.acknowledge()
            case .changed:
                break
            case let .expired(generation):
                if generation == expiryGeneration { handle(decoder.expire()) }
            }
            if store.state.navigation.quitting, exitCode == nil { exitCode = 0 }
            if exitCode != nil { break }
            drawIfDirty()
        }
        pump.stop()
        expiry?.cancel()
        continuation.finish()
        await store.stop()
        store.onChange = previousOnChange
        return exitCode ?? 0
    }

    private func markDirty() {
        guard !dirty else { return }
        dirty = true
        continuation.yield(.changed)
    }

    private func drawIfDirty() {
        if control.needsDraw {
            control.needsDraw = false
            dirty = true
        }
        guard dirty else { return }
        dirty = false
        TextWidth.$mode.withValue(graphemes) {
            let next = frame(store.state, screen.size)
            screen.draw(next.canvas, cursor: next.cursor)
            // The store pages and scrolls by the rows each pane really shows; after a resize or a layout change it is
            // told. Only changed viewports come back, so this settles after one extra frame.
            for action in viewportActions(for: store.state, size: screen.size) { store.send(action) }
        }
    }

    /// Reads every key curses has, in `nodelay` mode.
    private func drain() {
        var batch: [RawInput] = []
        var character: wint_t = 0
        while true {
            let result = wget_wch(screen.window, &character)
            if result == ERR { break }
            batch.append(result == KEY_CODE_YES ? .key(CursesKey(code: Int32(character))) : .scalar(UInt32(character)))
        }
        if batch.isEmpty {
            // Readable yet nothing to read, again and again: stdin is at end of file. Quit rather than spin.
            emptyDrains += 1
            if emptyDrains >= 3, Self.atEndOfInput() { exitCode = 128 + SIGHUP }
            return
        }
        emptyDrains = 0
        handle(decoder.decode(batch))
        scheduleExpiry()
    }

    private func handle(_ decoded: [TerminalEvent]) {
        for event in decoded {
            switch event {
            case .resize:
                screen.resized()
                dirty = true
            case let .modeReport(mode, value):
                guard asked, mode == GraphemeClustering.mode else { break }
                asked = false
                let decision = GraphemeClustering.decision(value)
                if decision.switchOn { screen.switchGraphemeClusteringOn() }
                if decision.mode != graphemes {
                    graphemes = decision.mode
                    screen.resized()
                    dirty = true
                }
            case .key(.control("z")):
                control.suspend()
            case let .key(key):
                if let intercept, intercept(key, control) { break }
                for action in KeyMap.actions(for: key, in: store.state) { store.send(action) }
            }
        }
    }

    /// A held escape sequence or an unfinished paste is given up after a quiet spell.
    private func scheduleExpiry() {
        expiry?.cancel()
        expiryGeneration += 1
        guard decoder.isWaiting else { return }
        let generation = expiryGeneration
        let delay: Duration = decoder.isPasting ? .milliseconds(500) : .milliseconds(60)
        let continuation = continuation
        expiry = Task {
            do { try await Task.sleep(for: delay) } catch { return }
            continuation.yield(.expired(generation))
        }
    }

    /// stdin polls readable with no bytes queued.
    private static func atEndOfInput() -> Bool {
        var fds = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&fds, 1, 0) == 1 else { return false }
        var queued: Int32 = 0
        return ioctl(STDIN_FILENO, UInt(FIONREAD), &queued) == 0 && queued == 0
    }
}
