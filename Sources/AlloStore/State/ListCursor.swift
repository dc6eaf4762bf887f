/// A selection and scroll position in a list shown through a window of `viewport` rows.
/// Every move is O(1): the list's length is passed in, the list itself never is.
public struct ListCursor: Equatable, Sendable {
    public var selected = 0
    /// Index of the first visible row.
    public var offset = 0
    /// Rows visible; set by the view when the terminal is resized.
    public var viewport = 20

    public init(selected: Int = 0, offset: Int = 0, viewport: Int = 20) {
        self.selected = selected
        self.offset = offset
        self.viewport = viewport
    }

    /// Moves by `delta` within `0..<count`, scrolling just enough to keep the selection visible.
    public mutating func move(by delta: Int, count: Int) {
        select(selected + delta, count: count)
    }

    /// Selects `index` (clamped to `0..<count`), scrolling just enough to keep it visible.
    public mutating func select(_ index: Int, count: Int) {
        guard count > 0 else { selected = 0; offset = 0; return }
        selected = min(max(index, 0), count - 1)
        let rows = max(viewport, 1)
        if selected < offset { offset = selected }
        if selected >= offset + rows { offset = selected - rows + 1 }
        offset = min(max(offset, 0), max(count - rows, 0))
    }

    /// Shifts selection and scroll after `inserted` rows were added in front, so the same row stays selected and shown.
    public mutating func shift(by inserted: Int) {
        selected += inserted
        offset += inserted
    }
}
