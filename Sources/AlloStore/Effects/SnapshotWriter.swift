import Foundation

/// Writes revisions of one value to its `PrivateFile`, newest first, off the main actor.
///
/// A revision is written at once when the writer is idle. Revisions that arrive while a write is under way are
/// merged: only the newest is written, next. So a burst of keystrokes costs a few writes, never a queue of them, and
/// each change reaches the disk within about two writes (a few milliseconds; fsync included). An older revision than
/// one already written is dropped (effects run concurrently and may arrive out of order).
actor SnapshotWriter<Value: Codable & Sendable & Equatable> {
    let file: PrivateFile<Value>
    /// What the value is called in a notice ("drafts", "outbox").
    let name: String

    private var pending: Revision<Value>?
    private var written = 0
    private var writing = false
    private var waiters: [(number: Int, resume: CheckedContinuation<Void, Never>)] = []
    private var failing = false
    private var unreported: String?

    init(file: PrivateFile<Value>, name: String) {
        self.file = file
        self.name = name
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
        while let next = pending {
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
