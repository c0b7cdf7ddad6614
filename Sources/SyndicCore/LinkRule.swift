import Foundation

/// The one rule for URLs that Syndic finds *in* remote content: discovery links, redirect targets,
/// `<base href>`, entry and article links, canonical URLs.
///
/// Such a URL may only be `http` or `https`, with a host and without credentials. A `file:` URL is
/// followed only when the user chose local content themselves: a URL they typed (``Origin/commandLine``),
/// or a link inside a local file they subscribed to or named (``Origin/content(of:)`` with a `file:` source).
/// Without this rule a web page could make `feeds add` subscribe to `file:///etc/…` and copy a local
/// file into the digest.
///
/// ```swift
/// LinkRule.refusal(of: "file:///tmp/secret.xml", origin: .content(of: "http://example.org/"))
/// // .localFileFromRemote
/// ```
public enum LinkRule {
    /// Where a URL came from.
    public enum Origin: Sendable, Hashable {
        /// Typed by the user on the command line (or read from their own subscription list).
        case commandLine
        /// Found inside the document fetched from this URL (a web page, a feed, a redirect answer).
        case content(of: String)
    }

    /// Why a URL found in content is not followed (phrased for a list of refused candidates).
    public enum Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        /// `javascript:`, `data:`, `mailto:`, `ftp:`… (the scheme, lower-cased).
        case scheme(String)
        /// A `file:` URL found in content fetched from the network.
        case localFileFromRemote
        /// `user:password@` in the URL.
        case credentials
        /// No host (`http:///x`) or not a URL at all.
        case notAURL

        public var description: String {
            switch self {
            case .scheme(let scheme): return "a \(scheme): link is never followed (only http and https)"
            case .localFileFromRemote: return "a remote page may not point Syndic at a local file"
            case .credentials: return "links with a user name or password in them are not followed"
            case .notAURL: return "not an absolute http(s) URL"
            }
        }
    }

    /// nil when `url` may be followed, else why not.
    public static func refusal(of url: String, origin: Origin) -> Refusal? {
        guard let parts = URLComponents(string: url.trimmingCharacters(in: .whitespacesAndNewlines)),
              let scheme = parts.scheme?.lowercased() else { return .notAURL }
        if parts.user != nil || parts.password != nil { return .credentials }
        switch scheme {
        case "http", "https":
            return parts.host?.isEmpty == false ? nil : .notAURL
        case "file":
            return mayReadLocalFiles(origin) ? nil : .localFileFromRemote
        default:
            return .scheme(scheme)
        }
    }

    /// True when `url` may be followed (``refusal(of:origin:)`` is nil).
    public static func allows(_ url: String, origin: Origin) -> Bool {
        refusal(of: url, origin: origin) == nil
    }

    /// Local files are the user's own choice only: typed, or linked from a local file they chose.
    private static func mayReadLocalFiles(_ origin: Origin) -> Bool {
        switch origin {
        case .commandLine: return true
        case .content(let source): return source.lowercased().hasPrefix("file:")
        }
    }
}
