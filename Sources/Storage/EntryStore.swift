import Foundation
import GRDB

/// Entries: upsert by (feed, stable id), look up, and the texts dedup reads.
extension SyndicDatabase {
    /// Inserts new entries and updates changed ones (by content hash) in one transaction.
    ///
    /// Duplicate stable ids inside one batch are collapsed (the first wins), so a feed that repeats
    /// an id never produces two rows or a constraint error.
    public func upsertEntries(feedID: Int64, _ drafts: [EntryDraft], now: Date = Date()) throws -> [EntryUpsertOutcome] {
        try write { db in try Self.upsertEntries(db, feedID: feedID, drafts, now: now) }
    }

    static func upsertEntries(_ db: Database, feedID: Int64, _ drafts: [EntryDraft], now: Date) throws -> [EntryUpsertOutcome] {
        var outcomes: [EntryUpsertOutcome] = []
        var seen = Set<String>()
        let t = now.timeIntervalSince1970
        let select = try db.cachedStatement(sql: "SELECT id, content_hash FROM entry WHERE feed_id = ? AND guid = ?")
        let insert = try db.cachedStatement(sql: """
            INSERT INTO entry (feed_id, guid, url, title, author, published_at, updated_at, summary_html, content_html,
                               content_hash, first_seen_at, last_seen_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let update = try db.cachedStatement(sql: """
            UPDATE entry SET url = ?, title = ?, author = ?, published_at = ?, updated_at = ?, summary_html = ?,
                             content_html = ?, content_hash = ?, last_seen_at = ? WHERE id = ?
            """)
        let touch = try db.cachedStatement(sql: "UPDATE entry SET last_seen_at = ? WHERE id = ?")
        for d in drafts where seen.insert(d.guid).inserted {
            if let row = try Row.fetchOne(select, arguments: [feedID, d.guid]) {
                let id: Int64 = row["id"]
                if (row["content_hash"] as String?) == d.contentHash {
                    try touch.execute(arguments: [t, id])
                    outcomes.append(.unchanged(entryID: id))
                } else {
                    try update.execute(arguments: [d.url, d.title, d.author, d.publishedAt?.timeIntervalSince1970,
                                                   d.updatedAt?.timeIntervalSince1970, d.summaryHTML, d.contentHTML,
                                                   d.contentHash, t, id])
                    outcomes.append(.updated(entryID: id))
                }
            } else {
                try insert.execute(arguments: [feedID, d.guid, d.url, d.title, d.author, d.publishedAt?.timeIntervalSince1970,
                                               d.updatedAt?.timeIntervalSince1970, d.summaryHTML, d.contentHTML,
                                               d.contentHash, t, t])
                outcomes.append(.new(entryID: db.lastInsertedRowID))
            }
        }
        return outcomes
    }

    /// The entry with this id, or nil.
    public func entry(id: Int64) throws -> StoredEntry? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM entry WHERE id = ?", arguments: [id]).map(StoredEntry.init(row:)) }
    }

    /// Entries by id (in no particular order); missing ids are skipped.
    public func entries(ids: [Int64]) throws -> [StoredEntry] {
        guard !ids.isEmpty else { return [] }
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM entry WHERE id IN (\(ids.map { _ in "?" }.joined(separator: ",")))",
                             arguments: StatementArguments(ids)).map(StoredEntry.init(row:))
        }
    }

    /// Number of entries stored, in all feeds.
    public func entryCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entry") ?? 0 }
    }
}
