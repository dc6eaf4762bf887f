import Foundation

/// `--message TEXT`, or `--message -` for the text on stdin (one trailing newline dropped, as `echo` adds it).
enum MessageInput {
    static func read(_ argument: String, io: CommandIO) throws(CLIError) -> String {
        guard argument == "-" else { return argument }
        guard let text = String(data: io.readInput(), encoding: .utf8) else {
            throw CLIError.usage("the message on stdin is not UTF-8 text")
        }
        var message = text
        if message.hasSuffix("\r\n") {
            message.removeLast(1)
        } else if message.hasSuffix("\n") {
            message.removeLast()
        }
        guard !message.isEmpty else { throw CLIError.usage("the message on stdin is empty") }
        return message
    }
}
