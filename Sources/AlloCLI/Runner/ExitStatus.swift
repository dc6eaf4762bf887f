/// The exit codes of every `allo` command (README "Exit codes").
enum ExitStatus {
    static let success: Int32 = 0
    /// The API answered with an error.
    static let apiError: Int32 = 1
    /// Bad usage or input, found before any request was made.
    static let usage: Int32 = 2
    /// No answer: the network failed or the request timed out.
    static let network: Int32 = 3
    /// No key, a refused key, a missing scope, or a config file others can read.
    static let authentication: Int32 = 4
    /// The SMS may have been sent: the answer was unclear and it was not found on the server. Do not resend blindly.
    static let unconfirmed: Int32 = 5
}

/// A failure the command found itself, before or instead of a request. `code` is a stable word for scripts.
struct CLIError: Error, Equatable {
    var code: String
    var message: String
    var hint: String?
    var exitStatus: Int32

    /// Bad input, found before any request.
    static func usage(_ message: String, hint: String? = nil) -> CLIError {
        CLIError(code: "USAGE", message: message, hint: hint, exitStatus: ExitStatus.usage)
    }
}
