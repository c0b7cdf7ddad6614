import Foundation

/// Subscriptions: which feeds are followed, under which title and tags.
///
/// A subscription is keyed by the feed's normalized URL. (Per-user subscriptions will add a user to
/// these methods; the feed itself, its fetch state and its entries stay shared.)
public protocol FeedStore: Sendable {
    /// Subscribes to many URLs in one transaction; existing subscriptions are reported, not changed
    /// (except that missing tags are merged in). URLs must already be normalized.
    func addFeeds(_ items: [NewFeed], now: Date) async throws -> [FeedAddOutcome]
    /// The feed whose id is `key` (digits) or whose URL normalizes to `key`; nil when none.
    func feed(matching key: String) async throws -> Feed?
    /// The feed with this id, or nil.
    func feed(id: Int64) async throws -> Feed?
    /// Every feed, oldest subscription first, with its entry count.
    func listFeeds() async throws -> [FeedListing]
    /// The ``FeedsStamp`` of what ``listFeeds()`` returns, as the feeds page shows it at `now`: one
    /// aggregate query, so `/feeds` answers a matching conditional request without listing a feed.
    func feedsStamp(now: Date) async throws -> FeedsStamp
    /// Saves changes to a feed's stored fields.
    func updateFeed(_ feed: Feed) async throws
    /// Unsubscribes: the feed, its entries, articles and signatures go; stories that lose entries get a
    /// new representative and size, and stories left empty are deleted. Throws
    /// ``StorageError/feedNotFound(_:)`` for an unknown id.
    func removeFeed(id: Int64) async throws
}

extension FeedStore {
    /// Ids of the feeds tagged `tag` (compared without regard to case), for ``StoryQuery/feedIDs``.
    /// Tags are matched here, in Swift, so both backends compare them the same way.
    public func feedIDs(tagged tag: String) async throws -> [Int64] {
        let wanted = tag.lowercased()
        return try await listFeeds().map(\.feed).filter { $0.tags.contains { $0.lowercased() == wanted } }.map(\.id)
    }

    /// Every tag in use, sorted, each once (for messages that list the choices).
    public func tagsInUse() async throws -> [String] {
        Array(Set(try await listFeeds().flatMap(\.feed.tags))).sorted()
    }

    /// ``addFeeds(_:now:)`` at the current time.
    public func addFeeds(_ items: [NewFeed]) async throws -> [FeedAddOutcome] {
        try await addFeeds(items, now: Date())
    }

    /// Subscribes to `url` (normalized). Throws ``StorageError/duplicateFeed(url:existingID:)`` when
    /// the URL is already subscribed.
    @discardableResult
    public func addFeed(url: String, title: String? = nil, tags: [String] = [], now: Date = Date()) async throws -> Feed {
        switch try await addFeeds([(url, title, tags)], now: now)[0] {
        case .added(let feed): return feed
        case .alreadyPresent(let feed): throw StorageError.duplicateFeed(url: feed.url, existingID: feed.id)
        }
    }
}
