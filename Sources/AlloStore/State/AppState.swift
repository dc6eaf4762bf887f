/// Everything the client shows. It changes only through `reduce(into:action:)`.
public struct AppState: Equatable, Sendable {
    public var session = SessionState()
    public var numbers = NumbersState()
    public var inbox = InboxState()
    public var timeline = TimelineState()
    public var transcript = TranscriptState()
    public var compose = ComposeState()
    public var live = LiveState()
    public var status = StatusState()
    public var navigation = NavigationState()

    public init() {}
}
