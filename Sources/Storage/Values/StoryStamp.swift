import Foundation

/// What the page of stories a query selects looks like, in a few numbers read without loading them:
/// the web view's ETag is derived from it, so a conditional request that matches answers 304 without
/// reading a single story or rendering a byte, and a poll that changes nothing on the page keeps it.
///
/// It covers the stories within the query's limit, in listing order: a story entering or leaving the
/// page, gaining or losing copies, or touched (re-placed, refreshed, or one of its entries changed in
/// place by its feed: its `updated_at`) moves ``fingerprint``; a feed subscribed, removed, renamed or
/// retagged moves ``feeds`` or ``feedRevisions``. Stories outside the page and fetches that find
/// nothing new do not move it.
public struct StoryStamp: Sendable, Equatable {
    /// Stories on the page (at most the query's limit).
    public var stories: Int
    /// Their latest `updated_at` (0 when none).
    public var latestUpdate: Double
    /// Their entries, in all.
    public var copies: Int
    /// Their distinct sites, summed.
    public var sources: Int
    /// A sum of a hash of each story's id and `updated_at` (see `StorySQL.stamp`).
    public var fingerprint: Int64
    /// Feeds subscribed.
    public var feeds: Int
    /// The feeds' revisions summed (each counts a subscriber's edit, or a title or URL learned by a fetch).
    public var feedRevisions: Int64
    /// The latest change of the reader's read or starred state (0 without a ``StoryQuery/reader``).
    public var latestReadChange: Double

    public init(stories: Int, latestUpdate: Double, copies: Int, sources: Int, fingerprint: Int64, feeds: Int, feedRevisions: Int64,
                latestReadChange: Double = 0) {
        self.stories = stories; self.latestUpdate = latestUpdate; self.copies = copies; self.sources = sources
        self.fingerprint = fingerprint; self.feeds = feeds; self.feedRevisions = feedRevisions
        self.latestReadChange = latestReadChange
    }

    /// No stories, no feeds.
    public static let empty = StoryStamp(stories: 0, latestUpdate: 0, copies: 0, sources: 0, fingerprint: 0, feeds: 0, feedRevisions: 0)

    /// The stamp as one short string, for hashing into a validator.
    public var token: String {
        "\(stories):\(latestUpdate.bitPattern):\(copies):\(sources):\(fingerprint):\(feeds):\(feedRevisions)"
            + (latestReadChange == 0 ? "" : ":\(latestReadChange.bitPattern)")
    }
}

/// What `/feeds` shows, in a few numbers read in one aggregate query: the validator of that page.
///
/// Every fetch moves ``fingerprint`` (its time, status and next fetch), a subscriber's edit moves
/// ``revisions``, an entry stored or pruned moves ``entries``, and a feed passing a week of failures
/// (which the page marks) moves ``failingForAWeek``.
public struct FeedsStamp: Sendable, Equatable {
    public var feeds: Int
    public var revisions: Int64
    public var fingerprint: Int64
    public var failingForAWeek: Int
    public var entries: Int

    public init(feeds: Int, revisions: Int64, fingerprint: Int64, failingForAWeek: Int, entries: Int) {
        self.feeds = feeds; self.revisions = revisions; self.fingerprint = fingerprint
        self.failingForAWeek = failingForAWeek; self.entries = entries
    }

    /// No feeds.
    public static let empty = FeedsStamp(feeds: 0, revisions: 0, fingerprint: 0, failingForAWeek: 0, entries: 0)

    /// The stamp as one short string, for hashing into a validator.
    public var token: String { "\(feeds):\(revisions):\(fingerprint):\(failingForAWeek):\(entries)" }
}
