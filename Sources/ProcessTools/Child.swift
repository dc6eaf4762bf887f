import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A started child until it is reaped, and its exit status.
///
/// A signal reaches the child only while it is not reaped, so never a process that got its pid after it: the exit is
/// first waited for without reaping (the zombie keeps the pid), then the child is reaped under the same lock `signal`
/// takes.
final class Child: Sendable {
    let pid: pid_t
    private let reaped = Mutex(false)
    private let exit = Latch<Int32>()

    init(_ pid: pid_t) {
        self.pid = pid
    }

    func signal(_ number: Int32) {
        reaped.withLock { reaped in
            if !reaped { _ = kill(pid, number) }
        }
    }

    /// Blocks the calling thread until the child exits, reaps it and returns its status: the exit code, or 128 + the
    /// signal that killed it; -1 if it could not be waited for.
    @discardableResult
    func reap() -> Int32 {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) < 0, errno == EINTR {}
        let status = reaped.withLock { reaped in
            var raw: Int32 = 0
            var result: pid_t
            repeat { result = waitpid(pid, &raw, 0) } while result < 0 && errno == EINTR
            reaped = true
            guard result == pid else { return Int32(-1) }
            return (raw & 0x7f) == 0 ? (raw >> 8) & 0xff : 128 + (raw & 0x7f)
        }
        exit.set(status)
        return status
    }

    /// Reaps the child on a thread of its own, so no thread of the cooperative pool (two on these machines) waits.
    func reapInBackground() {
        let thread = Thread { self.reap() }
        thread.name = "reaper \(pid)"
        thread.start()
    }

    /// The exit status, once `reap()` has it.
    func status() async -> Int32 {
        await exit.value()
    }
}

/// A value set once and awaited by any number of tasks.
final class Latch<Value: Sendable>: Sendable {
    private struct State {
        var value: Value?
        var waiting: [CheckedContinuation<Value, Never>] = []
    }

    private let state = Mutex(State())

    /// Sets the value and wakes every waiting task, unless the value was set already; returns whether it was set here.
    @discardableResult
    func set(_ value: Value) -> Bool {
        let waiting: [CheckedContinuation<Value, Never>]? = state.withLock { state in
            guard state.value == nil else { return nil }
            state.value = value
            defer { state.waiting = [] }
            return state.waiting
        }
        waiting?.forEach { $0.resume(returning: value) }
        return waiting != nil
    }

    func value() async -> Value {
        await withCheckedContinuation { continuation in
            let ready: Value? = state.withLock { state in
                if state.value == nil { state.waiting.append(continuation) }
                return state.value
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}
