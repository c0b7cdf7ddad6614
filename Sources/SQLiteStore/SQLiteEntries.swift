import Foundation
import GRDB
import Storage

/// Entries: upsert by (feed, stable id), look up; their articles and signatures.
extension SQLiteStore {
    public func upsertEntries(feedID: Int64, _ drafts: [EntryDraft], now: Date) async throws -> [EntryUpsertOutcome] {
        try await write { db in try Self.upsertEntries(db, feedID: feedID, drafts, now: now) }
    }

    static func upsertEntries(_ db: Database, feedID: Int64, _ drafts: [EntryDraft], now: Date) throws -> [EntryUpsertOutcome] {
        var outcomes: [EntryUpsertOutcome] = []
        var seen = Set<String>()
        let t = now.timeIntervalSince1970
        let feedURL = try String.fetchOne(db, sql: "SELECT url FROM feed WHERE id = ?", arguments: [feedID]) ?? ""
        let select = try db.cachedStatement(sql: "SELECT id, content_hash FROM entry WHERE feed_id = ? AND guid = ?")
        let insert = try db.cachedStatement(sql: """
            INSERT INTO entry (feed_id, guid, url, site, title, author, published_at, updated_at, summary_html, content_html,
                               content_hash, first_seen_at, last_seen_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let update = try db.cachedStatement(sql: """
            UPDATE entry SET url = ?, site = ?, title = ?, author = ?, published_at = ?, updated_at = ?, summary_html = ?,
                             content_html = ?, content_hash = ?, last_seen_at = ? WHERE id = ?
            """)
        let touch = try db.cachedStatement(sql: "UPDATE entry SET last_seen_at = ? WHERE id = ?")
        for d in drafts where seen.insert(d.guid).inserted {
            let site = StorySite.of(entryURL: d.url, feedURL: feedURL)
            if let row = try Row.fetchOne(select, arguments: [feedID, d.guid]) {
                let id: Int64 = row["id"]
                if (row["content_hash"] as String?) == d.contentHash {
                    try touch.execute(arguments: [t, id])
                    outcomes.append(.unchanged(entryID: id))
                } else {
                    try update.execute(arguments: [d.url, site, d.title, d.author, d.publishedAt?.timeIntervalSince1970,
                                                   d.updatedAt?.timeIntervalSince1970, d.summaryHTML, d.contentHTML,
                                                   d.contentHash, t, id])
                    outcomes.append(.updated(entryID: id))
                }
            } else {
                try insert.execute(arguments: [feedID, d.guid, d.url, site, d.title, d.author, d.publishedAt?.timeIntervalSince1970,
                                               d.updatedAt?.timeIntervalSince1970, d.summaryHTML, d.contentHTML,
                                               d.contentHash, t, t])
                outcomes.append(.new(entryID: db.lastInsertedRowID))
            }
        }
        return outcomes
    }

    public func entry(id: Int64) async throws -> StoredEntry? {
        try await read { db in try Row.fetchOne(db, sql: "SELECT * FROM entry WHERE id = ?", arguments: [id]).map(SQLiteRows.entry) }
    }

    public func entries(ids: [Int64]) async throws -> [StoredEntry] {
        guard !ids.isEmpty else { return [] }
        return try await read { db in
            var entries: [StoredEntry] = []
            for chunk in stride(from: 0, to: ids.count, by: 500) {
                let part = Array(ids[chunk..<min(chunk + 500, ids.count)])
                entries += try Row.fetchAll(db, sql: "SELECT * FROM entry WHERE id IN (\(part.map { _ in "?" }.joined(separator: ",")))",
                                            arguments: StatementArguments(part)).map(SQLiteRows.entry)
            }
            return entries
        }
    }

    public func entryCount() async throws -> Int {
        try await read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entry") ?? 0 }
    }

    public func saveArticle(_ article: StoredArticle) async throws {
        try await write { db in try Self.saveArticle(db, article) }
    }

    static func saveArticle(_ db: Database, _ a: StoredArticle) throws {
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO article (entry_id, final_url, canonical_url, title, byline, published_at, language, text,
                                            status, error, fetched_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [a.entryID, a.finalURL, a.canonicalURL, a.title, a.byline, a.publishedAt?.timeIntervalSince1970,
                                     a.language, a.text, a.status.rawValue, a.error, a.fetchedAt.timeIntervalSince1970])
        if let canonical = a.canonicalURL {
            try db.cachedStatement(sql: "UPDATE entry SET canonical_url = ? WHERE id = ?").execute(arguments: [canonical, a.entryID])
        }
    }

    public func article(entryID: Int64) async throws -> StoredArticle? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM article WHERE entry_id = ?", arguments: [entryID]).map(SQLiteRows.article)
        }
    }

    public func saveSignature(_ signature: StoredSignature, now: Date) async throws {
        try await write { db in try Self.saveSignature(db, signature, now: now) }
    }

    static func saveSignature(_ db: Database, _ s: StoredSignature, now: Date) throws {
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO signature (entry_id, minhash, shingle_count, source, full_text, created_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [s.entryID, Data(s.minhash), s.shingleCount, s.source.rawValue,
                                     s.fullText, now.timeIntervalSince1970])
    }

    public func signature(entryID: Int64) async throws -> StoredSignature? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM signature WHERE entry_id = ?", arguments: [entryID]).map(SQLiteRows.signature)
        }
    }
}
