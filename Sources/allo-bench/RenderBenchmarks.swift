import AlloStore
import AlloTUI
import Foundation

/// Issue 7 §5: `AlloTUI.render` of a full frame into the cell grid at three terminal sizes and three history sizes (the
/// timeline focused, as many inbox entries as timeline items), and how many cells one `j` in the timeline changes.
struct RenderBenchmarks {
    let histories: [Int]
    let rounds: Int

    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60)]

    private let theme = Theme.default
    private let chrome = Chrome(demo: false, account: "api.withallo.com", timeZone: TimeZone(identifier: "UTC")!)

    func run() -> [Figure] {
        var figures: [Figure] = []
        var changed: [Figure] = []
        for history in histories {
            let group = "render a full frame into the cell grid, \(history.formatted()) timeline items loaded"
            var scenario = StoreBenchmarks.Scenario(history: history)
            scenario.state.navigation.focus = .timeline
            for size in Self.sizes {
                figures.append(renderTime(group, size: size, state: &scenario.state))
                if history == histories.last {
                    changed.append(cellsChanged(size: size, state: scenario.state, history: history))
                }
            }
        }
        return figures + changed
    }

    /// One sample per frame: the selection moves by one between frames, so each frame is a new one (no cache of the last).
    private func renderTime(_ group: String, size: Size, state: inout AppState) -> Figure {
        _ = render(state, size: size, theme: theme, chrome: chrome)
        var samples: [Double] = []
        for round in 0..<rounds {
            _ = reduce(into: &state, action: .selectionMoved(by: round.isMultiple(of: 2) ? -1 : 1))
            let start = ContinuousClock.now
            _ = render(state, size: size, theme: theme, chrome: chrome)
            let (seconds, attoseconds) = (ContinuousClock.now - start).components
            samples.append(Double(seconds) * 1000 + Double(attoseconds) / 1e15)
        }
        return Figure(group: group, name: "\(size.width)×\(size.height)", unit: "ms", samples: samples, higherIsBetter: false)
    }

    /// Cells that differ between the frames before and after one `j`, from the newest item walking up one item a
    /// sample (some moves scroll the window, most do not).
    private func cellsChanged(size: Size, state: AppState, history: Int) -> Figure {
        var state = state
        state.timeline.cursor.select(history - 1, count: history)
        var samples: [Double] = []
        for _ in 0..<min(rounds, 40) {
            _ = reduce(into: &state, action: .selectionMoved(by: -2))
            let before = render(state, size: size, theme: theme, chrome: chrome)
            for action in KeyMap.actions(for: .character("j"), in: state) { _ = reduce(into: &state, action: action) }
            let after = render(state, size: size, theme: theme, chrome: chrome)
            samples.append(Double(zip(before.cells, after.cells).count { $0 != $1 }))
        }
        return Figure(group: "cells changed by one j in the timeline (\(history.formatted()) items loaded)",
                      name: "\(size.width)×\(size.height) (\(size.width * size.height) cells)", unit: "cells",
                      samples: samples, higherIsBetter: false)
    }
}
