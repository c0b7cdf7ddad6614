import Foundation
import PostgresNIO
import Storage
import StoreSQL
import SyndicCore

/// Subscriptions: add, find, list, update, remove.
extension PostgresStore {
    public func addFeeds(_ items: [NewFeed], now: Date) async throws -> [FeedAddOutcome] {
        try await write { [logger] db in
            var outcomes: [FeedAddOutcome] = []
            outcomes.reserveCapacity(items.count)
            for item in items {
                if var existing = try await Self.feed(db, url: item.url, logger: logger) {
                    let merged = existing.tags + item.tags.filter { !existing.tags.contains($0) }
                    if merged != existing.tags {
                        existing.tags = merged
                        try await db.run(FeedSQL.update(existing), logger: logger)
                    }
                    outcomes.append(.alreadyPresent(existing))
                    continue
                }
                var tags: [String] = []
                for tag in item.tags where !tags.contains(tag) { tags.append(tag) }
                var feed = Feed(url: item.url, title: item.title, tags: tags, addedAt: now, nextFetchAt: now)
                feed.id = try await db.first(FeedSQL.insert(feed), logger: logger)?.int("id") ?? 0
                outcomes.append(.added(feed))
            }
            return outcomes
        }
    }

    public func feed(matching key: String) async throws -> Feed? {
        try await read { [logger] db in
            if let id = Int64(key), let row = try await db.first(FeedSQL.byID(id), logger: logger) { return try RowDecoding.feed(row) }
            return try await Self.feed(db, url: (try? URLNormalizer.normalize(key)) ?? key, logger: logger)
        }
    }

    public func feed(id: Int64) async throws -> Feed? {
        try await read { [logger] db in try await db.first(FeedSQL.byID(id), logger: logger).map(RowDecoding.feed) }
    }

    public func listFeeds() async throws -> [FeedListing] {
        try await read { [logger] db in try await db.rows(FeedSQL.listing, logger: logger).map(RowDecoding.feedListing) }
    }

    public func feedsStamp(now: Date) async throws -> FeedsStamp {
        try await read { [logger] db in try await db.first(FeedSQL.stamp(now: now), logger: logger).map(RowDecoding.feedsStamp) ?? .empty }
    }

    public func updateFeed(_ feed: Feed) async throws {
        try await write { [logger] db in try await db.run(FeedSQL.update(feed), logger: logger) }
    }

    public func removeFeed(id: Int64) async throws {
        try await write { [logger] db in
            guard try await db.first(FeedSQL.byID(id), logger: logger) != nil else { throw StorageError.feedNotFound(String(id)) }
            let touched = try await db.ids(FeedSQL.storiesOf(feedID: id), logger: logger)
            try await db.run(FeedSQL.delete(id), logger: logger)
            try await Self.refreshStories(db, touched, logger: logger)
        }
    }

    /// The feed under the normalized `url`, or under a stored spelling with dot segments that
    /// normalizes to it (see `FeedSQL.withDotSegments`).
    static func feed(_ db: PostgresConnection, url: String, logger: Logger) async throws -> Feed? {
        if let exact = try await db.first(FeedSQL.byURL(url), logger: logger) { return try RowDecoding.feed(exact) }
        return try await db.rows(FeedSQL.withDotSegments, logger: logger).map(RowDecoding.feed)
            .first { (try? URLNormalizer.normalize($0.url)) == url }
    }
}
