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
            return RFC822DateParser.unixSeconds(trimmed)
        }
        return RFC822DateParser.unixSeconds(text)
    }

    /// The same as `unixSeconds(_:)`, as a `Date`.
    public static func parse(_ text: String) -> Date? {
        unixSeconds(text).map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }
}
