import Glibc

typealias SavedTermios = termios

/// Puts the terminal back on every exit path.
///
/// - Crashes (SIGILL and SIGTRAP from Swift traps, SIGSEGV, SIGBUS, SIGABRT, also when sent from outside): nothing
///   unwinds, so the handler restores with async-signal-safe calls only (`write` of the mode-off bytes, `tcsetattr` of
///   the termios saved at start), writes the crash notice on stderr (where the backtrace goes), puts the previous
///   action back (the default, or Swift's backtracer, which then writes its file) and re-raises.
/// - SIGTERM, SIGHUP, SIGINT, SIGQUIT: graceful. The handler writes the signal number to a self-pipe that `InputPump` polls, and
///   the loop quits and restores normally. (Not dispatch signal sources: they lose signals on Linux.)
/// - SIGWINCH: curses' own handler still runs (it queues `KEY_RESIZE`), and a byte on the pipe wakes the loop to read it.
/// - `exit()` while curses is active: an `atexit` hook does the crash restore.
///
/// Everything a handler touches lives in one block allocated before any handler is installed, reached through a
/// pointer: no lazy global initialisation, no exclusivity checks, no allocation inside a handler.
enum TerminalRestore {
    static let crashSignals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT]
    static let gracefulSignals: [Int32] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT]

    /// Saves termios, opens the self-pipe and installs the handlers; `crashNotice` is written on stderr after a crash,
    /// once the terminal is restored. Returns the pipe's read end.
    static func install(crashNotice: String) -> Int32 {
        let block = restoreBlock
        if block.pointee.installed != 0 { return block.pointee.pipeRead }
        free(block.pointee.notice)
        block.pointee.notice = strdup(crashNotice)
        block.pointee.noticeLength = block.pointee.notice.map { strlen($0) } ?? 0
        block.pointee.hasTermios = tcgetattr(STDIN_FILENO, &block.pointee.termios) == 0 ? 1 : 0
        // The terminal through a descriptor of its own, so a restore can first point stdout (curses' output) at
        // /dev/null: other threads keep drawing while a crash is handled, and must not bring the screen back.
        block.pointee.outputFD = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3)
        block.pointee.nullFD = open("/dev/null", O_WRONLY | O_CLOEXEC)
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            for end in ends {
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
                _ = fcntl(end, F_SETFL, O_NONBLOCK)
            }
        }
        block.pointee.pipeRead = ends[0]
        block.pointee.pipeWrite = ends[1]

        var crash = sigaction()
        crash.__sigaction_handler.sa_handler = { signal in TerminalRestore.crashed(signal) }
        sigemptyset(&crash.sa_mask)
        crash.sa_flags = Int32(truncatingIfNeeded: Int(SA_NODEFER) | Int(SA_RESETHAND))
        for signal in crashSignals { replace(signal, with: &crash) }

        var graceful = sigaction()
        graceful.__sigaction_handler.sa_handler = { signal in TerminalRestore.wake(signal) }
        sigemptyset(&graceful.sa_mask)
        graceful.sa_flags = SA_RESTART
        for signal in gracefulSignals { replace(signal, with: &graceful) }

        if block.pointee.atexitInstalled == 0 {
            block.pointee.atexitInstalled = 1
            atexit { TerminalRestore.restoreNow() }
        }
        block.pointee.installed = 1
        return block.pointee.pipeRead
    }

    /// Chains SIGWINCH after curses installed its own handler (call after `newterm`).
    static func chainResize() {
        var resize = sigaction()
        resize.__sigaction_handler.sa_handler = { signal in TerminalRestore.resized(signal) }
        sigemptyset(&resize.sa_mask)
        resize.sa_flags = SA_RESTART
        replace(SIGWINCH, with: &resize)
    }

    /// The terminal is in curses mode: a crash or `exit` must restore it.
    static func setActive(_ active: Bool) {
        restoreBlock.pointee.active = active ? 1 : 0
    }

    /// The client switched mode 2027 on: a crash or `exit` switches it off.
    static func setClustering(_ on: Bool) {
        restoreBlock.pointee.clustering = on ? 1 : 0
    }

    /// Puts back every previous action and closes the pipe (after the terminal was restored normally).
    static func uninstall() {
        let block = restoreBlock
        guard block.pointee.installed != 0 else { return }
        block.pointee.active = 0
        for signal in crashSignals + gracefulSignals + [SIGWINCH] where block.pointee.saved(signal) {
            withUnsafePointer(to: block.pointee.previous(signal)) { _ = sigaction(signal, $0, nil) }
            block.pointee.forget(signal)
        }
        for descriptor in [block.pointee.pipeWrite, block.pointee.pipeRead, block.pointee.outputFD, block.pointee.nullFD]
        where descriptor >= 0 {
            close(descriptor)
        }
        block.pointee.pipeWrite = -1
        block.pointee.pipeRead = -1
        block.pointee.outputFD = -1
        block.pointee.nullFD = -1
        block.pointee.installed = 0
    }

    /// The mode-off bytes: CAN (ends an escape sequence a frame cut short left open), attributes reset, cursor shown,
    /// bracketed paste off, alternate screen left.
    static let modeOff: StaticString = "\u{18}\u{1B}[0m\u{1B}[?25h\u{1B}[?2004l\u{1B}[?1049l"

    /// Async-signal-safe restore, once, only while curses is active: stdout silenced (the process is ending; nothing
    /// may draw again), the mode-off bytes, the saved termios.
    static func restoreNow() {
        let block = restoreBlock
        guard block.pointee.active != 0 else { return }
        block.pointee.active = 0
        if block.pointee.nullFD >= 0 { _ = dup2(block.pointee.nullFD, STDOUT_FILENO) }
        let terminal = block.pointee.outputFD >= 0 ? block.pointee.outputFD : STDOUT_FILENO
        _ = write(terminal, modeOff.utf8Start, modeOff.utf8CodeUnitCount)
        if block.pointee.clustering != 0 {
            _ = write(terminal, GraphemeClustering.off.utf8Start, GraphemeClustering.off.utf8CodeUnitCount)
        }
        if block.pointee.hasTermios != 0 {
            _ = tcsetattr(STDIN_FILENO, TCSANOW, &block.pointee.termios)
        }
    }

    private static func crashed(_ signal: Int32) {
        restoreNow()
        let block = restoreBlock
        if let notice = block.pointee.notice { _ = write(STDERR_FILENO, notice, block.pointee.noticeLength) }
        // The one line is said; the runtime's progress line ("*** Signal N: Backtracing… done ***") stays off screen.
        if block.pointee.nullFD >= 0 { _ = dup2(block.pointee.nullFD, STDERR_FILENO) }
        var previous = block.pointee.previous(signal)
        if handlerValue(previous) == 1 {
            previous = sigaction()
            previous.__sigaction_handler.sa_handler = SIG_DFL
        }
        _ = sigaction(signal, &previous, nil)
        _ = raise(signal)
        // Back here when the signal was sent from outside: Swift's backtracer returns, expecting the faulting
        // instruction to fault again. End the process the default way.
        var fallback = sigaction()
        fallback.__sigaction_handler.sa_handler = SIG_DFL
        _ = sigaction(signal, &fallback, nil)
        _ = raise(signal)
    }

    private static func wake(_ signal: Int32) {
        let saved = errno
        let block = restoreBlock
        if block.pointee.pipeWrite >= 0 {
            var byte = UInt8(truncatingIfNeeded: signal)
            _ = write(block.pointee.pipeWrite, &byte, 1)
        } else {
            restoreNow()
            var fallback = sigaction()
            fallback.__sigaction_handler.sa_handler = SIG_DFL
            _ = sigaction(signal, &fallback, nil)
            _ = raise(signal)
        }
        errno = saved
    }

    private static func resized(_ signal: Int32) {
        let saved = errno
        let block = restoreBlock
        let previous = block.pointee.previous(signal)
        if previous.sa_flags & Int32(SA_SIGINFO) == 0, handlerValue(previous) > 1,
           let handler = previous.__sigaction_handler.sa_handler {
            handler(signal)
        }
        if block.pointee.pipeWrite >= 0 {
            var byte = UInt8(truncatingIfNeeded: signal)
            _ = write(block.pointee.pipeWrite, &byte, 1)
        }
        errno = saved
    }

    /// The handler as a number: 0 is SIG_DFL, 1 is SIG_IGN, anything else a function.
    private static func handlerValue(_ action: sigaction) -> Int {
        guard let handler = action.__sigaction_handler.sa_handler else { return 0 }
        return unsafeBitCast(handler, to: Int.self)
    }

    private static func replace(_ signal: Int32, with action: inout sigaction) {
        let block = restoreBlock
        var previous = sigaction()
        guard sigaction(signal, &action, &previous) == 0 else { return }
        if !block.pointee.saved(signal) { block.pointee.remember(signal, previous) }
    }
}

