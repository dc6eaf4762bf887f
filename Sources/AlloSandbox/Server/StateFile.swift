import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `--state FILE`: the world's changes as JSON, replaced atomically (write a temporary file beside it, fsync, rename),
/// so a sandbox killed at any moment leaves either the old file or the new one, never half of one.
struct StateFile: Sendable {
    let path: String
    let onError: @Sendable (String) -> Void

    struct LoadError: Error, CustomStringConvertible {
        let description: String
    }

    func load() throws(LoadError) -> WorldSnapshot? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return try JSONDecoder().decode(WorldSnapshot.self, from: data)
        } catch {
            throw LoadError(description: "cannot read the state file \(path): \(error). Move it away to start from the seed.")
        }
    }

    func save(_ snapshot: WorldSnapshot) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(snapshot)
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw POSIXFailure(call: "open", path: temporary) }
        let written = data.withUnsafeBytes { raw -> Int in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { return offset }
                offset += n
            }
            return offset
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == data.count, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw POSIXFailure(call: "write", path: path)
        }
    }

    func report(_ error: any Error) {
        onError("warning: could not save the state file \(path): \(error)")
    }
}

struct POSIXFailure: Error, CustomStringConvertible {
    let call: String
    let path: String
    let code = errno
    var description: String { "\(call)(\(path)) failed: \(String(cString: strerror(code)))" }
}
