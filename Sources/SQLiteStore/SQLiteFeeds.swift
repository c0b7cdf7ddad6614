import Foundation
import GRDB
import Storage
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
                        try Self.updateFeed(db, existing)
                    }
                    outcomes.append(.alreadyPresent(existing))
                    continue
                }
                var tags: [String] = []
                for tag in item.tags where !tags.contains(tag) { tags.append(tag) }
                var feed = Feed(url: item.url, title: item.title, tags: tags, addedAt: now, nextFetchAt: now)
                let columns = SQLiteRows.feedColumns
                try db.execute(sql: "INSERT INTO feed (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))",
                               arguments: SQLiteRows.feedArguments(feed))
                feed.id = db.lastInsertedRowID
                outcomes.append(.added(feed))
            }
            return outcomes
        }
    }

    public func feed(matching key: String) async throws -> Feed? {
        try await read { db in
            if let id = Int64(key), let feed = try Self.feed(db, id: id) { return feed }
            return try Self.feed(db, url: (try? URLNormalizer.normalize(key)) ?? key)
        }
    }

    public func feed(id: Int64) async throws -> Feed? {
        try await read { db in try Self.feed(db, id: id) }
    }

    public func listFeeds() async throws -> [FeedListing] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT f.*, (SELECT COUNT(*) FROM entry e WHERE e.feed_id = f.id) AS entry_count FROM feed f ORDER BY f.id
                """).map { FeedListing(feed: SQLiteRows.feed($0), entryCount: $0["entry_count"]) }
        }
    }

    public func updateFeed(_ feed: Feed) async throws {
        try await write { db in try Self.updateFeed(db, feed) }
    }

    public func removeFeed(id: Int64) async throws {
        try await write { db in
            guard try Self.feed(db, id: id) != nil else { throw StorageError.feedNotFound(String(id)) }
            let touched = try Int64.fetchAll(db, sql: "SELECT DISTINCT story_id FROM entry WHERE feed_id = ? AND story_id IS NOT NULL",
                                             arguments: [id])
            try db.execute(sql: "DELETE FROM feed WHERE id = ?", arguments: [id])
            try SQLiteStoryMaintenance.refresh(db, storyIDs: touched)
        }
    }

    static func feed(_ db: Database, id: Int64) throws -> Feed? {
        try Row.fetchOne(db, sql: "SELECT * FROM feed WHERE id = ?", arguments: [id]).map(SQLiteRows.feed)
    }

    /// The feed stored under the normalized `url`, or under a spelling that normalizes to it: URLs
    /// stored before normalization removed dot segments (`…/nnw/../nnw/feed.rss`) are still found,
    /// so they are never subscribed twice. Such spellings contain `/.`; only those rows are re-normalized.
    static func feed(_ db: Database, url: String) throws -> Feed? {
        if let exact = try Row.fetchOne(db, sql: "SELECT * FROM feed WHERE url = ?", arguments: [url]) { return SQLiteRows.feed(exact) }
        return try Row.fetchAll(db, sql: "SELECT * FROM feed WHERE url LIKE '%/.%' ORDER BY id").map(SQLiteRows.feed)
            .first { (try? URLNormalizer.normalize($0.url)) == url }
    }

    static func updateFeed(_ db: Database, _ feed: Feed) throws {
        var arguments = SQLiteRows.feedArguments(feed)
        arguments += [feed.id]
        try db.cachedStatement(sql: "UPDATE feed SET \(SQLiteRows.feedColumns.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?")
            .execute(arguments: arguments)
    }
}
