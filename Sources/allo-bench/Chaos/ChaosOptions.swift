import Foundation

/// `allo-bench chaos [--sends N] [--fault-rate F] [--seed S] [--window-ms MS] [--timeout-ms MS] [--in-flight K]`.
struct ChaosOptions {
    /// Messages to get delivered, each with its own text.
    var sends = 1000
    /// The chance that a send (and, at half of it, a look on the server) meets a fault.
    var faultRate = 0.2
    var seed: UInt64 = 42
    /// The client's check window (10 s in the client), shortened so a thousand sends fit in minutes.
    var window: Duration = .milliseconds(1500)
    /// The client's request timeout (30 s in the client); the latency faults outlast it.
    var timeout: Duration = .milliseconds(1000)
    /// Messages on their way at once.
    var inFlight = 8

    static let usage = "usage: allo-bench chaos [--sends N] [--fault-rate F] [--seed S] [--window-ms MS] [--timeout-ms MS] [--in-flight K]"

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { throw BenchError("\(flag) needs a value\n\(Self.usage)") }
            switch flag {
            case "--sends": sends = try Self.number(value, flag, in: 1...1_000_000)
            case "--fault-rate":
                guard let rate = Double(value), (0...0.9).contains(rate) else { throw BenchError("--fault-rate is 0 to 0.9") }
                faultRate = rate
            case "--seed":
                guard let seed = UInt64(value) else { throw BenchError("--seed is a whole number") }
                self.seed = seed
            case "--window-ms": window = .milliseconds(try Self.number(value, flag, in: 100...60_000))
            case "--timeout-ms": timeout = .milliseconds(try Self.number(value, flag, in: 100...60_000))
            case "--in-flight": inFlight = try Self.number(value, flag, in: 1...64)
            default: throw BenchError("unknown option \(flag)\n\(Self.usage)")
            }
        }
    }

    private static func number(_ text: String, _ flag: String, in range: ClosedRange<Int>) throws -> Int {
        guard let value = Int(text), range.contains(value) else { throw BenchError("\(flag) is \(range.lowerBound) to \(range.upperBound)") }
        return value
    }
}
