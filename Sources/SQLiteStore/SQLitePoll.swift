import Foundation
import GRDB
import Storage

/// The queries a poll runs: which feeds are due, one fetch's commit, unfinished work, the window's signatures.
extension SQLiteStore {
    public func dueFeeds(now: Date, force: Bool) async throws -> [Feed] {
        try await read { db in
            if force {
                return try Row.fetchAll(db, sql: "SELECT * FROM feed WHERE disabled_reason IS NULL ORDER BY id").map(SQLiteRows.feed)
            }
            return try Row.fetchAll(db, sql: """
                SELECT * FROM feed WHERE disabled_reason IS NULL AND (next_fetch_at IS NULL OR next_fetch_at <= ?)
                ORDER BY next_fetch_at, id
                """, arguments: [now.timeIntervalSince1970]).map(SQLiteRows.feed)
        }
    }

    public func commitFeedFetch(feed: Feed, drafts: [EntryDraft], now: Date) async throws -> [EntryUpsertOutcome] {
        try await write { db in
            try Self.updateFeed(db, feed)
            return try Self.upsertEntries(db, feedID: feed.id, drafts, now: now)
        }
    }

    public func unsignedEntries(limit: Int) async throws -> [StoredEntry] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.* FROM entry e LEFT JOIN signature s ON s.entry_id = e.id
                WHERE s.entry_id IS NULL ORDER BY e.id LIMIT ?
                """, arguments: [limit]).map(SQLiteRows.entry)
        }
    }

    public func signatures(since: Date) async throws -> [IndexedSignature] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.*, e.story_id, e.first_seen_at
                FROM signature s JOIN entry e ON e.id = s.entry_id
                WHERE e.first_seen_at >= ? ORDER BY e.first_seen_at, e.id
                """, arguments: [since.timeIntervalSince1970]).map { row in
                IndexedSignature(signature: SQLiteRows.signature(row), storyID: row["story_id"],
                                 seenAt: SQLiteRows.date(row, "first_seen_at"), hasFullText: row["full_text"])
            }
        }
    }

    public func commitProcessed(articles: [StoredArticle], signatures: [StoredSignature],
                                assignments: [StoryAssignment], now: Date) async throws {
        try await write { db in
            for article in articles { try Self.saveArticle(db, article) }
            for signature in signatures { try Self.saveSignature(db, signature, now: now) }
            try Self.applyStoryAssignments(db, assignments, now: now)
        }
    }

    public func acquirePollLock(wait: Bool) async throws -> any PollLock {
        try await SQLitePollLock.acquire(databasePath: path, wait: wait)
    }
}
