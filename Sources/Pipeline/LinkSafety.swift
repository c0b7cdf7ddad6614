import SyndicCore

/// Which entry links a poll may fetch as article pages: ``LinkRule`` applied to a link found in a feed.
///
/// A remote feed (http/https) may only send Syndic to http/https pages without credentials in the URL:
/// `javascript:`, `data:`, `file:` and `user:pass@` links inside a remote feed are never fetched. A local
/// feed (a `file:` subscription, chosen by the user) may also point at local files.
enum LinkSafety {
    static func isFetchable(_ link: String, feedURL: String) -> Bool {
        LinkRule.allows(link, origin: .content(of: feedURL))
    }
}
