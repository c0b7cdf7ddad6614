import Foundation
import GRDB
import Storage
import StoreSQL

/// The queries a poll runs: which feeds are due, one fetch's commit, unfinished work, the window's signatures.
extension SQLiteStore {
    public func dueFeeds(now: Date, force: Bool) async throws -> [Feed] {
        try await read { db in try db.rows(force ? FeedSQL.active : FeedSQL.due(now: now)).map(RowDecoding.feed) }
    }

    public func commitFeedFetch(feed: Feed, drafts: [EntryDraft], now: Date) async throws -> [EntryUpsertOutcome] {
        try await write { db in
            try db.run(FeedSQL.updateFetchState(feed))
            return try Self.upsertEntries(db, feedID: feed.id, drafts, now: now)
        }
    }

    public func unsignedEntries(limit: Int) async throws -> [StoredEntry] {
        try await read { db in try db.rows(EntrySQL.unsigned(limit: limit)).map(RowDecoding.entry) }
    }

    public func signatures(since: Date) async throws -> [IndexedSignature] {
        try await read { db in try db.rows(EntrySQL.signatures(since: since)).map(RowDecoding.indexedSignature) }
    }

    public func unplacedEntries(limit: Int) async throws -> [UnplacedEntry] {
        try await read { db in try db.rows(EntrySQL.unplaced(limit: limit)).map(RowDecoding.unplacedEntry) }
    }

    public func unplacedCount() async throws -> Int {
        try await read { db in try db.first(EntrySQL.unplacedCount)?.count("n") ?? 0 }
    }

    public func commitProcessed(articles: [StoredArticle], signatures: [StoredSignature],
                                assignments: [StoryAssignment], now: Date) async throws {
        try await write { db in
            for article in articles { try Self.saveArticle(db, article) }
            for signature in signatures { try db.run(EntrySQL.saveSignature(signature, now: now)) }
            try Self.applyStoryAssignments(db, assignments, now: now)
        }
    }

    public func acquirePollLock(wait: Bool) async throws -> any PollLock {
        try await SQLitePollLock.acquire(databasePath: path, wait: wait)
    }
}
