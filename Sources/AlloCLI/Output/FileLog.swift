import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#else
import Darwin
private let systemWrite = Darwin.write
#endif

/// An append-only log file for the terminal client, which must never write to stderr while the screen is in use.
///
/// Each line is one `write(2)` on an `O_APPEND` descriptor, so lines from any thread never interleave. Secrets handed
/// to `init` are replaced by a placeholder in every line, whatever logged them. Sendable: only immutable stored
/// properties; the descriptor is written by the kernel's append, which needs no lock.
final class FileLog: Sendable {
    let path: String
    private let descriptor: Int32
    private let secrets: [String]

    /// Opens (or creates, mode 0600) the file, making its directory (0700) if needed. Nil when that fails: the
    /// client then runs without a log rather than not at all.
    init?(url: URL, secrets: [String] = []) {
        let directory = url.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
        self.path = url.path
        self.descriptor = descriptor
        self.secrets = secrets.filter { $0.count >= 4 }
    }

    deinit { close(descriptor) }

    func write(_ message: String) {
        var line = message
        for secret in secrets { line = line.replacingOccurrences(of: secret, with: "<key>") }
        let stamp = Date().formatted(.iso8601)
        let bytes = Array("\(stamp) \(line)\n".utf8)
        _ = bytes.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
    }
}
