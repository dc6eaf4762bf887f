import Foundation
import TOMLKit

/// `$XDG_CONFIG_HOME/allo/config.toml`: named profiles, each with a key, a base URL, a default Allo number, a default
/// sender ID and a theme. It may hold keys, so like ssh it is refused when group or others can read it.
///
///     default_profile = "work"
///     [profiles.work]
///     api_key = "ak_live_…"
///     allo_number = "+33612345678"
struct ConfigFile: Codable, Equatable, Sendable {
    struct Profile: Codable, Equatable, Sendable {
        var apiKey: String?
        var baseURL: String?
        var alloNumber: String?
        var senderID: String?
        var theme: String?

        enum CodingKeys: String, CodingKey {
            case apiKey = "api_key", baseURL = "base_url", alloNumber = "allo_number", senderID = "sender_id", theme
        }
    }

    var defaultProfile: String?
    var profiles: [String: Profile] = [:]

    enum CodingKeys: String, CodingKey {
        case defaultProfile = "default_profile", profiles
    }

    init(defaultProfile: String? = nil, profiles: [String: Profile] = [:]) {
        self.defaultProfile = defaultProfile
        self.profiles = profiles
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        defaultProfile = try container.decodeIfPresent(String.self, forKey: .defaultProfile)
        profiles = try container.decodeIfPresent([String: Profile].self, forKey: .profiles) ?? [:]
    }

    /// Where the file is: `$XDG_CONFIG_HOME/allo/config.toml`, else `~/.config/allo/config.toml` (a relative
    /// `XDG_CONFIG_HOME` is ignored, as the XDG spec says).
    static func location(_ variables: [String: String]) -> URL {
        if let config = variables["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return URL(fileURLWithPath: config).appendingPathComponent("allo/config.toml")
        }
        let home = variables["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".config/allo/config.toml")
    }

    /// The file at `url`, or nil when there is none. Refuses a file group or others can read or write.
    static func load(_ url: URL) throws(CLIError) -> ConfigFile? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        let mode = info.st_mode & 0o777
        if mode & 0o077 != 0 {
            throw CLIError(code: "CONFIG_PERMISSIONS",
                           message: "\(url.path) holds API keys but group or others can access it "
                               + "(mode \(String(mode, radix: 8)))",
                           hint: "chmod 600 \(url.path)", exitStatus: ExitStatus.authentication)
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw CLIError(code: "CONFIG", message: "cannot read \(url.path): \(error.localizedDescription)",
                           exitStatus: ExitStatus.usage)
        }
        do {
            return try TOMLDecoder().decode(ConfigFile.self, from: text)
        } catch let error as TOMLParseError {
            throw CLIError(code: "CONFIG", message: "\(url.path):\(error.source.begin.line): \(error.description)",
                           exitStatus: ExitStatus.usage)
        } catch {
            throw CLIError(code: "CONFIG", message: "\(url.path): \(error)", exitStatus: ExitStatus.usage)
        }
    }

    /// Writes the file with mode 0600 (its folder 0700), replacing the old one in one rename.
    func save(to url: URL) throws(CLIError) {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            let text = try TOMLEncoder().encode(self).convert(to: .toml) + "\n"
            let temporary = folder.appendingPathComponent(".config.toml.\(getpid())")
            guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8),
                                                 attributes: [.posixPermissions: 0o600]) else {
                throw CLIError(code: "CONFIG", message: "cannot write \(temporary.path)", exitStatus: ExitStatus.usage)
            }
            chmod(temporary.path, 0o600)
            guard rename(temporary.path, url.path) == 0 else {
                unlink(temporary.path)
                throw CLIError(code: "CONFIG", message: "cannot replace \(url.path): \(String(cString: strerror(errno)))",
                               exitStatus: ExitStatus.usage)
            }
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError(code: "CONFIG", message: "cannot write \(url.path): \(error)", exitStatus: ExitStatus.usage)
        }
    }
}
