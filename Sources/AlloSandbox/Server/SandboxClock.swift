import Foundation
import Synchronization

/// The sandbox's idea of now, in Unix seconds. Injected so tests drive rate-limit windows and dates without sleeping.
public protocol SandboxClock: Sendable {
    func now() -> Double
}

public struct SystemClock: SandboxClock {
    public init() {}
    public func now() -> Double { Date().timeIntervalSince1970 }
}

/// A clock that moves only when told to.
public final class ManualClock: SandboxClock {
    private let time: Mutex<Double>

    public init(_ start: Double) { time = Mutex(start) }

    public func now() -> Double { time.withLock { $0 } }

    public func advance(by seconds: Double) { time.withLock { $0 += seconds } }

    public func set(_ seconds: Double) { time.withLock { $0 = seconds } }
}
