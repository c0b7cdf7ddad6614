import Foundation

/// A thread-safe counter that reports when it reaches zero (how a batch knows its last result arrived).
final class Countdown: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int

    init(_ value: Int) {
        self.value = value
    }

    /// Decrements and returns the new value.
    func decrement() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value -= 1
        return value
    }
}
