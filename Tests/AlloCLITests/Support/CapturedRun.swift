@testable import AlloCLI
import Foundation
import Synchronization

/// What one in-process `allo …` run printed and how it ended.
struct CapturedRun: Sendable {
    var exitStatus: Int32
    var out: String
    var err: String

    /// stdout parsed as JSON.
    func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(out.utf8), options: [.fragmentsAllowed]) }
    var jsonArray: [[String: Any]] { ((try? json()) as? [[String: Any]]) ?? [] }
    var jsonObject: [String: Any] { ((try? json()) as? [String: Any]) ?? [:] }
    /// Everything the run printed, both streams.
    var all: String { out + err }
}

/// Runs `allo ARGUMENTS` in this process through the same runner as the binary, with the given environment, stdin
/// text and terminal flags; `lines` answers prompts in order (nil: end of input).
func runAllo(_ arguments: [String], variables: [String: String], stdin: String = "", tty: Bool = false,
             width: Int? = nil, lines: [String?] = []) async -> CapturedRun {
    let out = Buffer("")
    let err = Buffer("")
    let answers = Buffer(lines[...])
    let input = Data(stdin.utf8)
    let io = CommandIO(
        variables: variables, stdinIsTerminal: tty, stdoutIsTerminal: tty, width: width ?? (tty ? 100 : nil),
        write: { stream, text in (stream == .out ? out : err).value.withLock { $0 += text } },
        readInput: { input },
        readLine: { prompt, _ in
            err.value.withLock { $0 += prompt }
            return answers.value.withLock { $0.popFirst() ?? nil }
        })
    let status = await CommandRunner.run(arguments, io: io)
    return CapturedRun(exitStatus: status, out: out.value.withLock { $0 }, err: err.value.withLock { $0 })
}

/// A value the IO closures share across threads.
private final class Buffer<Value: Sendable>: Sendable {
    let value: Mutex<Value>
    init(_ value: Value) { self.value = Mutex(value) }
}
