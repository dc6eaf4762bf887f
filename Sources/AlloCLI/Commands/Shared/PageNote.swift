import AlloKit

/// The stderr line under a list: how many were shown, of how many, and the flag for the next page —
/// `5 contacts of 300, page 1 of 60; more: --page 2 (or --all)`. Pages count from 1, whatever the API's numbering.
enum PageNote {
    /// `shown` is the page as the user numbers it; `page` is nil after `--all`, which fetched `allCount`.
    static func show(_ page: Page<some Sendable>?, shown: Int, noun: String, output: Output, allCount: Int = 0) {
        guard let page else { return all(allCount, noun: noun, output: output) }
        guard !output.json else { return }
        let count = page.items.count
        if count == 0 {
            output.note(shown > 1 ? "page \(shown) is past the end"
                            + (page.totalPages.map { " (\($0) page\($0 == 1 ? "" : "s"))" } ?? "") : "no \(noun)s")
            return
        }
        var text = "\(count) \(count == 1 ? noun : noun + "s")"
        if let total = page.totalCount { text += " of \(total)" }
        if let pages = page.totalPages { text += ", page \(shown) of \(pages)" }
        if page.hasMore { text += "; more: --page \(shown + 1) (or --all)" }
        output.note(text)
    }

    /// After `--all`: how many in all.
    static func all(_ count: Int, noun: String, output: Output) {
        guard !output.json else { return }
        output.note(count == 0 ? "no \(noun)s" : "\(count) \(count == 1 ? noun : noun + "s")")
    }
}
