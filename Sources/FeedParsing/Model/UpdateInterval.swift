/// How often a feed says it changes, from RSS `<ttl>` or the syndication module
/// (`sy:updatePeriod` × `sy:updateFrequency`). The scheduler uses it as a lower bound on polling.
public struct UpdateInterval: Sendable, Hashable {
    /// The interval in seconds (always > 0).
    public let seconds: Int

    public init?(seconds: Int) {
        guard seconds > 0 else { return nil }
        self.seconds = seconds
    }

    /// `sy:updatePeriod` (hourly/daily/weekly/monthly/yearly, default daily) divided by
    /// `sy:updateFrequency` (default 1); nil for an unknown period.
    public init?(syndicationPeriod period: String?, frequency: String?) {
        let base: Int
        switch (period ?? "daily").trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
        case "hourly": base = 3_600
        case "daily", "": base = 86_400
        case "weekly": base = 7 * 86_400
        case "monthly": base = 30 * 86_400
        case "yearly": base = 365 * 86_400
        default: return nil
        }
        let times = frequency.flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 1
        self.init(seconds: base / max(times, 1))
    }
}
