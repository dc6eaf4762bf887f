import Foundation

/// Everything a command reads from or writes to its process: the environment, stdin, stdout and stderr, and whether
/// they are terminals. Commands never touch the process directly, so tests run them in-process with captured output.
struct CommandIO: Sendable {
    enum Stream: Sendable { case out, err }

    var variables: [String: String]
    var stdinIsTerminal: Bool
    var stdoutIsTerminal: Bool
    /// Columns of the terminal stdout shows on; nil when stdout is not a terminal (nothing is cut then).
    var width: Int?
    /// Writes text as given (callers add the newline); each call is one write.
    var write: @Sendable (Stream, String) -> Void
    /// All of stdin, up to its end.
    var readInput: @Sendable () -> Data
    /// Shows `prompt` on stderr and reads one line from stdin; `hidden` turns the terminal's echo off meanwhile.
    /// Nil at end of input.
    var readLine: @Sendable (_ prompt: String, _ hidden: Bool) -> String?

    /// Colour and bold only for a terminal, and never when `NO_COLOR` is set to anything (no-color.org).
    var usesColor: Bool {
        stdoutIsTerminal && (variables["NO_COLOR"] ?? "").isEmpty && variables["TERM"] != "dumb"
    }

    func out(_ line: String) { write(.out, line + "\n") }
    func err(_ line: String) { write(.err, line + "\n") }
}

extension CommandIO {
    /// The real process.
    static func process() -> CommandIO {
        let stdoutIsTerminal = isatty(STDOUT_FILENO) == 1
        return CommandIO(
            variables: ProcessInfo.processInfo.environment,
            stdinIsTerminal: isatty(STDIN_FILENO) == 1,
            stdoutIsTerminal: stdoutIsTerminal,
            width: stdoutIsTerminal ? terminalColumns() : nil,
            write: { stream, text in
                (stream == .out ? FileHandle.standardOutput : FileHandle.standardError).write(Data(text.utf8))
            },
            readInput: { FileHandle.standardInput.readDataToEndOfFile() },
            readLine: { prompt, hidden in
                FileHandle.standardError.write(Data(prompt.utf8))
                let echo = hidden ? EchoOff(STDIN_FILENO) : nil
                defer {
                    echo?.restore()
                    if hidden { FileHandle.standardError.write(Data("\n".utf8)) }
                }
                return Swift.readLine(strippingNewline: true)
            })
    }

    private static func terminalColumns() -> Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}

/// Turns a terminal's echo off until `restore()`, for reading a secret.
private struct EchoOff {
    let descriptor: Int32
    let saved: termios?

    init(_ descriptor: Int32) {
        self.descriptor = descriptor
        var attributes = termios()
        guard tcgetattr(descriptor, &attributes) == 0 else {
            saved = nil
            return
        }
        saved = attributes
        attributes.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(descriptor, TCSAFLUSH, &attributes)
    }

    func restore() {
        guard var saved else { return }
        tcsetattr(descriptor, TCSAFLUSH, &saved)
    }
}
