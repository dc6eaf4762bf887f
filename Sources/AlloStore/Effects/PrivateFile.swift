public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A JSON file only its owner can read (0600, in a 0700 directory): the drafts and the outbox.
///
/// Writes are atomic (a temporary file in the same directory, fsync, then `rename(2)`), so a crash or `kill -9` leaves
/// the old file or the new one, never half of one. A missing file is nil. A file that does not parse is moved aside to
/// `<name>.corrupt-<unix time>` and reported, never overwritten: the user's text is still in it.
public struct PrivateFile<Value: Codable & Sendable>: Sendable {
    public let url: URL

    public init(url: URL) {
        self.url = url
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The file could not be read or written; `reason` is the system's message.
        case io(String)
        /// The file did not parse and was moved to `movedTo`.
        case corrupt(movedTo: String)

        public var description: String {
            switch self {
            case .io(let reason): return reason
            case .corrupt(let path): return "the file could not be read; it was kept as \(path)"
            }
        }
    }

    /// The saved value; nil when there is no file. A corrupt file is moved aside and `Failure.corrupt` thrown.
    public func load() throws(Failure) -> Value? {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            if !FileManager.default.fileExists(atPath: url.path) { return nil }
            throw .io("cannot read \(url.path): \(error.localizedDescription)")
        }
        do {
            return try JSONDecoder().decode(Value.self, from: data)
        } catch {
            let aside = url.path + ".corrupt-\(Int(Date().timeIntervalSince1970))"
            guard rename(url.path, aside) == 0 else { throw .io("cannot move the unreadable \(url.path) aside: \(Self.systemError())") }
            throw .corrupt(movedTo: aside)
        }
    }

    /// Replaces the file with `value`, atomically, mode 0600; creates the directory (0700) if needed.
    public func save(_ value: Value) throws(Failure) {
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw .io("cannot create \(directory.path): \(error.localizedDescription)")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data: Data
        do {
            data = try encoder.encode(value)
        } catch {
            throw .io("cannot encode \(url.lastPathComponent): \(error)")
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
        // Created 0600 from the start: the text is never readable by others, not even for a moment.
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .io("cannot create \(temporary): \(Self.systemError())") }
        let written = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
        let synced = written && fsync(fd) == 0
        close(fd)
        guard synced, rename(temporary, url.path) == 0 else {
            let reason = Self.systemError()
            unlink(temporary)
            throw .io("cannot write \(url.path): \(reason)")
        }
    }

    private static func systemError() -> String { String(cString: strerror(errno)) }
}
