import Foundation

/// Reads the response headers that tell a poller when to come back (RFC 9110 §10.2.3, RFC 9111 §5.2–5.3).
public enum CachingHeaders {
    /// Seconds to wait from a `Retry-After` value: delay-seconds (`120`) or an HTTP-date (measured from `now`,
    /// never negative). nil when the value is neither.
    public static func retryAfter(_ value: String, now: Date = Date()) -> TimeInterval? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty, trimmed.allSatisfy(\.isASCIIDigit) {
            return TimeInterval(trimmed.prefix(10)) ?? nil
        }
        guard let date = HTTPDate.parse(trimmed, now: now) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }

    /// `max-age` from a `Cache-Control` value in seconds (`s-maxage` is for shared caches and ignored).
    /// nil when absent or malformed.
    public static func maxAge(_ cacheControl: String) -> Int? {
        directives(cacheControl)["max-age"].flatMap { value in
            value.allSatisfy(\.isASCIIDigit) && !value.isEmpty ? Int(value.prefix(10)) : nil
        }
    }

    /// True when `Cache-Control` says `no-store` or `no-cache`.
    public static func forbidsReuse(_ cacheControl: String) -> Bool {
        let d = directives(cacheControl)
        return d["no-store"] != nil || d["no-cache"] != nil
    }

    /// Seconds until `Expires`, measured from the response's `Date` header when present (RFC 9111 §4.2.1),
    /// else from `now`. Invalid dates (like `0`) mean "already expired" and give 0.
    public static func expiresIn(_ expires: String, date: String? = nil, now: Date = Date()) -> TimeInterval {
        guard let expiry = HTTPDate.parse(expires, now: now) else { return 0 }
        let reference = date.flatMap { HTTPDate.parse($0, now: now) } ?? now
        return max(0, expiry.timeIntervalSince(reference))
    }

    /// The charset parameter of a `Content-Type` value, lower-cased and unquoted (`text/html; charset="UTF-8"`
    /// gives `utf-8`); nil when absent.
    public static func charset(contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2,
                  pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value.isEmpty ? nil : value.lowercased()
        }
        return nil
    }

    private static func directives(_ cacheControl: String) -> [String: String] {
        var result: [String: String] = [:]
        for item in cacheControl.split(separator: ",") {
            let pair = item.split(separator: "=", maxSplits: 1)
            let name = pair[0].trimmingCharacters(in: .whitespaces).lowercased()
            var value = pair.count > 1 ? pair[1].trimmingCharacters(in: .whitespaces) : ""
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            if result[name] == nil { result[name] = value }
        }
        return result
    }
}

extension FetchResponse {
    /// Seconds the server asked us to wait (`Retry-After`, typically on 429 and 503).
    public func retryAfter(now: Date = Date()) -> TimeInterval? {
        headers["Retry-After"].flatMap { CachingHeaders.retryAfter($0, now: now) }
    }

    /// How long the response stays fresh: `Cache-Control: max-age`, else `Expires` (relative to `Date`).
    public func freshnessLifetime(now: Date = Date()) -> TimeInterval? {
        if let maxAge = headers["Cache-Control"].flatMap(CachingHeaders.maxAge) { return TimeInterval(maxAge) }
        return headers["Expires"].map { CachingHeaders.expiresIn($0, date: headers["Date"], now: now) }
    }

    /// The charset declared in `Content-Type`, lower-cased.
    public var charset: String? {
        headers["Content-Type"].flatMap { CachingHeaders.charset(contentType: $0) }
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
