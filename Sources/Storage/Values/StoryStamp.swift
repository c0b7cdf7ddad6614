import Foundation

/// What the stories a query selects look like, in a few numbers read without loading them: the
/// web view's ETag is derived from it, so a conditional request that matches answers 304 without
/// reading a single story or rendering a byte.
///
/// It changes whenever the selection's rendering can: a story is added, removed, gains or loses
/// copies or is re-placed (its `updated_at`, count and total size), or a poll fetches any feed (the
/// feeds' latest fetch time, which also covers feed titles and entries edited in place). It may
/// change when the rendering does not (a poll that found nothing new); that costs one full answer.
public struct StoryStamp: Sendable, Equatable {
    /// Stories the query selects (before its limit).
    public var stories: Int
    /// Their latest `updated_at` (0 when none).
    public var latestUpdate: Double
    /// Their entries, in all.
    public var copies: Int
    /// Feeds subscribed.
    public var feeds: Int
    /// The latest time any feed was fetched (0 when none was).
    public var latestFetch: Double
    /// The latest change of the reader's read or starred state (0 without a ``StoryQuery/reader``).
    public var latestReadChange: Double

    public init(stories: Int, latestUpdate: Double, copies: Int, feeds: Int, latestFetch: Double, latestReadChange: Double = 0) {
        self.stories = stories; self.latestUpdate = latestUpdate; self.copies = copies
        self.feeds = feeds; self.latestFetch = latestFetch; self.latestReadChange = latestReadChange
    }

    /// No stories, no feeds.
    public static let empty = StoryStamp(stories: 0, latestUpdate: 0, copies: 0, feeds: 0, latestFetch: 0)

    /// The stamp as one short string, for hashing into a validator.
    public var token: String {
        "\(stories):\(latestUpdate.bitPattern):\(copies):\(feeds):\(latestFetch.bitPattern)"
            + (latestReadChange == 0 ? "" : ":\(latestReadChange.bitPattern)")
    }
}
