import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a crash of the terminal client goes: a file in the state directory, never the screen.
///
/// Swift's runtime reads `SWIFT_BACKTRACE` once, as the process starts, before any of our code runs. So when the
/// terminal client starts without it, it sets it and re-executes itself in place (`execv` of its own binary: the
/// same pid, the same arguments, never a child of a wrapper): the backtracer then runs non-interactively, writes
/// `crash-DATE.txt` (0600: the umask is 077) and lets the process die, so the shell gets its prompt back within
/// seconds. A `SWIFT_BACKTRACE` set by the user is left as it is. `TerminalRestore` puts the terminal back first and
/// prints one line naming the file.
enum CrashReports {
    /// Set for the re-executed client: the crash file's path.
    static let fileVariable = "ALLO_CRASH_FILE"

    /// What the backtracer is told: no questions, no colour; no register or memory dumps (they could hold a key); raw
    /// addresses and the images they fall in, not symbols: symbolicating a large binary took 1 to 4 s here, and the
    /// shell must get its prompt back at once (`llvm-symbolizer --obj=allo ADDRESS-BASE` names them later).
    static func setting(file: String) -> String {
        "enable=yes,interactive=no,color=no,threads=all,registers=none,images=mentioned,symbolicate=off,sanitize=yes,"
            + "output-to=\(file)"
    }

    /// Re-executes the process with `SWIFT_BACKTRACE` set when `arguments` start the terminal client and it is not
    /// set yet. Returns when nothing is to be done, or when `execv` failed (the client then runs without it).
    static func prepare(arguments: [String], environment: [String: String], stateDirectory: URL, now: Date = Date()) {
        guard isClient(Array(arguments.dropFirst())), environment["SWIFT_BACKTRACE"] == nil,
              environment[fileVariable] == nil else { return }
        let file = crashFile(in: stateDirectory, at: now)
        try? FileManager.default.createDirectory(at: stateDirectory, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        umask(0o077)
        setenv("SWIFT_BACKTRACE", setting(file: file.path), 1)
        setenv(fileVariable, file.path, 1)
        // The binary's own path, not /proc/self/exe, so the process keeps its name ("allo", not "exe").
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? "/proc/self/exe"
        let argv = arguments.map { strdup($0) } + [nil]
        execv(executable, argv)
        // Still here: the exec failed. Run as we are, without the variables.
        unsetenv("SWIFT_BACKTRACE")
        unsetenv(fileVariable)
    }

    /// `crash-2026-12-05T143241.txt`, by the start time (UTC).
    static func crashFile(in directory: URL, at date: Date) -> URL {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HHmmss"
        return directory.appendingPathComponent("crash-\(formatter.string(from: date)).txt")
    }

    /// Whether the arguments run the terminal client (no subcommand, no help or completion script).
    static func isClient(_ arguments: [String]) -> Bool {
        let subcommands = Set(AlloCommand.configuration.subcommands.compactMap { $0.configuration.commandName })
        let other: Set<String> = ["-h", "--help", "help", "--version", "--generate-completion-script"]
        return !arguments.contains { subcommands.contains($0) || other.contains($0) }
    }

    /// The line `TerminalRestore` prints on stderr after a crash, once the terminal is back.
    static func notice(environment: [String: String]) -> String {
        guard let file = environment[fileVariable] else { return "allo crashed\n" }
        return "allo crashed; the backtrace is in \(file)\n"
    }
}
