import Foundation

/// Server search across transcripts, summaries and SMS text (v2 items search), shown in place of the inbox.
enum SearchReducer {
    static let unavailableNotice = "Search needs the v2 inbox (CONVERSATIONS_READ)"
    static let needsAlphanumeric = "Search needs a letter or a digit"

    static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .searchSubmitted(let text):
            return submit(text, in: &state)

        case .searchPageLoaded(let request, let items, let nextPage):
            guard isCurrent(request, state) else { return [] }
            state.inbox.search!.results.append(contentsOf: items)
            state.inbox.search!.nextPage = nextPage
            state.inbox.search!.status = .idle
            StatusReducer.markOnline(in: &state)
            return []

        case .searchPageFailed(let request, let error):
            guard isCurrent(request, state) else { return [] }
            state.inbox.search!.status = .failed(error, page: request.page)
            StatusReducer.report(error, in: &state)
            return []

        case .searchClosed:
            state.inbox.search = nil
            return []

        default:
            return []
        }
    }

    private static func submit(_ text: String, in state: inout AppState) -> [Effect] {
        guard state.session.capabilities.canSearch else {
            StatusReducer.notify(unavailableNotice, level: .notice, in: &state)
            return []
        }
        let query = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard query.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil })
        else {
            StatusReducer.notify(needsAlphanumeric, level: .notice, in: &state)
            return []
        }
        guard let number = state.inbox.alloNumber else { return [] }
        var search = SearchState(query: query)
        search.cursor.viewport = state.inbox.cursor.viewport
        search.status = .loading(page: 1)
        state.inbox.search = search
        state.navigation.focus = .inbox
        return [.searchItems(SearchRequest(alloNumber: number, text: query, page: 1))]
    }

    private static func isCurrent(_ request: SearchRequest, _ state: AppState) -> Bool {
        guard let search = state.inbox.search else { return false }
        return request.alloNumber == state.inbox.alloNumber && request.text == search.query
            && search.status == .loading(page: request.page)
    }

    /// Asks for the next page of results when the selection is near the end of those loaded.
    static func loadMoreIfNeeded(_ state: inout AppState) -> [Effect] {
        guard let search = state.inbox.search, let number = state.inbox.alloNumber, let next = search.nextPage,
              !search.status.isLoading,
              search.results.count - 1 - search.cursor.selected < InboxReducer.prefetchDistance else { return [] }
        state.inbox.search!.status = .loading(page: next)
        return [.searchItems(SearchRequest(alloNumber: number, text: search.query, page: next))]
    }
}
