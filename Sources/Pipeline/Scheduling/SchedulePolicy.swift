import Foundation

/// When to fetch a feed next: scheduling as data, computed from what the last fetch taught us.
///
/// Policy, in order:
/// 1. After a failure: exponential backoff from ``minInterval`` doubling per consecutive failure,
///    with ±``jitter`` so many failing feeds do not retry in lock-step, capped at ``maxBackoff``.
///    A server's `Retry-After` (429/503) is honoured as a lower bound.
/// 2. After a success or a 304: an adaptive interval from the feed's observed posting rate (half the
///    median gap between its recent items, so a feed posting hourly is read every 30 minutes),
///    bounded to [``minInterval``, ``maxInterval``].
/// 3. The server's and the feed's own hints are lower bounds: `Cache-Control: max-age`, `Expires`,
///    RSS `<ttl>`, `sy:updatePeriod`/`sy:updateFrequency` (still capped at ``maxInterval``).
public struct SchedulePolicy: Sendable, Equatable {
    public var minInterval: TimeInterval = 15 * 60
    public var maxInterval: TimeInterval = 24 * 3600
    public var defaultInterval: TimeInterval = 60 * 60
    public var maxBackoff: TimeInterval = 24 * 3600
    public var jitter: Double = 0.2

    public init() {}

    /// Hints that bound the interval from below.
    public struct Hints: Sendable, Equatable {
        public var retryAfter: TimeInterval?
        public var maxAge: TimeInterval?
        public var expiresIn: TimeInterval?
        public var feedTTL: TimeInterval?
        public var updatePeriod: TimeInterval?
        public init(retryAfter: TimeInterval? = nil, maxAge: TimeInterval? = nil, expiresIn: TimeInterval? = nil,
                    feedTTL: TimeInterval? = nil, updatePeriod: TimeInterval? = nil) {
            self.retryAfter = retryAfter; self.maxAge = maxAge; self.expiresIn = expiresIn
            self.feedTTL = feedTTL; self.updatePeriod = updatePeriod
        }
    }

    /// Interval after a successful fetch (200 or 304), from item publication times (any order) and hints.
    public func intervalAfterSuccess(itemDates: [Date], previous: TimeInterval?, hints: Hints) -> TimeInterval {
        var interval = previous ?? defaultInterval
        let sorted = itemDates.sorted(by: >).prefix(20)
        if sorted.count >= 2 {
            var gaps: [TimeInterval] = []
            for (a, b) in zip(sorted, sorted.dropFirst()) where a > b { gaps.append(a.timeIntervalSince(b)) }
            if !gaps.isEmpty {
                gaps.sort()
                interval = gaps[gaps.count / 2] / 2
            }
        }
        interval = min(max(interval, minInterval), maxInterval)
        let lowerBounds = [hints.maxAge, hints.expiresIn, hints.feedTTL, hints.updatePeriod, hints.retryAfter].compactMap { $0 }
        if let bound = lowerBounds.max() { interval = max(interval, min(bound, maxInterval)) }
        return interval
    }

    /// Delay before retrying after the `failures`-th consecutive failure; `random` in [0, 1) picks the jitter.
    public func backoff(failures: Int, retryAfter: TimeInterval?, random: Double) -> TimeInterval {
        let exponent = Double(min(max(failures, 1) - 1, 20))
        var delay = min(minInterval * pow(2, exponent), maxBackoff)
        delay *= 1 + jitter * (2 * random - 1)
        delay = min(delay, maxBackoff)
        if let retryAfter { delay = max(delay, min(retryAfter, maxBackoff)) }
        return delay
    }
}
