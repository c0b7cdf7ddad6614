import Foundation

/// Puts feed and page URLs in one canonical spelling so the same subscription is never stored twice.
///
/// Normalization follows RFC 3986 §6.2.2 (syntax-based) and §6.2.3 (scheme-based): scheme and host
/// lower-cased, the scheme's default port removed, dot segments (`.`, `..`) removed from the path
/// (§5.2.4, for http, https and file URLs and bare paths), an empty path becomes `/`, the fragment is
/// dropped (it never reaches the server). Otherwise the path and query are kept as written: servers
/// may treat them case-sensitively. Normalizing a normalized URL changes nothing (the `url` fuzz
/// target checks this).
public enum URLNormalizer {
    /// Schemes Syndic subscribes to and fetches.
    public static let supportedSchemes: Set<String> = ["http", "https", "file"]

    /// Why a string cannot be used as a feed URL.
    public enum Failure: UserFacingError, Equatable {
        case notAURL(String)
        case unsupportedScheme(String, scheme: String)
        case missingHost(String)

        public var exitCode: SyndicExitCode { .dataError }
        public var description: String {
            switch self {
            case .notAURL(let s):
                return "'\(s)' is not a URL; give a full address such as https://example.org/feed.xml"
            case .unsupportedScheme(let s, let scheme):
                return "'\(s)' uses the scheme '\(scheme)'; Syndic only reads http, https and file URLs"
            case .missingHost(let s):
                return "'\(s)' has no host name; write it as https://HOST/PATH"
            }
        }
    }

    /// Returns the canonical form of `string`, or throws ``Failure`` when it is not a usable URL.
    ///
    /// A bare absolute path (`/srv/feeds/a.xml`) is accepted as a file URL.
    public static func normalize(_ string: String) throws(Failure) -> String {
        let trimmed = string.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("/") {
            return URL(fileURLWithPath: trimmed).standardizedFileURL.absoluteString
        }
        guard var parts = URLComponents(string: trimmed), let rawScheme = parts.scheme, !rawScheme.isEmpty else {
            throw .notAURL(string)
        }
        let scheme = rawScheme.lowercased()
        guard supportedSchemes.contains(scheme) else { throw .unsupportedScheme(string, scheme: scheme) }
        parts.scheme = scheme
        parts.fragment = nil
        if scheme == "file" {
            // A file URL names a local file: no host but the empty one or `localhost`, and an absolute
            // path (`file:../x` and `file:x` name no file: written back they read as `file://` or a host).
            let host = parts.percentEncodedHost ?? ""
            guard host.isEmpty || host.lowercased() == "localhost", parts.percentEncodedPath.hasPrefix("/") else { throw .notAURL(string) }
            parts.percentEncodedHost = ""
            parts.percentEncodedPath = removingDotSegments(parts.percentEncodedPath)
            return parts.string ?? trimmed
        }
        // Lower-case the host as written (percent-escapes kept), so normalizing twice changes nothing.
        guard let host = parts.percentEncodedHost, !host.isEmpty else { throw .missingHost(string) }
        parts.percentEncodedHost = host.lowercased()
        if (scheme == "http" && parts.port == 80) || (scheme == "https" && parts.port == 443) {
            parts.port = nil
        }
        parts.percentEncodedPath = removingDotSegments(parts.percentEncodedPath)
        if parts.percentEncodedPath.isEmpty { parts.percentEncodedPath = "/" }
        guard let result = parts.string else { throw .notAURL(string) }
        return result
    }

    /// RFC 3986 §5.2.4 `remove_dot_segments`: `/a/./b/../c` → `/a/c`, `/a/..` → `/`, `/../a` → `/a`.
    ///
    /// Only literal `.` and `..` segments count (a percent-encoded `%2E` is kept as written). The result
    /// has no dot segment left, so applying it twice gives the same path as applying it once.
    public static func removingDotSegments(_ path: String) -> String {
        guard path.utf8.contains(UInt8(ascii: ".")) else { return path }
        var input = Substring(path)
        var output: [Substring] = []   // segments, each with its leading "/" (the first may lack it)
        while !input.isEmpty {
            if input.hasPrefix("../") {                                   // A
                input = input.dropFirst(3)
            } else if input.hasPrefix("./") {
                input = input.dropFirst(2)
            } else if input.hasPrefix("/./") {                            // B
                input = input.dropFirst(2)
            } else if input == "/." {
                input = "/"
            } else if input.hasPrefix("/../") {                           // C
                input = input.dropFirst(3)
                if !output.isEmpty { output.removeLast() }
            } else if input == "/.." {
                input = "/"
                if !output.isEmpty { output.removeLast() }
            } else if input == "." || input == ".." {                     // D
                input = ""
            } else {                                                      // E
                let start = input.startIndex
                let searchFrom = input.hasPrefix("/") ? input.index(after: start) : start
                let end = input[searchFrom...].firstIndex(of: "/") ?? input.endIndex
                output.append(input[start..<end])
                input = input[end...]
            }
        }
        return output.joined()
    }

    /// The lower-cased host of a URL string, or nil for file URLs and strings without a host.
    public static func host(of string: String) -> String? {
        URLComponents(string: string)?.host?.lowercased()
    }
}
