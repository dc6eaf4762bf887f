/// Samples of one figure and their order statistics.
struct Figure: Sendable {
    var group: String
    var name: String
    var unit: String
    var samples: [Double]
    /// Whether more is better (requests per second) or less (milliseconds).
    var higherIsBetter: Bool

    var sorted: [Double] { samples.sorted() }
    var median: Double { percentile(50) }
    var min: Double { sorted.first ?? 0 }
    var max: Double { sorted.last ?? 0 }

    /// Nearest-rank percentile.
    func percentile(_ p: Double) -> Double {
        let values = sorted
        guard !values.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(values.count)).rounded(.up))
        return values[Swift.max(0, Swift.min(values.count - 1, rank - 1))]
    }
}

/// Times `body` in milliseconds on the monotonic clock.
func milliseconds(_ body: () async throws -> Void) async rethrows -> Double {
    let start = ContinuousClock.now
    try await body()
    let elapsed = ContinuousClock.now - start
    let (seconds, attoseconds) = elapsed.components
    return Double(seconds) * 1000 + Double(attoseconds) / 1e15
}
