/// Liberal RFC 822 / RFC 1123 dates as feeds really write them, to Unix seconds (UTC).
///
/// Accepted deviations (the ones feedparser accepts, plus named zones and `GMT+2`):
/// missing or wrong weekday, weekday names spelled out, day and month swapped, two-digit years
/// (`90`–`99` → 1990s, otherwise 2000s), missing seconds or missing time, fractional seconds,
/// `+0200`, `+02:00`, `GMT+2`, `UTC-05:00`, `Etc/GMT`, named zones (`EST`, `PDT`, `CEST`…; unknown
/// names count as UTC), and asctime order (`Sun Jan  4 16:29:06 PST 2004`).
public enum RFC822DateParser {
    /// Unix seconds for the text, or nil when it is not an RFC 822-like date.
    public static func unixSeconds(_ text: String) -> Int64? {
        var tokens = tokenize(text)
        guard !tokens.isEmpty else { return nil }
        if isDayName(tokens[0]) { tokens.removeFirst() }
        guard tokens.count >= 3 else { return nil }

        var day: Int
        var month: Int
        var yearToken: String
        var rest: ArraySlice<String>
        if let m = monthNumber(tokens[0]), let d = Int(tokens[1]) {
            // "Jan 4 16:29:06 2004" (asctime) or "Jan 4 2004 …" (month first).
            month = m
            day = d
            if tokens[2].contains(":") {
                // asctime: month day time [zone] year
                guard let last = tokens.last, Int(last) != nil, tokens.count >= 4 else { return nil }
                yearToken = last
                rest = [tokens[2]] + tokens[3..<(tokens.count - 1)]
            } else {
                yearToken = tokens[2]
                rest = tokens[3...]
            }
        } else if let d = Int(tokens[0]), let m = monthNumber(tokens[1]) {
            day = d
            month = m
            yearToken = tokens[2]
            rest = tokens[3...]
        } else {
            return nil
        }
        guard let parsedYear = Int(yearToken), yearToken.count <= 4 else { return nil }
        var year = parsedYear
        if yearToken.count <= 2 { year += year < 90 ? 2000 : 1900 }

        var hour = 0, minute = 0, second = 0
        if let timeToken = rest.first {
            guard let t = parseTime(timeToken) else { return nil }
            (hour, minute, second) = t
            rest = rest.dropFirst()
        }
        var offset = 0
        if let zone = rest.first {
            guard let minutes = zoneOffsetMinutes(zone) else { return nil }
            offset = minutes * 60
        }
        return CivilTime.unixSeconds(year: year, month: month, day: day, hour: hour, minute: minute,
                                     second: second, offsetSeconds: offset)
    }

    static func tokenize(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            .map(String.init)
    }

    static let dayNames: Set<String> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    static func isDayName(_ token: String) -> Bool { dayNames.contains(String(token.prefix(3))) && Int(token) == nil }

    static func monthNumber(_ token: String) -> Int? {
        switch token.prefix(3) {
        case "jan": return 1
        case "feb": return 2
        case "mar": return 3
        case "apr": return 4
        case "may": return 5
        case "jun": return 6
        case "jul": return 7
        case "aug": return 8
        case "sep": return 9
        case "oct": return 10
        case "nov": return 11
        case "dec": return 12
        default: return nil
        }
    }

    /// "hh:mm", "hh:mm:ss" or "hh:mm:ss.fff".
    static func parseTime(_ token: String) -> (Int, Int, Int)? {
        let parts = token.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.count <= 3, let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        var s = 0
        if parts.count == 3 {
            let whole = parts[2].split(separator: ".", maxSplits: 1).first ?? ""
            guard let value = Int(whole) else { return nil }
            s = value
        }
        return (h, m, s)
    }

    /// Minutes east of UTC for a zone token; unknown alphabetic names are UTC, malformed offsets nil.
    static func zoneOffsetMinutes(_ raw: String) -> Int? {
        var zone = Substring(raw)
        if zone.hasPrefix("("), zone.hasSuffix(")") { zone = zone.dropFirst().dropLast() }
        if zone.hasPrefix("etc/") { zone = zone.dropFirst(4) }
        for prefix in ["gmt", "utc", "ut"] where zone.hasPrefix(prefix) && zone.count > prefix.count {
            let after = zone.dropFirst(prefix.count)
            if after.first == "+" || after.first == "-" { zone = after; break }
        }
        if let sign = zone.first, sign == "+" || sign == "-" {
            let digits = zone.dropFirst().filter { $0 != ":" }
            guard !digits.isEmpty, digits.count <= 4, let value = Int(digits) else { return nil }
            let hours: Int, minutes: Int
            if digits.count <= 2 { hours = value; minutes = 0 } else { hours = value / 100; minutes = value % 100 }
            guard hours <= 14, minutes < 60 else { return nil }
            let total = hours * 60 + minutes
            return sign == "-" ? -total : total
        }
        return TimeZoneNames.offsetMinutes(String(zone)) ?? 0
    }
}
