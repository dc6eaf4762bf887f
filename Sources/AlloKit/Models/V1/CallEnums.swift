/// Inbound or outbound: a v1 call's `type`, a text message's `type` (contract §6.1, §6.6).
public enum Direction: OpenEnum {
    case inbound, outbound, unknown(String)
    /// Wire spellings of the known cases; any other value decodes as `.unknown(raw)`.
    public static let wireValues: [(Direction, String)] = [(.inbound, "INBOUND"), (.outbound, "OUTBOUND")]
}

/// How a v1 call ended (contract §6.1). Outbound calls that reached voicemail say `voicemail`.
public enum CallResult: OpenEnum {
    case answered, voicemail, transferredAI, transferredExternal, blocked, failed, failedExternal, received, closed
    case unknown(String)
    /// Wire spellings of the known cases; any other value decodes as `.unknown(raw)`.
    public static let wireValues: [(CallResult, String)] = [
        (.answered, "ANSWERED"), (.voicemail, "VOICEMAIL"), (.transferredAI, "TRANSFERRED_AI"),
        (.transferredExternal, "TRANSFERRED_EXTERNAL"), (.blocked, "BLOCKED"), (.failed, "FAILED"),
        (.failedExternal, "FAILED_EXTERNAL"), (.received, "RECEIVED"), (.closed, "CLOSED"),
    ]
}

/// Who speaks in a transcript row: the AI assistant, the other party, or the Allo user.
public enum Speaker: OpenEnum {
    case agent, external, user, unknown(String)
    /// Wire spellings of the known cases; any other value decodes as `.unknown(raw)`.
    public static let wireValues: [(Speaker, String)] = [(.agent, "AGENT"), (.external, "EXTERNAL"), (.user, "USER")]
}
