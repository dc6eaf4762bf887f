@testable import AlloCLI
import Foundation
import Testing

@Suite("Configuration: precedence, profiles, file permissions")
struct ConfigTests {
    let location = URL(fileURLWithPath: "/cfg/allo/config.toml")
    let file = ConfigFile(defaultProfile: "work", profiles: [
        "work": .init(apiKey: "ak_live_work", baseURL: "http://work.test", alloNumber: "+33611111111",
                      senderID: "WORK", theme: "light"),
        "home": .init(apiKey: "ak_live_home", alloNumber: "+14155550100", theme: "mono"),
    ])

    func resolve(_ flags: Settings.Flags = .init(), _ variables: [String: String] = [:]) throws(CLIError) -> Settings {
        try Settings.resolve(flags: flags, variables: variables, file: file, location: location)
    }

    @Test("The config's default profile, then ALLO_PROFILE, then --profile")
    func profileChoice() throws {
        #expect(try resolve().profile == "work")
        #expect(try resolve().apiKey == "ak_live_work")
        #expect(try resolve(.init(), ["ALLO_PROFILE": "home"]).apiKey == "ak_live_home")
        #expect(try resolve(.init(profile: "work"), ["ALLO_PROFILE": "home"]).apiKey == "ak_live_work")
        #expect(try Settings.resolve(flags: .init(), variables: [:], file: nil, location: location).profile == "default")
    }

    @Test("Environment beats the profile; flags beat both")
    func precedence() throws {
        let environment = ["ALLO_API_KEY": "ak_live_env", "ALLO_BASE_URL": "http://env.test", "ALLO_THEME": "high-contrast"]
        let settings = try resolve(.init(), environment)
        #expect(settings.apiKey == "ak_live_env")
        #expect(settings.keySource == .environment)
        #expect(settings.baseURL.absoluteString == "http://env.test")
        #expect(settings.theme == "high-contrast")
        #expect(try resolve(.init(theme: "default"), environment).theme == "default")
        #expect(try resolve(.init(alloNumber: "+33622222222")).alloNumber == "+33622222222")
        #expect(try resolve(.init(senderID: "FLAG")).senderID == "FLAG")

        let fromFile = try resolve()
        #expect(fromFile.keySource == .profile(path: location.path))
        #expect(fromFile.baseURL.absoluteString == "http://work.test")
        #expect(fromFile.alloNumber == "+33611111111")
        #expect(fromFile.senderID == "WORK")
        #expect(fromFile.theme == "light")
        // Nothing anywhere: the real API, and no key.
        let bare = try Settings.resolve(flags: .init(), variables: [:], file: nil, location: location)
        #expect(bare.baseURL == Settings.defaultBaseURL)
        #expect(bare.apiKey == nil)
        #expect(throws: CLIError.self) { try bare.requireKey() }
    }

    @Test("An unknown profile named by flag or ALLO_PROFILE is an error naming the known ones")
    func unknownProfile() {
        #expect(throws: CLIError.self) { try resolve(.init(profile: "nope")) }
        do {
            _ = try resolve(.init(), ["ALLO_PROFILE": "nope"])
        } catch {
            #expect(error.message.contains("home, work"))
            #expect(error.hint?.contains("allo auth login --profile nope") == true)
        }
    }

    @Test("A bad base URL is refused before any request")
    func badBaseURL() {
        #expect(throws: CLIError.self) { try resolve(.init(), ["ALLO_BASE_URL": "ftp://x"]) }
    }

    @Test("XDG_CONFIG_HOME when absolute, else ~/.config")
    func configLocation() {
        #expect(ConfigFile.location(["XDG_CONFIG_HOME": "/x", "HOME": "/h"]).path == "/x/allo/config.toml")
        #expect(ConfigFile.location(["XDG_CONFIG_HOME": "rel", "HOME": "/h"]).path == "/h/.config/allo/config.toml")
    }

    @Test("A config file group or others can read is refused with the chmod that fixes it (exit 4), and never read")
    func permissionRefusal() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("allo-config-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let url = home.appendingPathComponent("allo/config.toml")
        try file.save(to: url)
        #expect(try ConfigFile.load(url) == file)
        chmod(url.path, 0o644)
        #expect(throws: CLIError.self) { try ConfigFile.load(url) }
        let run = await runAllo(["numbers", "list"], variables: ["XDG_CONFIG_HOME": home.path, "HOME": home.path])
        #expect(run.exitStatus == 4)
        #expect(run.err.contains("error: CONFIG_PERMISSIONS"))
        #expect(run.err.contains("hint: chmod 600 \(url.path)"))
        #expect(!run.all.contains("ak_live_work"))
    }

    @Test("A config file that is not TOML names the file and line (exit 2)")
    func malformedFile() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("allo-config-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let url = home.appendingPathComponent("allo/config.toml")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: url.path, contents: Data("[profiles.a]\napi_key = \n".utf8),
                                       attributes: [.posixPermissions: 0o600])
        let run = await runAllo(["me"], variables: ["XDG_CONFIG_HOME": home.path])
        #expect(run.exitStatus == 2)
        #expect(run.err.contains("\(url.path):2"))
    }

    @Test("Keys are masked to their kind and last four characters", arguments: [
        ("ak_live_0123456789abcdefghijklmnopqrstuv", "ak_live_…stuv"),
        ("ak_live_short", "ak_live_…"),
        ("plainsecretwithoutunderscores123", "…s123"),
    ])
    func mask(key: String, masked: String) {
        #expect(KeyMask.mask(key) == masked)
    }
}
