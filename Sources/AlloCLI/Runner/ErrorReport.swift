import AlloKit
import Foundation

/// Turns any failure into the lines on stderr and the exit code: `error: CODE (HTTP STATUS): message`, then a hint.
enum ErrorReport {
    struct Report: Equatable {
        var lines: [String]
        var exitStatus: Int32
    }

    static func report(_ error: any Error) -> Report {
        switch error {
        case let error as CLIError:
            return Report(lines: ["error: \(error.code): \(error.message)"] + (error.hint.map { ["hint: " + $0] } ?? []),
                          exitStatus: error.exitStatus)
        case let error as AlloError:
            return report(error, retrySafe: true)
        case let error as Unconfirmed:
            // Retrying could send it twice: the "retry" hints of the send's own answer are left out.
            let answer = report(error.failure, retrySafe: false).lines.map { $0.replacingOccurrences(of: "error: ", with: "") }
            return Report(lines: ["error: UNCONFIRMED: the SMS may have been sent; it could not be confirmed; do not resend blindly",
                                  "hint: the send's answer: " + (answer.first ?? ""),
                                  "hint: " + error.reason,
                                  "hint: look with `allo items search --contact-number \(error.recipient) --type sms` "
                                      + "before sending it again (allo never resends one)"]
                            + answer.dropFirst().filter { $0.hasPrefix("hint: request id") },
                          exitStatus: ExitStatus.unconfirmed)
        default:
            return Report(lines: ["error: \(error)"], exitStatus: ExitStatus.apiError)
        }
    }

    /// `retrySafe: false` leaves out the hints that say to retry, for a write the server may have done.
    static func report(_ error: AlloError, retrySafe: Bool) -> Report {
        switch error {
        case .http(let failure):
            return Report(lines: ["error: \(failure.code ?? "HTTP_ERROR") (HTTP \(failure.status)): \(message(failure))"]
                            + hints(failure, retrySafe: retrySafe).map { "hint: " + $0 },
                          exitStatus: [401, 403].contains(failure.status) ? ExitStatus.authentication : ExitStatus.apiError)
        case .timeout(let request, let after):
            return Report(lines: ["error: TIMEOUT: no answer to \(request) within \(seconds(after))",
                                  "hint: check the network or ALLO_BASE_URL; a write may still have been done — "
                                      + "look before repeating it (an SMS is never resent by allo)"],
                          exitStatus: ExitStatus.network)
        case .transport(let request, let failure):
            return Report(lines: ["error: NETWORK: \(failure.message) (\(request))"]
                            + (retrySafe ? ["hint: check the network and ALLO_BASE_URL, then retry"] : []),
                          exitStatus: ExitStatus.network)
        case .cancelled:
            return Report(lines: ["error: CANCELLED: the request was cancelled"], exitStatus: ExitStatus.network)
        case .undecodable(let body):
            return Report(lines: ["error: UNDECODABLE (HTTP \(body.status)): \(body.reason) (\(body.request))"]
                            + (retrySafe ? ["hint: the API answered something allo cannot read; retry, or report it "
                                                + "with --json output"] : []),
                          exitStatus: ExitStatus.apiError)
        case .invalidArgument(let message):
            return Report(lines: ["error: INVALID_ARGUMENT: \(message)"], exitStatus: ExitStatus.usage)
        }
    }

    private static func message(_ failure: HTTPFailure) -> String {
        var text = failure.message ?? "the API refused \(failure.request)"
        let fields = failure.details.compactMap { detail -> String? in
            guard let field = detail.field else { return detail.message }
            return "\(field): \(detail.message ?? detail.code ?? "invalid")"
        }
        if !fields.isEmpty { text += " (" + fields.joined(separator: "; ") + ")" }
        return text
    }

    private static func hints(_ failure: HTTPFailure, retrySafe: Bool) -> [String] {
        var hints: [String] = []
        if !failure.requiredScopes.isEmpty {
            let scopes = failure.requiredScopes.joined(separator: ", ")
            hints.append("the key lacks the scope \(scopes); make a key with it in the Allo web app (Settings > API), "
                         + "then `allo auth login`")
        } else if failure.status == 401 {
            hints.append("the key was refused; run `allo auth login` or set ALLO_API_KEY to a valid key")
        } else if failure.status == 403 {
            hints.append("the key is not allowed to do this; check its scopes with `allo auth status`")
        }
        if failure.status == 429 || failure.rateLimit?.retryAfter != nil {
            if let wait = failure.rateLimit?.retryAfter ?? failure.rateLimit?.quotaResetsIn {
                hints.append("rate limited: retry in \(seconds(wait))")
            } else if let reset = failure.rateLimit?.reset {
                hints.append("rate limited: retry after \(AlloDate.format(reset))")
            } else {
                hints.append("rate limited: retry in a few seconds")
            }
        } else if failure.status >= 500, retrySafe {
            hints.append("the API failed; retry later")
        }
        if let suggestion = failure.suggestion, !suggestion.isEmpty { hints.append(suggestion) }
        if let id = failure.requestID { hints.append("request id \(id) (quote it to Allo support)") }
        return hints
    }

    private static func seconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }
}
