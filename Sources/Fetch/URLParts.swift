/// Just enough URL parsing to route a request: its scheme, host and port, without Foundation's URL quirks.
/// Works on UTF-8 bytes: it runs twice per request on the driver's hot path.
struct URLParts: Equatable {
    var scheme: String
    var host: String
    /// The explicit port, else the scheme's default (80, 443; 0 for other schemes).
    var port: Int = 0

    /// nil when the text has no `scheme://` prefix (RFC 3986 scheme: a letter, then letters, digits, + - .).
    init?(_ url: String) {
        let bytes = Array(url.utf8)
        var i = 0
        while i < bytes.count, Self.isSchemeByte(bytes[i], first: i == 0) { i += 1 }
        guard i > 0, bytes.count >= i + 3,
              bytes[i] == UInt8(ascii: ":"), bytes[i + 1] == UInt8(ascii: "/"), bytes[i + 2] == UInt8(ascii: "/")
        else { return nil }
        scheme = String(decoding: bytes[0..<i], as: UTF8.self).lowercased()
        var start = i + 3
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "/"), bytes[end] != UInt8(ascii: "?"),
              bytes[end] != UInt8(ascii: "#") {
            if bytes[end] == UInt8(ascii: "@") { start = end + 1 }  // userinfo: the last @ wins
            end += 1
        }
        var hostEnd = start
        if start < end, bytes[start] == UInt8(ascii: "[") {  // IPv6 literal
            start += 1
            hostEnd = start
            while hostEnd < end, bytes[hostEnd] != UInt8(ascii: "]") { hostEnd += 1 }
        } else {
            while hostEnd < end, bytes[hostEnd] != UInt8(ascii: ":") { hostEnd += 1 }
        }
        host = String(decoding: bytes[start..<hostEnd], as: UTF8.self).lowercased()
        var colon = hostEnd
        while colon < end, bytes[colon] != UInt8(ascii: ":") { colon += 1 }
        if colon + 1 < end, let explicit = Int(String(decoding: bytes[(colon + 1)..<end], as: UTF8.self)) {
            port = explicit
        } else {
            port = scheme == "https" ? 443 : (scheme == "http" ? 80 : 0)
        }
    }

    private static func isSchemeByte(_ byte: UInt8, first: Bool) -> Bool {
        let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
        if first { return isLetter }
        return isLetter || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }
}
