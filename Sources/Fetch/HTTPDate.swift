import Foundation

/// Parses HTTP dates in the three forms RFC 9110 §5.6.7 requires recipients to accept:
/// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), obsolete RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`)
/// and ANSI C asctime (`Sun Nov  6 08:49:37 1994`). Locale-independent, no DateFormatter.
public enum HTTPDate {
    /// The instant the text names, or nil when it is none of the three forms.
    public static func parse(_ text: String, now: Date = Date()) -> Date? {
        let tokens = text.replacingOccurrences(of: ",", with: " ")
            .split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        var day: Int?, month: Int?, year: Int?, time: (Int, Int, Int)?
        var twoDigitYear = false
        for (position, token) in tokens.enumerated() {
            if let parsed = parseTime(token) {
                time = parsed
            } else if token.contains("-") {  // RFC 850 date: 06-Nov-94
                let parts = token.split(separator: "-").map(String.init)
                guard parts.count == 3, let d = Int(parts[0]), let m = monthNumber(parts[1]), let y = Int(parts[2])
                else { return nil }
                day = d
                month = m
                year = y
                twoDigitYear = parts[2].count == 2
            } else if let m = monthNumber(token) {
                month = m
            } else if let number = Int(token) {
                if token.count == 4 { year = number } else if day == nil { day = number } else { return nil }
            } else if position == 0 || token.uppercased() == "GMT" || token.uppercased() == "UTC" {
                continue  // weekday name, zone
            } else {
                return nil
            }
        }
        guard var y = year, let m = month, let d = day, let (hh, mm, ss) = time,
              (1...31).contains(d), hh < 24, mm < 60, ss <= 60 else { return nil }
        if twoDigitYear {
            // RFC 9110: a two-digit year more than 50 years in the future means the most recent past such year.
            let currentYear = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!,
                                                                               from: now).year ?? 2000
            y += currentYear / 100 * 100
            if y > currentYear + 50 { y -= 100 }
        }
        let seconds = daysFromCivil(year: y, month: m, day: d) * 86_400 + Int64(hh * 3600 + mm * 60 + ss)
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// Formats a date as IMF-fixdate, the form to send (e.g. in `If-Modified-Since`).
    public static func format(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let iso = Timestamp(unixSeconds: seconds)
        let weekday = weekdays[Int(((days % 7) + 11) % 7)]  // 1970-01-01 was a Thursday
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(weekday), \(two(iso.day)) \(months[iso.month - 1]) \(iso.year) "
            + "\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60)) GMT"
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    private static func monthNumber(_ token: String) -> Int? {
        guard token.count == 3 else { return nil }
        return months.firstIndex { $0.caseInsensitiveCompare(token) == .orderedSame }.map { $0 + 1 }
    }

    private static func parseTime(_ token: String) -> (Int, Int, Int)? {
        let parts = token.split(separator: ":")
        guard parts.count == 3, parts.allSatisfy({ $0.count == 2 }),
              let h = Int(parts[0]), let m = Int(parts[1]), let s = Int(parts[2]) else { return nil }
        return (h, m, s)
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = Int64(month > 2 ? month - 3 : month + 9)
        let dayOfYear = (153 * monthIndex + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Civil date from seconds since 1970 (the inverse of ``daysFromCivil(year:month:day:)``).
    private struct Timestamp {
        var year: Int64, month: Int, day: Int64
        init(unixSeconds: Int64) {
            var days = unixSeconds >= 0 ? unixSeconds / 86_400 : (unixSeconds - 86_399) / 86_400
            days += 719_468
            let era = (days >= 0 ? days : days - 146_096) / 146_097
            let dayOfEra = days - era * 146_097
            let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
            let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
            let mp = (5 * dayOfYear + 2) / 153
            day = dayOfYear - (153 * mp + 2) / 5 + 1
            month = Int(mp < 10 ? mp + 3 : mp - 9)
            year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        }
    }
}
