import Foundation

/// Links from feeds are untrusted: only absolute `http` and `https` URLs with a host are ever
/// written as links. Everything else (`javascript:`, `data:`, `vbscript:`, relative or malformed
/// URLs, URLs with credentials) is dropped; the text around it is still shown.
public enum SafeURL {
    /// The text between `scheme://` and the first `/`, `?` or `#`.
    static func authority(of url: String) -> Substring {
        guard let start = url.range(of: "://")?.upperBound else { return "" }
        let rest = url[start...]
        return rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    }

    /// The URL when it is a well-formed absolute http(s) URL, with characters that could break
    /// out of an attribute, a Markdown link or a JSON string percent-encoded; nil otherwise.
    ///
    /// ```swift
    /// SafeURL.check("https://example.org/a b") // "https://example.org/a%20b"
    /// SafeURL.check("javascript:alert(1)")     // nil
    /// ```
    public static func check(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 4096 else { return nil }
        var encoded = ""
        for scalar in trimmed.unicodeScalars {
            if PlainText.isDropped(scalar) { return nil }
            switch scalar {
            case " ": encoded += "%20"
            case "\"": encoded += "%22"
            case "'": encoded += "%27"
            case "<": encoded += "%3C"
            case ">": encoded += "%3E"
            case "(": encoded += "%28"
            case ")": encoded += "%29"
            case "\\": encoded += "%5C"
            case "`": encoded += "%60"
            case "{": encoded += "%7B"
            case "}": encoded += "%7D"
            case "|": encoded += "%7C"
            case "^": encoded += "%5E"
            default:
                if scalar.value > 0x7E || scalar.properties.isWhitespace {
                    for byte in String(scalar).utf8 { encoded += "%" + hex(byte) }
                } else {
                    encoded.unicodeScalars.append(scalar)
                }
            }
        }
        guard let components = URLComponents(string: encoded),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty,
              encoded.lowercased().hasPrefix(scheme + "://"),
              // Credentials in a link (`http://user:pass@host/`) would hand a feed's secret, or a phishing
              // disguise ("https://bank.example@evil.example/"), to whoever clicks: never linked.
              !authority(of: encoded).contains("@")
        else { return nil }
        return encoded
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}
