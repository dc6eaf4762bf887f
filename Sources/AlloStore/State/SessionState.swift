/// Who the key is and what it may do, from `GET /v2/api/me`; on a server without v2, assumed from the v1 surface.
public struct SessionState: Equatable, Sendable {
    public var identity: Loadable<Identity> = .idle
    /// Whether v2 answered at all. False for a server (or key) without v2: the client runs on v1 only.
    public var hasV2 = false
    /// Notices for features the key cannot use ("Search needs CONVERSATIONS_READ"), shown instead of an empty pane.
    public var notices: [String] = []

    public init() {}

    /// What the client can do with this key. Until `/me` answers, nothing is assumed.
    public var capabilities: Capabilities {
        guard let identity = identity.value else { return Capabilities(scopes: nil, hasV2: hasV2) }
        return Capabilities(scopes: Set(identity.scopes), hasV2: hasV2)
    }
}

/// The key's identity as `/v2/api/me` gives it.
public struct Identity: Equatable, Sendable {
    public var apiKeyID: String
    public var scopes: [String]
    public var teamName: String?
    public var readsPerSecond: Int
    public var writesPerSecond: Int

    public init(apiKeyID: String, scopes: [String], teamName: String? = nil, readsPerSecond: Int = 20, writesPerSecond: Int = 5) {
        self.apiKeyID = apiKeyID
        self.scopes = scopes
        self.teamName = teamName
        self.readsPerSecond = readsPerSecond
        self.writesPerSecond = writesPerSecond
    }
}

/// Features switched on by the key's scopes. With unknown scopes (no v2), every v1 feature is tried and errors speak.
public struct Capabilities: Equatable, Sendable {
    /// nil when unknown (no `/me`).
    public var scopes: Set<String>?
    public var hasV2: Bool

    public init(scopes: Set<String>?, hasV2: Bool) {
        self.scopes = scopes
        self.hasV2 = hasV2
    }

    /// Whether the key has `scope`, or a `_READ_WRITE` scope covering a `_READ` one. Unknown scopes count as granted.
    public func has(_ scope: String) -> Bool {
        guard let scopes else { return true }
        if scopes.contains(scope) { return true }
        if scope.hasSuffix("_READ") { return scopes.contains(scope + "_WRITE") }
        return false
    }

    public var numberSource: NumberSource { hasV2 && has("PHONE_NUMBERS_READ") ? .v2 : .v1 }
    public var inboxSource: InboxSource { hasV2 && has("CONVERSATIONS_READ") ? .conversations : .contacts }
    /// Server-side search over transcripts and SMS (v2 only).
    public var canSearch: Bool { hasV2 && has("CONVERSATIONS_READ") }
    /// Read, unread, archive and unarchive (v2 only).
    public var hasReadState: Bool { hasV2 && has("CONVERSATIONS_READ") }
    public var canSend: Bool { has("SMS_SEND") }
}
