/// A value fetched from the API: what a pane shows while it loads, after it loads, and after a failure.
/// The previous value stays while refreshing or after a failed refresh, so a pane never blanks.
public enum Loadable<Value: Equatable & Sendable>: Equatable, Sendable {
    case idle
    case loading(previous: Value?)
    case loaded(Value)
    case failed(ErrorInfo, previous: Value?)

    /// The freshest value there is, loaded or kept from before.
    public var value: Value? {
        switch self {
        case .idle: return nil
        case .loading(let previous): return previous
        case .loaded(let value): return value
        case .failed(_, let previous): return previous
        }
    }

    public var isLoading: Bool {
        if case .loading = self { return true }
        return false
    }

    public var error: ErrorInfo? {
        if case .failed(let error, _) = self { return error }
        return nil
    }

    /// Starts a (re)load, keeping what is shown.
    public mutating func startLoading() { self = .loading(previous: value) }

    /// Records a failure, keeping what is shown.
    public mutating func fail(_ error: ErrorInfo) { self = .failed(error, previous: value) }
}

/// Where a list loaded page by page stands. Kept apart from the items so appending a page never copies them.
public enum PageStatus: Equatable, Sendable {
    /// Nothing asked yet, or the last request finished.
    case idle
    /// `page` was asked and has not answered.
    case loading(page: Int)
    /// `page` failed; asking again retries it.
    case failed(ErrorInfo, page: Int)

    public var isLoading: Bool {
        if case .loading = self { return true }
        return false
    }

    public var error: ErrorInfo? {
        if case .failed(let error, _) = self { return error }
        return nil
    }
}
