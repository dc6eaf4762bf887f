import ArgumentParser
import Foundation

/// Parses arguments into a command, runs it and turns whatever happens into an exit code. The one path for the real
/// process (`allo …`) and for tests.
enum CommandRunner {
    static func run(_ arguments: [String], io: CommandIO) async -> Int32 {
        let command: any ParsableCommand
        do {
            command = try AlloCommand.parseAsRoot(arguments)
        } catch {
            return reportParseFailure(error, io: io)
        }
        if let command = command as? any APICommand {
            return await execute(command, io: io)
        }
        do {
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                var command = command
                try command.run()
            }
            return ExitStatus.success
        } catch {
            return reportParseFailure(error, io: io)
        }
    }

    static func execute(_ command: some APICommand, io: CommandIO) async -> Int32 {
        let context = CommandContext(io: io, global: command.global, flags: command.settingsFlags)
        do {
            try await command.execute(context)
            return ExitStatus.success
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch let error as ValidationError {
            return show(ErrorReport.report(CLIError.usage(error.message)), io: io)
        } catch {
            return show(ErrorReport.report(error), io: io)
        }
    }

    private static func show(_ report: ErrorReport.Report, io: CommandIO) -> Int32 {
        // Error messages quote the API's text: shown safe, like every human line.
        for line in report.lines { io.err(TerminalText.safe(line)) }
        return report.exitStatus
    }

    /// Help, `--version` and completion scripts go to stdout with 0; usage and `validate()` errors, which ArgumentParser
    /// ends with 64 (EX_USAGE), end with 2 here, like every usage error of allo.
    private static func reportParseFailure(_ error: any Error, io: CommandIO) -> Int32 {
        let code = AlloCommand.exitCode(for: error).rawValue
        let message = AlloCommand.fullMessage(for: error)
        if code == 0 {
            if !message.isEmpty { io.out(message) }
            return ExitStatus.success
        }
        if !message.isEmpty { io.err(message) }
        return code == ExitCode.validationFailure.rawValue ? ExitStatus.usage : code
    }
}
