import AlloStore
import Testing

/// Sends actions through the real reducer and checks each step in the discipline of TCA's `TestStore`: the test states
/// the whole expected state change and the exact effects; any change it did not state fails the test, by path.
struct TestStore {
    private(set) var state: AppState

    init(_ state: AppState = AppState()) {
        self.state = state
    }

    /// Reduces `action`; `effects` must equal the effects returned, and `change` applied to the state before must give
    /// the state after.
    mutating func send(_ action: Action, effects expected: [Effect] = [], sourceLocation: SourceLocation = #_sourceLocation,
                       _ change: (inout AppState) -> Void = { _ in }) {
        var expectedState = state
        change(&expectedState)
        let effects = reduce(into: &state, action: action)
        #expect(effects == expected, "effects of \(action)", sourceLocation: sourceLocation)
        if state != expectedState {
            let paths = StateDiff.paths(expected: expectedState, actual: state)
            let details = paths.prefix(3).map { StateDiff.describe($0, expected: expectedState, actual: state) }
                .joined(separator: "\n")
            Issue.record("state after \(action) differs from the stated change at: \(paths.joined(separator: ", "))\n\(details)",
                         sourceLocation: sourceLocation)
        }
    }

    /// Sets up state directly, for the arrangement part of a test (not checked).
    mutating func arrange(_ change: (inout AppState) -> Void) {
        change(&state)
    }
}

/// Names the parts of two states that differ, two levels deep (`inbox.entries`, `compose.outbox`).
enum StateDiff {
    static func paths(expected: AppState, actual: AppState) -> [String] {
        var paths: [String] = []
        let left = Mirror(reflecting: expected).children
        let right = Array(Mirror(reflecting: actual).children)
        for (index, child) in left.enumerated() {
            let name = child.label ?? "?"
            let inner = zip(Mirror(reflecting: child.value).children, Mirror(reflecting: right[index].value).children)
            var found = false
            for (a, b) in inner where String(reflecting: a.value) != String(reflecting: b.value) {
                paths.append("\(name).\(a.label ?? "?")")
                found = true
            }
            if !found, String(reflecting: child.value) != String(reflecting: right[index].value) { paths.append(name) }
        }
        return paths.isEmpty ? ["(a difference reflection cannot name)"] : paths
    }

    static func describe(_ path: String, expected: AppState, actual: AppState) -> String {
        func value(_ state: AppState) -> String {
            var node: Any = state
            for part in path.split(separator: ".") {
                guard let next = Mirror(reflecting: node).children.first(where: { $0.label == String(part) }) else { break }
                node = next.value
            }
            let text = String(reflecting: node)
            return text.count > 400 ? String(text.prefix(400)) + "…" : text
        }
        return "  \(path)\n    expected: \(value(expected))\n    actual:   \(value(actual))"
    }
}
