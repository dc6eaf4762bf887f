/// Every element of a paginated list, fetched lazily page by page: `for try await contact in allo.contacts.all()`.
///
/// The sequence knows where each API version starts counting (v1 at 0, v2 at 1) and when to stop (v1: `total_pages`
/// or an empty page, v2: `has_more`). With `pagesInFlight > 1`, once the first page has told how many there are, the
/// next pages are requested ahead while the caller works through the current one; elements still come in order.
/// Stopping the loop or cancelling the task cancels the requests still running.
public struct PageSequence<Element: Sendable>: AsyncSequence, Sendable {
    /// Iteration throws only `AlloError`.
    public typealias Failure = AlloError
    typealias Fetch = @Sendable (_ page: Int) async throws(AlloError) -> Page<Element>

    let firstPage: Int
    let pagesInFlight: Int
    let fetch: Fetch

    init(firstPage: Int, pagesInFlight: Int, fetch: @escaping Fetch) {
        self.firstPage = firstPage
        self.pagesInFlight = Swift.max(1, Swift.min(pagesInFlight, 16))
        self.fetch = fetch
    }

    /// Starts a fresh walk from the first page; each iterator makes its own requests.
    public func makeAsyncIterator() -> Iterator { Iterator(self) }

    /// All elements in one array. Handy for small lists; prefer iterating for large ones.
    public func collect() async throws(AlloError) -> [Element] {
        var all: [Element] = []
        var iterator = makeAsyncIterator()
        while let element = try await iterator.next(isolation: nil) { all.append(element) }
        return all
    }

    /// Walks the list element by element; use it from one task. Dropping it cancels the pages requested ahead.
    public struct Iterator: AsyncIteratorProtocol {
        private let state: PageIteratorState<Element>

        init(_ sequence: PageSequence) { state = PageIteratorState(sequence) }

        /// The next element, fetching the next page when the current one is used up; nil after the last.
        public mutating func next(isolation actor: isolated (any Actor)?) async throws(AlloError) -> Element? {
            try await state.next(isolation: actor)
        }

        /// The next element; nil after the last. Same as `next(isolation: nil)`.
        public mutating func next() async throws(AlloError) -> Element? {
            try await state.next(isolation: nil)
        }
    }
}

/// The iterator's mutable part, a class so that dropping the iterator cancels the pages fetched ahead.
final class PageIteratorState<Element: Sendable> {
    private let sequence: PageSequence<Element>
    private var buffer: [Element] = []
    private var bufferIndex = 0
    /// Page number of the next page to hand out, and the requests made for it and those after it, in order.
    private var nextPage: Int
    private var ahead: [(page: Int, task: Task<Page<Element>, any Error>)] = []
    /// Known once a page has said so: v1 `total_pages`, v2 `total_pages`.
    private var lastPage: Int?
    private var finished = false

    init(_ sequence: PageSequence<Element>) {
        self.sequence = sequence
        nextPage = sequence.firstPage
    }

    deinit { for entry in ahead { entry.task.cancel() } }

    func next(isolation actor: isolated (any Actor)?) async throws(AlloError) -> Element? {
        while bufferIndex >= buffer.count {
            guard !finished else { return nil }
            let page = try await fetchNext(isolation: actor)
            buffer = page.items
            bufferIndex = 0
            if let total = page.totalPages { lastPage = sequence.firstPage + total - 1 }
            if !page.hasMore || page.items.isEmpty {
                finished = true
                cancelAhead()
            }
        }
        defer { bufferIndex += 1 }
        return buffer[bufferIndex]
    }

    private func fetchNext(isolation actor: isolated (any Actor)?) async throws(AlloError) -> Page<Element> {
        let page = nextPage
        nextPage += 1
        fillWindow(from: page)
        let task = ahead.removeFirst().task
        do {
            return try await withTaskCancellationHandler {
                try await task.value
            } onCancel: {
                task.cancel()
            }
        } catch {
            finished = true
            cancelAhead()
            if Task.isCancelled { throw .cancelled }
            throw error as? AlloError ?? .cancelled
        }
    }

    /// Makes sure `page` and, when the total is known, the pages after it up to the window are requested.
    private func fillWindow(from page: Int) {
        let window = lastPage == nil ? 1 : sequence.pagesInFlight
        var candidate = ahead.last.map { $0.page + 1 } ?? page
        while ahead.count < window, candidate == page || candidate <= (lastPage ?? page) {
            let fetch = sequence.fetch
            let number = candidate
            ahead.append((number, Task { try await fetch(number) }))
            candidate += 1
        }
    }

    private func cancelAhead() {
        for entry in ahead { entry.task.cancel() }
        ahead.removeAll()
    }
}