/// What the handlers read. Allocated once, on first use, before any handler is installed.
struct RestoreBlock {
    var termios = SavedTermios()
    var hasTermios: Int32 = 0
    var active: Int32 = 0
    var clustering: Int32 = 0
    var installed: Int32 = 0
    var atexitInstalled: Int32 = 0
    /// A duplicate of stdout (the terminal), and /dev/null to silence stdout with.
    var outputFD: Int32 = -1
    var nullFD: Int32 = -1
    var pipeRead: Int32 = -1
    var pipeWrite: Int32 = -1
    /// The line written on stderr after a crash (a C string made before any handler is installed).
    var notice: UnsafeMutablePointer<CChar>? = nil
    var noticeLength = 0
    /// Previous actions by signal number (signals below 32 are the only ones used); a raw buffer, so a handler reading
    /// it retains nothing.
    let actions: UnsafeMutablePointer<sigaction> = {
        let actions = UnsafeMutablePointer<sigaction>.allocate(capacity: 32)
        actions.initialize(repeating: sigaction(), count: 32)
        return actions
    }()
    var savedMask: UInt32 = 0

    func saved(_ signal: Int32) -> Bool { savedMask & (1 << UInt32(signal)) != 0 }
    func previous(_ signal: Int32) -> sigaction { actions[Int(signal)] }
    mutating func remember(_ signal: Int32, _ action: sigaction) {
        savedMask |= 1 << UInt32(signal)
        actions[Int(signal)] = action
    }
    mutating func forget(_ signal: Int32) { savedMask &= ~(1 << UInt32(signal)) }
}

/// The one block the signal handlers share; a `let` to a pointer, so reading it in a handler takes no lock and no check.
/// `nonisolated(unsafe)`: written only by `TerminalRestore` from the loop's actor before and after the handlers are
/// installed; the handlers read plain words (and `active`, a word set once per transition).
nonisolated(unsafe) let restoreBlock: UnsafeMutablePointer<RestoreBlock> = {
    let block = UnsafeMutablePointer<RestoreBlock>.allocate(capacity: 1)
    block.initialize(to: RestoreBlock())
    return block
}()
