import Foundation

/// Failed logins per client address: after ``maxFailures`` within ``window`` seconds, the address
/// is refused (429 with `Retry-After`) until the oldest failure leaves the window. Successful
/// logins do not reset the count (a guesser who knows one password learns nothing more).
final class LoginRateLimiter: @unchecked Sendable {
    let maxFailures: Int
    let window: TimeInterval
    private var failures: [String: [Date]] = [:]
    private let lock = NSLock()

    init(maxFailures: Int = 5, window: TimeInterval = 60) {
        self.maxFailures = maxFailures; self.window = window
    }

    /// Seconds until `address` may try again, nil when it may now.
    func retryAfter(_ address: String, now: Date = Date()) -> Int? {
        lock.lock(); defer { lock.unlock() }
        let recent = prune(address, now: now)
        guard recent.count >= maxFailures, let oldest = recent.first else { return nil }
        return max(1, Int((oldest.addingTimeInterval(window).timeIntervalSince(now)).rounded(.up)))
    }

    /// Records a failed login of `address`.
    func recordFailure(_ address: String, now: Date = Date()) {
        lock.lock(); defer { lock.unlock() }
        var recent = prune(address, now: now)
        recent.append(now)
        failures[address] = recent
        if failures.count > 10_000 { failures = failures.filter { !$0.value.isEmpty } }
    }

    private func prune(_ address: String, now: Date) -> [Date] {
        let recent = (failures[address] ?? []).filter { now.timeIntervalSince($0) < window }
        failures[address] = recent.isEmpty ? nil : recent
        return recent
    }
}
