import Foundation

/// Writes revisions of one value to its `PrivateFile`, newest first, off the main actor.
///
/// Revisions that arrive within `delay` of the first unwritten one are merged: only the newest is written, once. So a
/// burst of keystrokes costs one write, and each reaches the disk within `delay` plus one write of the last change.
/// An older revision than one already written is dropped (effects run concurrently and may arrive out of order).
actor SnapshotWriter<Value: Codable & Sendable & Equatable> {
    let file: PrivateFile<Value>
    let delay: Duration
    let clock: any Clock<Duration>
    /// What the value is called in a notice ("drafts", "outbox").
    let name: String

    private var pending: Revision<Value>?
    private var written = 0
    private var writing = false
    private var waiters: [(number: Int, resume: CheckedContinuation<Void, Never>)] = []
    private var failing = false
    private var unreported: String?

    init(file: PrivateFile<Value>, name: String, delay: Duration, clock: any Clock<Duration>) {
        self.file = file
        self.name = name
        self.delay = delay
        self.clock = clock
    }

    /// Writes `revision` (or a newer one) and returns once it is on disk or failed. Returns a notice when saving has
    /// just started failing (once, not on every failed write).
    func save(_ revision: Revision<Value>) async -> String? {
        if revision.number > max(written, pending?.number ?? 0) { pending = revision }
        if !writing, pending != nil {
            writing = true
            Task { await self.drain() }
        }
        await waitFor(revision.number)
        defer { unreported = nil }
        return unreported
    }

    /// Returns once revision `number`, or a newer one, has been written (or failed to be).
    func waitFor(_ number: Int) async {
        guard number > written else { return }
        await withCheckedContinuation { waiters.append((number, $0)) }
    }

    private func drain() async {
        while pending != nil {
            if delay > .zero { try? await clock.sleep(for: delay) }
            guard let next = pending else { break }
            pending = nil
            do {
                try file.save(next.value)
                failing = false
            } catch {
                if !failing { unreported = "The \(name) could not be saved: \(error.description)" }
                failing = true
            }
            written = max(written, next.number)
            let ready = waiters.filter { $0.number <= written }
            waiters.removeAll { $0.number <= written }
            for waiter in ready { waiter.resume.resume() }
        }
        writing = false
    }
}
