import Foundation
import ProcessTools
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The built `allo` binary in a private tmux pane: how it starts, refuses to start, and leaves the terminal.
@Suite("allo in a terminal: start, refusal, exit", .serialized,
       .enabled(if: Tmux.path != nil || Tmux.required, Comment(rawValue: Tmux.missingMessage + "; skipped (set ALLO_E2E_REQUIRED=1 to fail instead)")))
struct ClientLifecycleTests {
    @Test("Without a terminal it refuses and names what to use instead")
    func refusesWithoutATerminal() async throws {
        let binary = ClientSession.binary.path
        let (status, output) = try await Tool.run(binary, ["--demo"])
        #expect(status == 2)
        #expect(output.contains("needs a terminal"))
        #expect(output.contains("allo sandbox") && output.contains("SDK"))
    }

    @Test("TERM=dumb and a missing key are refused with a message saying what to do")
    func refusesDumbTerminalAndMissingKey() async throws {
        try await ClientSession.with(["--demo"], environment: ["TERM": "dumb"]) { dumb in
            let screen = try await dumb.tmux.waitFor(text: ClientSession.endMarker)
            #expect(screen.contains("TERM=dumb"))
            #expect(screen.contains("\(ClientSession.exitMarker)2"))
        }
        try await ClientSession.with([], environment: [:]) { keyless in
            let screen = try await keyless.tmux.waitFor(text: ClientSession.endMarker)
            #expect(screen.contains("ALLO_API_KEY"))
            #expect(screen.contains("allo auth login"))
            #expect(screen.contains("allo --demo"))
            #expect(screen.contains("\(ClientSession.exitMarker)4"))
        }
    }
}
