/// Just enough URL parsing to route a request: its scheme and host, without Foundation's URL quirks.
struct URLParts: Equatable {
    var scheme: String
    var host: String

    /// nil when the text has no `scheme://` prefix.
    init?(_ url: String) {
        guard let range = url.range(of: "://") else { return nil }
        let scheme = url[..<range.lowerBound]
        guard let first = scheme.first, first.isLetter,
              scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." })
        else { return nil }
        self.scheme = scheme.lowercased()
        var authority = url[range.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if authority.hasPrefix("[") {  // IPv6 literal
            host = String(authority.prefix { $0 != "]" }.dropFirst()).lowercased()
        } else {
            host = String(authority.prefix { $0 != ":" }).lowercased()
        }
    }
}
