/// Liberal RFC 822 / RFC 1123 dates as feeds really write them, to Unix seconds (UTC).
///
/// Accepted deviations (the ones feedparser accepts, plus named zones and `GMT+2`):
/// missing or wrong weekday, weekday names spelled out, day and month swapped, two-digit years
/// (`90`–`99` → 1990s, otherwise 2000s), missing seconds or missing time, fractional seconds,
/// `+0200`, `+02:00`, `GMT+2`, `UTC-05:00`, `Etc/GMT`, named zones (`EST`, `PDT`, `CEST`…; unknown
/// names count as UTC), and asctime order (`Sun Jan  4 16:29:06 PST 2004`).
///
/// Works on the UTF-8 bytes with no Foundation and no per-token allocation.
public enum RFC822DateParser {
    /// Unix seconds for the text, or nil when it is not an RFC 822-like date.
    public static func unixSeconds(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    private typealias Token = Range<Int>

    static func parse(_ raw: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard raw.count <= 128 else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(raw.count, 1)) { lower -> Int64? in
            for i in 0..<raw.count { let c = raw[i]; lower[i] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
            let b = UnsafeBufferPointer(start: lower.baseAddress, count: raw.count)
            // Tokens separated by whitespace and commas (at most 8 are looked at).
            var tokens: [Token] = []
            tokens.reserveCapacity(8)
            var i = 0
            while i < b.count, tokens.count < 8 {
                while i < b.count, isSeparator(b[i]) { i += 1 }
                let start = i
                while i < b.count, !isSeparator(b[i]) { i += 1 }
                if i > start { tokens.append(start..<i) }
            }
            return parseTokens(b, tokens)
        }
    }

    @inline(__always) private static func isSeparator(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x2C || (c >= 0x09 && c <= 0x0D)
    }

    private static func parseTokens(_ b: UnsafeBufferPointer<UInt8>, _ all: [Token]) -> Int64? {
        var tokens = all[...]
        guard let first = tokens.first else { return nil }
        if isDayName(b, first) { tokens = tokens.dropFirst() }
        guard tokens.count >= 3 else { return nil }
        let t0 = tokens[tokens.startIndex], t1 = tokens[tokens.startIndex + 1], t2 = tokens[tokens.startIndex + 2]
        var rest: [Token]
        let day: Int, month: Int, yearToken: Token
        if let m = monthNumber(b, t0), let d = integer(b, t1) {
            month = m
            day = d
            if b[t2].contains(0x3A) {
                // asctime: month day time [zone] year
                guard tokens.count >= 4, let last = tokens.last, integer(b, last) != nil else { return nil }
                yearToken = last
                rest = [t2] + tokens[(tokens.startIndex + 3)..<(tokens.endIndex - 1)]
            } else {
                yearToken = t2
                rest = Array(tokens.dropFirst(3))
            }
        } else if let d = integer(b, t0), let m = monthNumber(b, t1) {
            day = d
            month = m
            yearToken = t2
            rest = Array(tokens.dropFirst(3))
        } else {
            return nil
        }
        guard yearToken.count <= 4, var year = integer(b, yearToken) else { return nil }
        if yearToken.count <= 2 { year += year < 90 ? 2000 : 1900 }

        var hour = 0, minute = 0, second = 0
        if let timeToken = rest.first {
            guard let t = parseTime(b, timeToken) else { return nil }
            (hour, minute, second) = t
            rest.removeFirst()
        }
        var offset = 0
        if let zone = rest.first {
            guard let minutes = zoneOffsetMinutes(b, zone) else { return nil }
            offset = minutes * 60
        }
        return CivilTime.unixSeconds(year: year, month: month, day: day, hour: hour, minute: minute,
                                     second: second, offsetSeconds: offset)
    }

    private static func integer(_ b: UnsafeBufferPointer<UInt8>, _ t: Token) -> Int? {
        guard !t.isEmpty, t.count <= 9 else { return nil }
        var v = 0
        for i in t {
            let c = b[i]
            guard c >= 0x30, c <= 0x39 else { return nil }
            v = v * 10 + Int(c - 0x30)
        }
        return v
    }

    private static func prefix3(_ b: UnsafeBufferPointer<UInt8>, _ t: Token) -> UInt32? {
        guard t.count >= 3 else { return nil }
        let s = t.lowerBound
        return UInt32(b[s]) << 16 | UInt32(b[s + 1]) << 8 | UInt32(b[s + 2])
    }

    private static func code(_ s: StaticString) -> UInt32 {
        let p = s.utf8Start
        return UInt32(p[0]) << 16 | UInt32(p[1]) << 8 | UInt32(p[2])
    }

    private static let dayCodes: [UInt32] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map { code($0) }
    private static let monthCodes: [UInt32] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map { code($0) }

    private static func isDayName(_ b: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        guard let p = prefix3(b, t) else { return false }
        return dayCodes.contains(p)
    }

    private static func monthNumber(_ b: UnsafeBufferPointer<UInt8>, _ t: Token) -> Int? {
        guard let p = prefix3(b, t), let index = monthCodes.firstIndex(of: p) else { return nil }
        return index + 1
    }

    /// "hh:mm", "hh:mm:ss" or "hh:mm:ss.fff".
    private static func parseTime(_ b: UnsafeBufferPointer<UInt8>, _ t: Token) -> (Int, Int, Int)? {
        var parts: [Token] = []
        var start = t.lowerBound
        for i in t where b[i] == 0x3A {
            parts.append(start..<i)
            start = i + 1
        }
        parts.append(start..<t.upperBound)
        guard parts.count >= 2, parts.count <= 3, let h = integer(b, parts[0]), let m = integer(b, parts[1]) else { return nil }
        var s = 0
        if parts.count == 3 {
            var whole = parts[2]
            if let dot = whole.first(where: { b[$0] == 0x2E }) { whole = whole.lowerBound..<dot }
            guard let value = integer(b, whole) else { return nil }
            s = value
        }
        return (h, m, s)
    }

    /// Minutes east of UTC for a zone token; unknown alphabetic names are UTC, malformed offsets nil.
    private static func zoneOffsetMinutes(_ b: UnsafeBufferPointer<UInt8>, _ token: Token) -> Int? {
        var t = token
        if b[t.lowerBound] == 0x28, b[t.upperBound - 1] == 0x29, t.count >= 2 { t = (t.lowerBound + 1)..<(t.upperBound - 1) }
        func hasPrefix(_ p: StaticString) -> Bool {
            let n = p.utf8CodeUnitCount
            guard t.count >= n else { return false }
            for k in 0..<n where b[t.lowerBound + k] != p.utf8Start[k] { return false }
            return true
        }
        if hasPrefix("etc/") { t = (t.lowerBound + 4)..<t.upperBound }
        for (p, n) in [("gmt", 3), ("utc", 3), ("ut", 2)] as [(StaticString, Int)] where hasPrefix(p) && t.count > n {
            let c = b[t.lowerBound + n]
            if c == 0x2B || c == 0x2D { t = (t.lowerBound + n)..<t.upperBound; break }
        }
        guard !t.isEmpty else { return 0 }
        let sign = b[t.lowerBound]
        if sign == 0x2B || sign == 0x2D {
            var value = 0, digits = 0
            for i in (t.lowerBound + 1)..<t.upperBound where b[i] != 0x3A {
                let c = b[i]
                guard c >= 0x30, c <= 0x39 else { return nil }
                digits += 1
                guard digits <= 4 else { return nil }  // also keeps `value` far from overflow
                value = value * 10 + Int(c - 0x30)
            }
            guard digits > 0 else { return nil }
            let hours = digits <= 2 ? value : value / 100
            let minutes = digits <= 2 ? 0 : value % 100
            guard hours <= 14, minutes < 60 else { return nil }
            let total = hours * 60 + minutes
            return sign == 0x2D ? -total : total
        }
        let name = String(decoding: UnsafeBufferPointer(rebasing: b[t]), as: UTF8.self)
        return TimeZoneNames.offsetMinutes(name) ?? 0
    }
}
