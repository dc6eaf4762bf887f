import Foundation

/// Line output that reaches a file or a pipe at once: each line is one write(2), nothing sits in a buffer.
enum Console {
    static func out(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func err(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
