import Foundation

/// Which entry links a poll may fetch as article pages.
///
/// A remote feed (http/https) may only send Syndic to http/https pages without credentials in the URL:
/// `javascript:`, `data:`, `file:` and `user:pass@` links inside a remote feed are never fetched. A local
/// feed (a `file:` subscription, chosen by the user) may also point at local files.
enum LinkSafety {
    static func isFetchable(_ link: String, feedURL: String) -> Bool {
        guard let parts = URLComponents(string: link), let scheme = parts.scheme?.lowercased() else { return false }
        if parts.user != nil || parts.password != nil { return false }
        switch scheme {
        case "http", "https": return parts.host?.isEmpty == false
        case "file": return feedURL.lowercased().hasPrefix("file:")
        default: return false
        }
    }
}
