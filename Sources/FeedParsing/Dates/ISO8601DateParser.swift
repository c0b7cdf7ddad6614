/// ISO 8601 / RFC 3339 / W3C-DTF dates, to Unix seconds (UTC).
///
/// Accepts partial dates (`2024`, `2024-05`, `2024-05-01`), basic format (`20240501T120000Z`),
/// `T`, `t` or a space between date and time, a one-digit hour before a colon, minutes without
/// seconds, fractional seconds,
/// and zones `Z`, `±hh`, `±hhmm`, `±hh:mm` (optionally after a space). No zone means UTC.
public enum ISO8601DateParser {
    /// Unix seconds for the text, or nil when it is not an ISO 8601 date.
    public static func unixSeconds(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
        var i = 0
        let n = b.count
        func digits(_ count: Int) -> Int? {
            guard i + count <= n else { return nil }
            var v = 0
            for k in 0..<count {
                let c = b[i + k]
                guard c >= 0x30, c <= 0x39 else { return nil }
                v = v * 10 + Int(c - 0x30)
            }
            i += count
            return v
        }
        func peek(_ c: UInt8) -> Bool { i < n && b[i] == c }
        while i < n, b[i] == 0x20 { i += 1 }
        guard let year = digits(4) else { return nil }
        var month = 1, day = 1, hour = 0, minute = 0, second = 0, offset = 0
        let extended = peek(0x2D)
        if extended { i += 1 }
        if i < n, b[i] != 0x54, b[i] != 0x74, b[i] != 0x20 {
            guard let m = digits(2) else { return nil }
            month = m
            if extended ? peek(0x2D) : (i < n && b[i] >= 0x30 && b[i] <= 0x39) {
                if extended { i += 1 }
                guard let d = digits(2) else { return nil }
                day = d
            }
        }
        if i < n, b[i] == 0x54 || b[i] == 0x74 || (b[i] == 0x20 && i + 1 < n && b[i + 1] >= 0x30 && b[i + 1] <= 0x39) {
            i += 1
            // A one-digit hour before a colon (`2009-01-12T5:40:14-05:00`, seen in real feeds; feedparser reads it).
            let oneDigitHour = i + 1 < n && b[i] >= 0x30 && b[i] <= 0x39 && b[i + 1] == 0x3A
            guard let h = digits(oneDigitHour ? 1 : 2) else { return nil }
            hour = h
            let colon = peek(0x3A)
            if colon { i += 1 }
            guard let m = digits(2) else { return nil }
            minute = m
            if colon ? peek(0x3A) : (i < n && b[i] >= 0x30 && b[i] <= 0x39) {
                if colon { i += 1 }
                guard let s = digits(2) else { return nil }
                second = s
            }
            if peek(0x2E) || peek(0x2C) {
                i += 1
                while i < n, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            }
            if peek(0x20) { i += 1 }
            if peek(0x5A) || peek(0x7A) {
                i += 1
            } else if peek(0x2B) || peek(0x2D) {
                let negative = b[i] == 0x2D
                i += 1
                // Lenient like feedparser: "+9", "+09", "+0900", "+09:00", even "+00:0".
                var oh = 0, hourDigits = 0
                while i < n, hourDigits < 2, b[i] >= 0x30, b[i] <= 0x39 { oh = oh * 10 + Int(b[i] - 0x30); i += 1; hourDigits += 1 }
                guard hourDigits > 0 else { return nil }
                var om = 0
                if peek(0x3A) { i += 1 }
                var minuteDigits = 0
                while i < n, minuteDigits < 2, b[i] >= 0x30, b[i] <= 0x39 { om = om * 10 + Int(b[i] - 0x30); i += 1; minuteDigits += 1 }
                guard oh <= 14, om < 60 else { return nil }
                offset = (oh * 60 + om) * 60 * (negative ? -1 : 1)
            }
        }
        while i < n, b[i] == 0x20 { i += 1 }
        guard i == n else { return nil }
        if hour == 24, minute == 0, second == 0 {
            return CivilTime.unixSeconds(year: year, month: month, day: day, offsetSeconds: offset).map { $0 + 86_400 }
        }
        return CivilTime.unixSeconds(year: year, month: month, day: day, hour: hour, minute: minute,
                                     second: second, offsetSeconds: offset)
    }
}
