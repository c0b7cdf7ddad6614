import Foundation
import SyndicCore

/// Date formats of the syndication formats, computed without locale-dependent formatters so the
/// output is the same on every machine.
public enum InternetDate {
    /// RFC 3339 in UTC (Atom, JSON Feed, JSON): `2026-11-29T05:34:42Z`.
    public static func rfc3339(_ date: Date) -> String { Timestamp.rfc3339(date) }

    /// RFC 822 as RSS 2.0 wants it, in UTC with a four-digit year: `Sun, 29 Nov 2026 05:34:42 +0000`.
    public static func rfc822(_ date: Date) -> String {
        let iso = Array(Timestamp.rfc3339(date).utf8)  // YYYY-MM-DDTHH:MM:SSZ
        func text(_ range: Range<Int>) -> String { String(decoding: iso[range], as: UTF8.self) }
        let month = Int(text(5..<7)) ?? 1
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let weekday = Int(((days % 7) + 7 + 4) % 7)  // 1970-01-01 was a Thursday
        let names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(names[weekday]), \(text(8..<10)) \(months[month - 1]) \(text(0..<4)) \(text(11..<19)) +0000"
    }

    /// A short human form for pages and text: `2026-11-29 05:34 UTC`.
    public static func short(_ date: Date) -> String {
        let iso = Timestamp.rfc3339(date)
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5)) + " UTC"
    }
}
