import Foundation
import GRDB
import SyndicCore

/// A feed with the number of entries stored for it, for `feeds list`.
public struct FeedListing: Sendable {
    public var feed: Feed
    public var entryCount: Int
}

/// What happened to one URL handed to ``SyndicDatabase/addFeeds(_:)``.
public enum FeedAddOutcome: Sendable, Equatable {
    case added(Feed)
    case alreadyPresent(Feed)
}

/// Subscriptions: add, find, list, remove.
extension SyndicDatabase {
    /// Subscribes to `url` (normalized first). Throws ``StorageError/duplicateFeed(url:existingID:)``
    /// when the normalized URL is already subscribed.
    @discardableResult
    public func addFeed(url: String, title: String? = nil, tags: [String] = [], now: Date = Date()) throws -> Feed {
        switch try addFeeds([(url, title, tags)], now: now)[0] {
        case .added(let feed): return feed
        case .alreadyPresent(let feed): throw StorageError.duplicateFeed(url: feed.url, existingID: feed.id)
        }
    }

    /// Subscribes to many URLs in one transaction; existing subscriptions are reported, not changed
    /// (except that missing tags are merged in). URLs must already be normalized.
    public func addFeeds(_ items: [(url: String, title: String?, tags: [String])], now: Date = Date()) throws -> [FeedAddOutcome] {
        try write { db in
            var outcomes: [FeedAddOutcome] = []
            outcomes.reserveCapacity(items.count)
            for item in items {
                if var existing = try Self.feed(db, url: item.url) {
                    let merged = existing.tags + item.tags.filter { !existing.tags.contains($0) }
                    if merged != existing.tags {
                        existing.tags = merged
                        try existing.update(db)
                    }
                    outcomes.append(.alreadyPresent(existing))
                    continue
                }
                var tags: [String] = []
                for tag in item.tags where !tags.contains(tag) { tags.append(tag) }
                var feed = Feed(url: item.url, title: item.title, tags: tags, addedAt: now, nextFetchAt: now)
                try feed.insert(db)
                feed.id = db.lastInsertedRowID
                outcomes.append(.added(feed))
            }
            return outcomes
        }
    }

    /// The feed whose id is `key` (digits) or whose URL normalizes to `key`; nil when none.
    public func feed(matching key: String) throws -> Feed? {
        try read { db in
            if let id = Int64(key), let feed = try Feed.fetchOne(db, key: id) { return feed }
            return try Self.feed(db, url: (try? URLNormalizer.normalize(key)) ?? key)
        }
    }

    /// The feed stored under the normalized `url`, or under a spelling that normalizes to it: URLs
    /// stored before normalization removed dot segments (`…/nnw/../nnw/feed.rss`) are still found,
    /// so they are never subscribed twice. Such spellings contain `/.`; only those rows are re-normalized.
    static func feed(_ db: Database, url: String) throws -> Feed? {
        if let exact = try Feed.filter(Column("url") == url).fetchOne(db) { return exact }
        return try Feed.filter(sql: "url LIKE '%/.%'").fetchAll(db).first { (try? URLNormalizer.normalize($0.url)) == url }
    }

    /// The feed with this id, or nil.
    public func feed(id: Int64) throws -> Feed? {
        try read { db in try Feed.fetchOne(db, key: id) }
    }

    /// Every feed, oldest subscription first, with its entry count.
    public func listFeeds() throws -> [FeedListing] {
        try read { db in
            let counts = try Row.fetchAll(db, sql: "SELECT feed_id, COUNT(*) AS n FROM entry GROUP BY feed_id")
            var byFeed: [Int64: Int] = [:]
            for row in counts { byFeed[row["feed_id"]] = row["n"] }
            return try Feed.order(Column("id")).fetchAll(db).map { FeedListing(feed: $0, entryCount: byFeed[$0.id] ?? 0) }
        }
    }

    /// Saves changes to a feed's stored fields.
    public func updateFeed(_ feed: Feed) throws {
        try write { db in try feed.update(db) }
    }

    /// Unsubscribes: the feed, its entries, articles and signatures go; stories that lose entries
    /// get a new representative and size, and stories left empty are deleted.
    public func removeFeed(id: Int64) throws {
        try write { db in
            guard try Feed.fetchOne(db, key: id) != nil else { throw StorageError.feedNotFound(String(id)) }
            let touched = try Int64.fetchAll(db, sql: "SELECT DISTINCT story_id FROM entry WHERE feed_id = ? AND story_id IS NOT NULL", arguments: [id])
            _ = try Feed.deleteOne(db, key: id)
            try StoryMaintenance.refresh(db, storyIDs: touched)
        }
    }
}
