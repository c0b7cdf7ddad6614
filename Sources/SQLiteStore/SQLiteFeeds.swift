import Foundation
import GRDB
import Storage
import StoreSQL
import SyndicCore

/// Subscriptions: add, find, list, update, remove.
extension SQLiteStore {
    public func addFeeds(_ items: [NewFeed], now: Date) async throws -> [FeedAddOutcome] {
        try await write { db in
            var outcomes: [FeedAddOutcome] = []
            outcomes.reserveCapacity(items.count)
            for item in items {
                if var existing = try Self.feed(db, url: item.url) {
                    let merged = existing.tags + item.tags.filter { !existing.tags.contains($0) }
                    if merged != existing.tags {
                        existing.tags = merged
                        try db.run(FeedSQL.update(existing))
                    }
                    outcomes.append(.alreadyPresent(existing))
                    continue
                }
                var tags: [String] = []
                for tag in item.tags where !tags.contains(tag) { tags.append(tag) }
                var feed = Feed(url: item.url, title: item.title, tags: tags, addedAt: now, nextFetchAt: now)
                feed.id = try db.first(FeedSQL.insert(feed))?.int("id") ?? 0
                outcomes.append(.added(feed))
            }
            return outcomes
        }
    }

    public func feed(matching key: String) async throws -> Feed? {
        try await read { db in
            if let id = Int64(key), let feed = try db.first(FeedSQL.byID(id)).map(RowDecoding.feed) { return feed }
            return try Self.feed(db, url: (try? URLNormalizer.normalize(key)) ?? key)
        }
    }

    public func feed(id: Int64) async throws -> Feed? {
        try await read { db in try db.first(FeedSQL.byID(id)).map(RowDecoding.feed) }
    }

    public func listFeeds() async throws -> [FeedListing] {
        try await read { db in try db.rows(FeedSQL.listing).map(RowDecoding.feedListing) }
    }

    public func feedsStamp(now: Date) async throws -> FeedsStamp {
        try await read { db in try db.first(FeedSQL.stamp(now: now)).map(RowDecoding.feedsStamp) ?? .empty }
    }

    public func updateFeed(_ feed: Feed) async throws {
        try await write { db in try db.run(FeedSQL.update(feed)) }
    }

    public func removeFeed(id: Int64) async throws {
        try await write { db in
            guard try db.first(FeedSQL.byID(id)) != nil else { throw StorageError.feedNotFound(String(id)) }
            let touched = try db.ids(FeedSQL.storiesOf(feedID: id))
            try db.run(FeedSQL.delete(id))
            try Self.refreshStories(db, touched)
        }
    }

    /// The feed stored under the normalized `url`, or under a spelling that normalizes to it: URLs
    /// stored before normalization removed dot segments (`…/nnw/../nnw/feed.rss`) are still found,
    /// so they are never subscribed twice. Such spellings contain `/.`; only those rows are re-normalized.
    static func feed(_ db: Database, url: String) throws -> Feed? {
        if let exact = try db.first(FeedSQL.byURL(url)) { return try RowDecoding.feed(exact) }
        return try db.rows(FeedSQL.withDotSegments).map(RowDecoding.feed).first { (try? URLNormalizer.normalize($0.url)) == url }
    }
}
