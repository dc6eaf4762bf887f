import AlloKit
import AlloSandbox
import AlloStore
import AlloTUI
import AlloTerminal
import Foundation

/// The terminal client: AlloClient → EffectRunner → Store → TerminalLoop, and the exit code it ends with.
@MainActor
enum ClientLauncher {
    /// Seconds between simulated inbound events in `--demo`.
    static let demoActivityInterval = 20.0

    /// Runs the client until it quits. Problems before the screen starts go to stderr (the terminal is still plain);
    /// once it runs, everything goes to the log file.
    static func run(demo: Bool, theme choice: String?, environment: ClientEnvironment) async -> Int32 {
        let target: ClientEnvironment.Target
        do {
            target = try environment.target(demo: demo)
        } catch {
            Console.err(error.description)
            if case .settings(let problem) = error { return problem.exitStatus }
            return error == .missingKey ? ExitStatus.authentication : ExitStatus.usage
        }
        var secrets: [String] = []
        if case let .api(key, _) = target { secrets.append(key) }
        let log = FileLog(url: environment.logFile, secrets: secrets)
        let themeVariables = environment.themeVariables()
        let (theme, themeError) = ThemeLoader.resolve(choice, environment: themeVariables)

        var sandbox: SandboxServer?
        let key: String
        let baseURL: URL
        let chrome: Chrome
        switch target {
        case let .api(apiKey, url):
            (key, baseURL) = (apiKey, url)
            chrome = Chrome(demo: false, account: url.host)
        case .demo:
            do {
                let server = try await startDemoSandbox(log: log)
                sandbox = server
                // The key with every scope: the demo shows everything the client can do.
                key = (server.keys.first { $0.scopes.count == Scope.allCases.count } ?? server.keys[0]).secret
                baseURL = server.baseURL
                chrome = Chrome(demo: true, account: nil)
                log?.write("demo sandbox on \(server.baseURL.absoluteString), activity every \(Int(demoActivityInterval)) s")
            } catch {
                Console.err("allo: the demo sandbox did not start: \(error)")
                return 1
            }
        }

        let client: AlloClient
        do {
            client = try AlloClient(apiKey: key, baseURL: baseURL)
        } catch {
            Console.err("allo: \(error)")
            await sandbox?.stop()
            return 2
        }
        var state = AppState()
        if let themeError {
            log?.write("theme: \(themeError)")
            state.status.toasts.append(Toast(id: state.status.nextToastID, level: .error,
                                             text: "\(themeError); using the default theme"))
            state.status.nextToastID += 1
        }
        let store = Store(state: state, runner: EffectRunner(client: client, stateDirectory: environment.stateDirectory))
        log?.write("start: \(demo ? "demo" : "api \(baseURL.absoluteString)"), theme \(theme.name), pid \(getpid())")

        let code: Int32
        do {
            let themes = ThemeSwitch(theme, environment: themeVariables)
            let dump = environment.variables["ALLO_FRAME_DUMP"].map { URL(fileURLWithPath: $0) }
            code = try await TerminalLoop.run(store: store, frame: { state, size in
                let frame = renderFrame(state, size: size, theme: themes.theme, chrome: chrome)
                // For tests that compare what the terminal shows with what was drawn (ALLO_FRAME_DUMP=PATH).
                if let dump { try? Data(frame.canvas.rows().joined(separator: "\n").utf8).write(to: dump, options: .atomic) }
                return TerminalFrame(canvas: frame.canvas, cursor: frame.cursor.map { CursorPosition(x: $0.x, y: $0.y) })
            }, intercept: { key, control in
                KeyIntercept.handle(key, store: store, control: control, themes: themes, environment: environment.variables,
                                   log: log)
            }, crashNotice: CrashReports.notice(environment: environment.variables), graphemes: graphemes(environment, log))
        } catch {
            log?.write("terminal: \(error)")
            Console.err("allo: \(error)\n" + ClientSetupError.instead)
            code = 1
        }
        await sandbox?.stop()
        log?.write("exit \(code)")
        return code
    }

    /// `ALLO_GRAPHEMES` (`on`, `off`, `auto`); another value is logged and taken as `auto`.
    private static func graphemes(_ environment: ClientEnvironment, _ log: FileLog?) -> GraphemeSetting {
        if let setting = GraphemeSetting(variable: environment.variables["ALLO_GRAPHEMES"]) { return setting }
        log?.write("ALLO_GRAPHEMES: '\(environment.variables["ALLO_GRAPHEMES"] ?? "")' is not on, off or auto; using auto")
        return .auto
    }

    /// A sandbox on a free loopback port with the default world and live activity; its request log goes to the file.
    private static func startDemoSandbox(log: FileLog?) async throws -> SandboxServer {
        var configuration = SandboxConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.activityInterval = demoActivityInterval
        if let log {
            configuration.requestLog = { @Sendable line in log.write("sandbox: " + line) }
            configuration.warnings = { @Sendable line in log.write("sandbox warning: " + line) }
        }
        return try await SandboxServer.start(configuration)
    }
}
