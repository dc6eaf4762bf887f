public import Foundation
public import Logging

/// The Withallo API client. One per key; share it freely (it is `Sendable`).
///
/// ```swift
/// let allo = try AlloClient(apiKey: ProcessInfo.processInfo.environment["ALLO_API_KEY"] ?? "")
/// for number in try await allo.numbers.list() { print(number.number ?? "-", number.name ?? "") }
/// ```
public final class AlloClient: Sendable {
    /// The SDK version, sent as `User-Agent: allo-swift/<version>`.
    public static let version = "0.1.0"
    /// The production API root; `/v1/api/…` and `/v2/api/…` paths are appended to it.
    public static let defaultBaseURL = URL(string: "https://api.withallo.com")!

    let sender: RequestSender

    /// - Parameters:
    ///   - apiKey: an `ak_live_…` key; empty or blank throws `AlloError.invalidArgument`.
    ///   - baseURL: the API root; the seed SDK's `https://api.withallo.com/v1/api` form is understood too.
    ///   - timeout: per attempt, for the whole exchange including reading the body.
    ///   - headers: sent with every request (an `Authorization` here is ignored).
    ///   - transport: URLSession by default.
    ///   - retry: when and how often to retry; see `RetryPolicy`.
    ///   - authScheme: `Api-Key <key>` by default; `.raw` sends the bare key as the v1 docs did.
    ///   - clock: what retry backoff sleeps on (tests pass one that does not really sleep).
    ///   - logger: requests at debug level, retries at info; never the key.
    public init(apiKey: String, baseURL: URL = AlloClient.defaultBaseURL, timeout: Duration = .seconds(30),
                headers: [String: String] = [:], transport: any HTTPTransport = URLSessionTransport(),
                retry: RetryPolicy = .default, authScheme: AuthScheme = .apiKey,
                clock: any Clock<Duration> = ContinuousClock(),
                logger: Logger = Logger(label: "allo.kit", factory: { _ in SwiftLogNoOpLogHandler() })) throws(AlloError) {
        let key = apiKey.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !key.isEmpty else { throw .invalidArgument("the API key is empty; create one in Settings > API") }
        guard key == apiKey, !key.contains(where: { $0.isNewline || $0 == " " }) else {
            throw .invalidArgument("the API key contains spaces or line breaks; paste it without them")
        }
        guard let scheme = baseURL.scheme?.lowercased(), ["http", "https"].contains(scheme), baseURL.host != nil else {
            throw .invalidArgument("the base URL must be an http(s) URL with a host")
        }
        guard timeout > .zero else { throw .invalidArgument("the timeout must be positive") }
        sender = RequestSender(root: baseURL.alloAPIRoot(), credentials: Credentials(key: key, scheme: authScheme),
                               timeout: timeout, headers: headers.filter { $0.key.lowercased() != "authorization" },
                               transport: transport, retry: retry, clock: clock, logger: logger)
    }

    /// The rate-limit headers of the latest response (for a status bar); nil before the first.
    public var lastRateLimit: RateLimitInfo? { sender.lastRateLimit }

    // v1
    /// The account's Allo numbers, v1 (`CONVERSATIONS_READ`).
    public var numbers: Numbers { Numbers(sender: sender) }
    /// The v1 address book and each contact's conversation (`CONTACTS_READ`; writes `CONTACTS_READ_WRITE`).
    public var contacts: Contacts { Contacts(sender: sender) }
    /// v1 call history per Allo number, with transcripts and summaries (`CONVERSATIONS_READ`).
    public var calls: Calls { Calls(sender: sender) }
    /// Sends SMS through `POST /v1/api/sms` (`SMS_SEND`); a send is retried only when it provably did not go out.
    public var sms: SMS { SMS(sender: sender) }
    /// v1 webhook configurations, one per Allo number (`WEBHOOKS_READ_WRITE`); prefer `webhookEndpoints`.
    public var webhooks: Webhooks { Webhooks(sender: sender) }

    // v2
    /// Users of the team (`USERS_READ`).
    public var users: Users { Users(sender: sender) }
    /// Lines and sender IDs with capabilities (`PHONE_NUMBERS_READ`).
    public var phoneNumbers: PhoneNumbers { PhoneNumbers(sender: sender) }
    /// The account's tags (`TAGS_READ`).
    public var tags: Tags { Tags(sender: sender) }
    /// Conversations per line, and read/archive actions (`CONVERSATIONS_READ`).
    public var conversations: Conversations { Conversations(sender: sender) }
    /// Calls and messages: search, get, batch, tags.
    public var items: ConversationItems { ConversationItems(sender: sender) }
    /// v2 webhook endpoints (`WEBHOOKS_READ_WRITE`).
    public var webhookEndpoints: WebhookEndpoints { WebhookEndpoints(sender: sender) }

    /// `GET /v2/api/me`: the key's scopes, the endpoints it may call, its team and rate limits. Needs no scope,
    /// so it is the way to check a key (contract §7.1).
    public func me(options: RequestOptions = .none) async throws(AlloError) -> Me {
        try await sender.data(APIRequest("GET", .v2, ["me"]), options: options)
    }
}

extension AlloClient: CustomStringConvertible {
    public var description: String { "AlloClient(\(sender.root), key: <redacted>)" }
}
