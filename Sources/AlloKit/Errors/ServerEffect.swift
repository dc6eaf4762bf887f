/// Whether a failed request may have taken effect on the server. The one rule: the retry policy, the client's outbox
/// and `allo sms send` all read it from here.
///
/// The API gives no idempotency for `POST /v1/api/sms`, and a gateway's 5xx often comes after the message was accepted,
/// so only an answer that proves the server did not act counts as "not done".
public enum ServerEffect: Sendable, Equatable {
    /// The server did not act: a 4xx other than 408 (429 included), a refused connection or unknown host, a check that
    /// failed before any request. Sending again is safe.
    case notDone
    /// The server may have acted: a 5xx, a 408, a timeout or a connection lost after the request left, a 2xx whose body
    /// could not be read, a call cancelled in flight. Look before sending again.
    case mayHaveBeenDone

    /// The rule for an HTTP answer that was not 2xx.
    static func ofStatus(_ status: Int) -> ServerEffect {
        (400..<500).contains(status) && status != 408 ? .notDone : .mayHaveBeenDone
    }
}

extension AlloError {
    /// What this failure says about the server's side (see `ServerEffect`).
    public var serverEffect: ServerEffect {
        switch self {
        case .http(let failure): return .ofStatus(failure.status)
        case .transport(_, let failure): return failure.requestMayHaveBeenSent ? .mayHaveBeenDone : .notDone
        case .invalidArgument: return .notDone
        case .timeout, .undecodable, .cancelled: return .mayHaveBeenDone
        }
    }

    /// `serverEffect == .mayHaveBeenDone`: the request may have been carried out although it failed.
    public var mayHaveBeenDone: Bool { serverEffect == .mayHaveBeenDone }
}

extension AttemptOutcome {
    /// The same rule for one attempt, as the retry policy sees it.
    var serverEffect: ServerEffect {
        switch self {
        case .status(let status, _, _, _): return .ofStatus(status)
        case .transport(let mayHaveBeenSent): return mayHaveBeenSent ? .mayHaveBeenDone : .notDone
        case .timeout: return .mayHaveBeenDone
        }
    }
}
