import Foundation
import Glibc
import Synchronization

/// What the poller thread reports.
enum PumpEvent: Sendable {
    /// stdin has bytes (or curses has a `KEY_RESIZE` queued): drain with `wget_wch`, then `acknowledge()`.
    case input
    /// SIGTERM, SIGHUP or SIGINT arrived.
    case signal(Int32)
    /// stdin hung up or failed: quit.
    case hangup
}

/// A dedicated thread that waits on stdin and on the signal self-pipe with `poll(2)` and reports readiness, so the
/// main actor never blocks on input. After each `.input` it waits for `acknowledge()`, so a readable stdin is reported
/// once per drain, never in a spin. `stop()` waits for it to end (within one poll timeout).
final class InputPump: Sendable {
    private let inputFD: Int32
    private let signalFD: Int32
    private let report: @Sendable (PumpEvent) -> Void
    private let running = Atomic<Bool>(true)
    private let drained = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    init(inputFD: Int32 = STDIN_FILENO, signalFD: Int32, report: @escaping @Sendable (PumpEvent) -> Void) {
        self.inputFD = inputFD
        self.signalFD = signalFD
        self.report = report
    }

    func start() {
        let thread = Thread { [self] in
            self.pump()
            self.finished.signal()
        }
        thread.name = "allo-input"
        thread.start()
    }

    /// The loop drained what was reported.
    func acknowledge() { drained.signal() }

    /// Ends the thread and waits for it (at most one poll timeout), so the descriptors it polls can be closed after.
    func stop() {
        running.store(false, ordering: .releasing)
        drained.signal()
        _ = finished.wait(timeout: .now() + .seconds(1))
    }

    private var isRunning: Bool { running.load(ordering: .acquiring) }

    private func pump() {
        var fds = [pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: signalFD, events: Int16(POLLIN), revents: 0)]
        while isRunning {
            fds[0].revents = 0
            fds[1].revents = 0
            let ready = poll(&fds, nfds_t(fds.count), 250)
            guard isRunning else { return }
            if ready < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                report(.hangup)
                return
            }
            if ready == 0 { continue }
            var wake = false
            if fds[1].revents & Int16(POLLIN) != 0 {
                var bytes = [UInt8](repeating: 0, count: 64)
                let count = read(signalFD, &bytes, bytes.count)
                for byte in bytes.prefix(max(0, count)) {
                    if Int32(byte) == SIGWINCH { wake = true } else { report(.signal(Int32(byte))) }
                }
            }
            let input = fds[0].revents
            if input & Int16(POLLIN) != 0 {
                wake = true
            } else if input & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                report(.hangup)
                return
            }
            if wake {
                report(.input)
                // Wait until the loop drained; wake up now and then to notice stop().
                while isRunning, drained.wait(timeout: .now() + .milliseconds(250)) == .timedOut {}
            }
        }
    }
}
