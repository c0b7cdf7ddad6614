import Foundation
import GRDB

/// The queries a poll runs: which feeds are due, unfinished work from an interrupted poll, retention.
extension SyndicDatabase {
    /// Active feeds whose next fetch time has come (all active feeds with `force`), soonest first.
    public func dueFeeds(now: Date = Date(), force: Bool = false) throws -> [Feed] {
        try read { db in
            if force {
                return try Feed.filter(sql: "disabled_reason IS NULL").order(Column("id")).fetchAll(db)
            }
            return try Feed.filter(sql: "disabled_reason IS NULL AND (next_fetch_at IS NULL OR next_fetch_at <= ?)",
                                   arguments: [now.timeIntervalSince1970])
                .order(sql: "next_fetch_at, id").fetchAll(db)
        }
    }

    /// Entries stored but not yet signed (a poll was interrupted after storing them), oldest first.
    public func unsignedEntries(limit: Int = 10_000) throws -> [StoredEntry] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.* FROM entry e LEFT JOIN signature s ON s.entry_id = e.id
                WHERE s.entry_id IS NULL ORDER BY e.id LIMIT ?
                """, arguments: [limit]).map(StoredEntry.init(row:))
        }
    }

    /// Everything a poll learned about one batch of entries, written in one transaction: articles,
    /// signatures and story assignments. (Template blocks are recorded as each page is extracted,
    /// with ``recordPageBlocks(host:pageHash:blocks:now:)``, so later pages of the host use them.)
    public func commitProcessed(articles: [StoredArticle], signatures: [StoredSignature],
                                assignments: [StoryAssignment], now: Date = Date()) throws {
        try write { db in
            for article in articles { try Self.saveArticle(db, article) }
            for signature in signatures { try Self.saveSignature(db, signature, now: now) }
            try Self.applyStoryAssignments(db, assignments, now: now)
        }
    }

    /// Result of a prune.
    public struct PruneResult: Sendable, Equatable {
        public var entries: Int
        public var stories: Int
    }

    /// Deletes entries first seen before `cutoff` (with their articles and signatures), updates the
    /// stories they belonged to and deletes stories left empty.
    public func prune(before cutoff: Date) throws -> PruneResult {
        try write { db in
            let t = cutoff.timeIntervalSince1970
            let touched = try Int64.fetchAll(db, sql: "SELECT DISTINCT story_id FROM entry WHERE first_seen_at < ? AND story_id IS NOT NULL", arguments: [t])
            let storiesBefore = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM story") ?? 0
            try db.execute(sql: "DELETE FROM entry WHERE first_seen_at < ?", arguments: [t])
            let entries = db.changesCount
            try StoryMaintenance.refresh(db, storyIDs: touched)
            try db.execute(sql: "DELETE FROM story WHERE size = 0 OR id NOT IN (SELECT DISTINCT story_id FROM entry WHERE story_id IS NOT NULL)")
            try db.execute(sql: "DELETE FROM site_page WHERE seen_at < ?", arguments: [t])
            let storiesAfter = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM story") ?? 0
            return PruneResult(entries: entries, stories: storiesBefore - storiesAfter)
        }
    }
}

extension SyndicDatabase {
    /// Stores one fetch of a feed in one transaction: the feed's new state and its entries.
    /// A crash before the commit leaves the previous state; after it, the entries are safe and the
    /// next poll signs any that were not yet signed (see ``unsignedEntries(limit:)``).
    public func commitFeedFetch(feed: Feed, drafts: [EntryDraft], now: Date = Date()) throws -> [EntryUpsertOutcome] {
        try write { db in
            try feed.update(db)
            return try Self.upsertEntries(db, feedID: feed.id, drafts, now: now)
        }
    }
}
