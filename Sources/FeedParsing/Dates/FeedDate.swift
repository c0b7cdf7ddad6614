import Foundation

/// The one date parser feeds need: W3C-DTF / ISO 8601 first, then RFC 822 with its deviations
/// (feedparser's order). Pure functions, no `DateFormatter`, safe to call from any thread.
public enum FeedDate {
    /// Unix seconds (UTC) for a feed date string, nil when no known form matches.
    public static func unixSeconds(_ text: String) -> Int64? {
        guard let first = text.utf8.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
            return nil
        }
        if first >= 0x30, first <= 0x39 {
            let trimmed = text.trimmedASCIIWhitespace
            if let value = ISO8601DateParser.unixSeconds(trimmed) { return value }
            return RFC822DateParser.unixSeconds(trimmed) ?? slashDate(trimmed)
        }
        return RFC822DateParser.unixSeconds(text)
    }

    /// `2020/1/10 14:33:00` (year first, slashes, optional time, no zone: UTC), as Chinese forum software writes.
    static func slashDate(_ text: String) -> Int64? {
        let halves = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard let datePart = halves.first else { return nil }
        let ymd = datePart.split(separator: "/", omittingEmptySubsequences: false)
        guard ymd.count == 3, ymd[0].count == 4, let year = Int(ymd[0]), let month = Int(ymd[1]), let day = Int(ymd[2]) else { return nil }
        var hms = [0, 0, 0]
        if halves.count == 2 {
            let parts = halves[1].split(separator: ":", omittingEmptySubsequences: false)
            guard (2...3).contains(parts.count) else { return nil }
            for (k, part) in parts.enumerated() {
                guard let value = Int(part) else { return nil }
                hms[k] = value
            }
        }
        return CivilTime.unixSeconds(year: year, month: month, day: day, hour: hms[0], minute: hms[1], second: hms[2])
    }

    /// The same as `unixSeconds(_:)`, as a `Date`.
    public static func parse(_ text: String) -> Date? {
        unixSeconds(text).map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }
}
