import Foundation
import SyndicCore

/// The time values users type for `--since`, `--until` and the web view's `since=`.
public enum TimeArgument {
    /// `24h`, `7d`, `90m`, `2w`, `30s` (that long before `now`), an RFC 3339 time, or `all`
    /// (no bound, returned as nil). Throws ``DigestError/badTime(_:)`` otherwise.
    ///
    /// ```swift
    /// try TimeArgument.parse("24h", now: now)  // now minus one day
    /// try TimeArgument.parse("all", now: now)  // nil
    /// ```
    public static func parse(_ text: String, now: Date) throws -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.lowercased() == "all" { return nil }
        if let seconds = Timestamp.parseDuration(trimmed) { return now.addingTimeInterval(-seconds) }
        if let date = Timestamp.parseRFC3339(trimmed) { return date }
        throw DigestError.badTime(text)
    }
}
