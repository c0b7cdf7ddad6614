import Foundation

/// Puts feed and page URLs in one canonical spelling so the same subscription is never stored twice.
///
/// Normalization follows RFC 3986 §6.2.2 (syntax-based) and §6.2.3 (scheme-based): scheme and host
/// lower-cased, the scheme's default port removed, an empty path becomes `/`, the fragment is
/// dropped (it never reaches the server). The path and query are kept as written: servers may treat
/// them case-sensitively.
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
            // A file URL names a local file: no host but the empty one or `localhost`.
            let host = parts.percentEncodedHost ?? ""
            guard host.isEmpty || host.lowercased() == "localhost", !parts.path.isEmpty else { throw .notAURL(string) }
            parts.percentEncodedHost = ""
            return parts.string ?? trimmed
        }
        // Lower-case the host as written (percent-escapes kept), so normalizing twice changes nothing.
        guard let host = parts.percentEncodedHost, !host.isEmpty else { throw .missingHost(string) }
        parts.percentEncodedHost = host.lowercased()
        if (scheme == "http" && parts.port == 80) || (scheme == "https" && parts.port == 443) {
            parts.port = nil
        }
        if parts.percentEncodedPath.isEmpty { parts.percentEncodedPath = "/" }
        guard let result = parts.string else { throw .notAURL(string) }
        return result
    }

    /// The lower-cased host of a URL string, or nil for file URLs and strings without a host.
    public static func host(of string: String) -> String? {
        URLComponents(string: string)?.host?.lowercased()
    }
}
