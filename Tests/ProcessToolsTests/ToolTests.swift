import Foundation
import ProcessTools
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The runner every child process starts through, checked with /bin/sh one-liners.
@Suite("Tool: running child processes")
struct ToolTests {
    static let shell = "/bin/sh"

    @Test("The exit status, and 128 + the signal for a child killed by one")
    func exitStatus() async throws {
        #expect(try await Tool.run(Self.shell, ["-c", "exit 3"]).status == 3)
        #expect(try await Tool.run(Self.shell, ["-c", "kill -TERM $$"]).status == 128 + SIGTERM)
        #expect(try await Tool.capture(Self.shell, ["-c", "kill -KILL $$"]).status == 128 + SIGKILL)
        #expect(try Tool.runInTerminal(Self.shell, ["-c", "exit 5"]) == 5)
        #expect(try Tool.runInTerminal(Self.shell, ["-c", "kill -HUP $$"]) == 128 + SIGHUP)
    }

    @Test("A program that cannot start is an error, not a status")
    func missingExecutable() async {
        await #expect(throws: Tool.Failure.self) { try await Tool.run("/nonexistent/program", []) }
        #expect(throws: Tool.Failure.self) { try Tool.start("/nonexistent/program", []) }
    }

    @Test("stdout and stderr apart with capture, in one with run")
    func outputs() async throws {
        let script = "echo out; echo err >&2; echo more"
        let apart = try await Tool.capture(Self.shell, ["-c", script])
        #expect(apart.status == 0)
        #expect(apart.stdout == "out\nmore\n")
        #expect(apart.stderr == "err\n")
        let merged = try await Tool.run(Self.shell, ["-c", script])
        #expect(merged.output == "out\nerr\nmore\n")
    }

    @Test("The environment given, and only it")
    func environment() async throws {
        let output = try await Tool.capture("/usr/bin/env", [], environment: ["ONLY": "this one"])
        #expect(output.stdout == "ONLY=this one\n")
    }

    @Test("stdin: the bytes given, more than a pipe holds, while the child writes them back")
    func stdinBytes() async throws {
        let input = Data((0..<200_000).map { UInt8(ascii: "a") + UInt8($0 % 26) })
        let echoed = try await Tool.capture(Self.shell, ["-c", "cat; echo done >&2"], stdin: input)
        #expect(echoed.status == 0)
        #expect(Data(echoed.stdout.utf8) == input)
        #expect(echoed.stderr == "done\n")
        let counted = try await Tool.run(Self.shell, ["-c", "wc -c"], stdin: input)
        #expect(counted.output.trimmingCharacters(in: .whitespacesAndNewlines) == "200000")
        #expect(try await Tool.run(Self.shell, ["-c", "cat"], stdin: Data()).output.isEmpty)
        #expect(try await Tool.run(Self.shell, ["-c", "cat"]).output.isEmpty, "no stdin given: /dev/null")
    }

    @Test("A child that stops reading its stdin ends normally and the test process lives on (EPIPE, no SIGPIPE)")
    func stdinNotRead() async throws {
        let input = Data(repeating: UInt8(ascii: "x"), count: 200_000)
        let head = try await Tool.capture(Self.shell, ["-c", "head -c 10"], stdin: input)
        #expect(head.status == 0)
        #expect(head.stdout == String(repeating: "x", count: 10))
        let ignoring = try await Tool.capture(Self.shell, ["-c", "exec 0<&-; echo closed"], stdin: input)
        #expect(ignoring.status == 0)
        #expect(ignoring.stdout == "closed\n")
    }

    @Test("Lines of a long-running child arrive while it runs; signal() ends it and wait() gives 128 + the signal")
    func streamedLines() async throws {
        let child = try Tool.start(Self.shell, ["-c", "echo first; printf 'second\\n'; exec sleep 1000"])
        defer { child.signal(SIGKILL) }
        var lines = child.lines.makeAsyncIterator()
        // The child only ends when signalled below, so these lines came while it ran.
        #expect(await lines.next() == "first")
        #expect(await lines.next() == "second")
        child.signal(SIGTERM)
        #expect(await child.wait() == 128 + SIGTERM)
        #expect(await child.wait() == 128 + SIGTERM, "a second wait gives the same status")
        #expect(await lines.next() == nil, "the lines end with the child's stdout")
        child.signal(SIGKILL)  // after the exit: nothing to signal, nothing happens
    }

    @Test("A child that handles the signal exits with its own status; a last line without a newline still arrives")
    func handledSignal() async throws {
        let script = "trap 'kill $!; printf bye; exit 7' TERM; sleep 1000 >/dev/null & echo ready; wait $!"
        let child = try Tool.start(Self.shell, ["-c", script])
        defer { child.signal(SIGKILL) }
        var lines = child.lines.makeAsyncIterator()
        #expect(await lines.next() == "ready")
        child.signal(SIGTERM)
        #expect(await child.wait() == 7)
        #expect(await lines.next() == "bye")
        #expect(await lines.next() == nil)
    }

    @Test("A child still running at the timeout is killed, and the run fails")
    func timeout() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pidFile = folder.appendingPathComponent("pid")
        await #expect(throws: Tool.Failure.self) {
            try await Tool.run(Self.shell, ["-c", "echo $$ > '\(pidFile.path)'; exec sleep 1000"], timeout: .seconds(2))
        }
        let pid = try #require(Int32(String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        // The run throws only after the child was killed and reaped: the pid is gone.
        #expect(kill(pid, 0) == -1 && errno == ESRCH)
    }

    @Test("A descendant that keeps the output open after the child exited ends in the timeout too, not in a hang")
    func descendantHoldsOutput() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pidFile = folder.appendingPathComponent("pid")
        await #expect(throws: Tool.Failure.self) {
            try await Tool.run(Self.shell, ["-c", "sleep 1000 & echo $! > '\(pidFile.path)'"], timeout: .seconds(2))
        }
        let descendant = try #require(Int32(String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(descendant, SIGKILL) == 0, "the descendant was still there")
    }

    @Test("No descriptor of the parent reaches a child: it has 0, 1 and 2 only")
    func noDescriptorLeaks() async throws {
        // A descriptor without close-on-exec, as a careless library would leave one.
        let leaky = open("/dev/null", O_RDONLY)
        try #require(leaky > 2)
        defer { close(leaky) }
        // `ls` lists the shell's descriptors, not its own.
        let list = "ls /proc/$$/fd"
        #expect(try await Tool.run(Self.shell, ["-c", list]).output == "0\n1\n2\n")
        #expect(try await Tool.capture(Self.shell, ["-c", list], stdin: Data("x".utf8)).stdout == "0\n1\n2\n")
        let child = try Tool.start(Self.shell, ["-c", list])
        var lines: [String] = []
        for await line in child.lines { lines.append(line) }
        #expect(await child.wait() == 0)
        #expect(lines == ["0", "1", "2"])
    }

    @Test("runInTerminal: the child has this process's 0, 1 and 2, and nothing else")
    func terminalDescriptors() throws {
        let leaky = open("/dev/null", O_RDONLY)
        try #require(leaky > 2)
        defer { close(leaky) }
        let script = """
            for n in 0 1 2; do [ /proc/$$/fd/$n -ef /proc/$PPID/fd/$n ] || exit 1$n; done
            for n in 3 4 5 6 7 8 9 \(leaky); do [ -e /proc/$$/fd/$n ] && exit 20; done
            exit 0
            """
        #expect(try Tool.runInTerminal(Self.shell, ["-c", script]) == 0)
    }
}
