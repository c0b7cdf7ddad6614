import Foundation

/// A subscribed feed and its polling state, as stored.
///
/// Today one record holds both what the subscriber chose (title, tags) and what polling learned
/// (validators, schedule, errors); the store protocols keep the two concerns in separate methods
/// (``FeedStore`` for subscriptions, ``PollStore`` for fetch state) so per-user subscriptions can
/// split them later without changing the poller.
public struct Feed: Sendable, Equatable {
    public var id: Int64
    /// The normalized URL the feed is fetched from (updated on a permanent redirect).
    public var url: String
    public var title: String?
    public var siteURL: String?
    public var tags: [String]
    public var addedAt: Date
    public var lastFetchedAt: Date?
    public var lastSuccessAt: Date?
    /// HTTP status of the last fetch (0 when the fetch failed before a response).
    public var lastStatus: Int?
    public var lastError: String?
    public var consecutiveFailures: Int
    /// When the current run of failures began; nil while the feed is healthy.
    public var failingSince: Date?
    public var nextFetchAt: Date?
    /// The interval the scheduler settled on for this feed, in seconds.
    public var intervalSeconds: Double?
    public var etag: String?
    public var lastModified: String?
    /// SHA-256 of the last body parsed, to skip parsing an unchanged feed served without validators.
    public var bodyHash: String?
    /// Why the feed is no longer polled (410 Gone, or `feeds edit --disable`); nil when active.
    public var disabledReason: String?
    /// When to fetch this feed's article pages (`feeds edit --full-text`); nil follows the poll's `--full-text`.
    public var fullText: FeedFullText?

    public init(id: Int64 = 0, url: String, title: String? = nil, siteURL: String? = nil, tags: [String] = [],
                addedAt: Date = Date(), lastFetchedAt: Date? = nil, lastSuccessAt: Date? = nil, lastStatus: Int? = nil,
                lastError: String? = nil, consecutiveFailures: Int = 0, failingSince: Date? = nil,
                nextFetchAt: Date? = nil, intervalSeconds: Double? = nil, etag: String? = nil,
                lastModified: String? = nil, bodyHash: String? = nil, disabledReason: String? = nil,
                fullText: FeedFullText? = nil) {
        self.id = id; self.url = url; self.title = title; self.siteURL = siteURL; self.tags = tags
        self.addedAt = addedAt; self.lastFetchedAt = lastFetchedAt; self.lastSuccessAt = lastSuccessAt
        self.lastStatus = lastStatus; self.lastError = lastError; self.consecutiveFailures = consecutiveFailures
        self.failingSince = failingSince; self.nextFetchAt = nextFetchAt; self.intervalSeconds = intervalSeconds
        self.etag = etag; self.lastModified = lastModified; self.bodyHash = bodyHash; self.disabledReason = disabledReason
        self.fullText = fullText
    }
}

/// A feed with the number of entries stored for it, for `feeds list`.
public struct FeedListing: Sendable, Equatable {
    public var feed: Feed
    public var entryCount: Int

    public init(feed: Feed, entryCount: Int) {
        self.feed = feed; self.entryCount = entryCount
    }
}

/// What happened to one URL handed to ``FeedStore/addFeeds(_:now:)``.
public enum FeedAddOutcome: Sendable, Equatable {
    case added(Feed)
    case alreadyPresent(Feed)
}

/// One subscription to add: a normalized URL, an optional title and tags.
public typealias NewFeed = (url: String, title: String?, tags: [String])
