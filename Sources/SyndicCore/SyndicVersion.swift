/// Syndic's version and the identity it announces to servers.
public enum SyndicVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
    /// Where a site owner can learn what is fetching their feed.
    public static let projectURL = "https://github.com/syndic-news/syndic"
    /// The default User-Agent: `Syndic/<version> (+<project URL>)`.
    public static var userAgent: String { "Syndic/\(current) (+\(projectURL))" }
}
