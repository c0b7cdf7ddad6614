import Foundation
import PostgresNIO
import Storage
import StoreSQL

/// Entries: upsert by (feed, stable id), look up; their articles and signatures.
extension PostgresStore {
    public func upsertEntries(feedID: Int64, _ drafts: [EntryDraft], now: Date) async throws -> [EntryUpsertOutcome] {
        try await write { [logger] db in try await Self.upsertEntries(db, feedID: feedID, drafts, now: now, logger: logger) }
    }

    static func upsertEntries(_ db: PostgresConnection, feedID: Int64, _ drafts: [EntryDraft], now: Date,
                              logger: Logger) async throws -> [EntryUpsertOutcome] {
        var outcomes: [EntryUpsertOutcome] = []
        var seen = Set<String>()
        let feedURL = try await db.first(EntrySQL.feedURL(feedID), logger: logger)?.text("url") ?? ""
        for d in drafts where seen.insert(d.guid).inserted {
            let site = StorySite.of(entryURL: d.url, feedURL: feedURL)
            if let row = try await db.first(EntrySQL.find(feedID: feedID, guid: d.guid), logger: logger) {
                let id = try row.int("id")
                if try row.optionalText("content_hash") == d.contentHash {
                    try await db.run(EntrySQL.touch(id: id, now: now), logger: logger)
                    outcomes.append(.unchanged(entryID: id))
                } else {
                    try await db.run(EntrySQL.update(id: id, d, site: site, now: now), logger: logger)
                    try await db.run(StorySQL.touch(ofEntry: id, now: now), logger: logger)
                    outcomes.append(.updated(entryID: id))
                }
            } else if let tombstone = try await db.first(EntrySQL.touchTombstone(feedID: feedID, guid: d.guid, now: now), logger: logger) {
                // Pruned, and listed again: never new again (its tombstone outlives the feed's listing).
                outcomes.append(.pruned(entryID: try tombstone.int("entry_id")))
            } else {
                let inserted = try await db.first(EntrySQL.insert(feedID: feedID, d, site: site, now: now), logger: logger)
                outcomes.append(.new(entryID: try inserted?.int("id") ?? 0))
            }
        }
        return outcomes
    }

    public func entry(id: Int64) async throws -> StoredEntry? {
        try await read { [logger] db in try await db.first(EntrySQL.byID(id), logger: logger).map(RowDecoding.entry) }
    }

    public func entries(ids: [Int64]) async throws -> [StoredEntry] {
        try await read { [logger] db in
            var entries: [StoredEntry] = []
            for statement in EntrySQL.byIDs(ids) { entries += try await db.rows(statement, logger: logger).map(RowDecoding.entry) }
            return entries
        }
    }

    public func entryCount() async throws -> Int {
        try await read { [logger] db in try await db.first(EntrySQL.count, logger: logger)?.count("n") ?? 0 }
    }

    public func saveArticle(_ article: StoredArticle) async throws {
        try await write { [logger] db in try await Self.saveArticle(db, article, logger: logger) }
    }

    static func saveArticle(_ db: PostgresConnection, _ a: StoredArticle, logger: Logger) async throws {
        try await db.run(EntrySQL.saveArticle(a), logger: logger)
        if let copy = EntrySQL.copyCanonicalURL(a) { try await db.run(copy, logger: logger) }
        if let grow = EntrySQL.growWords(a) { try await db.run(grow, logger: logger) }
    }

    public func article(entryID: Int64) async throws -> StoredArticle? {
        try await read { [logger] db in try await db.first(EntrySQL.article(entryID: entryID), logger: logger).map(RowDecoding.article) }
    }

    public func saveSignature(_ signature: StoredSignature, now: Date) async throws {
        try await write { [logger] db in try await db.run(EntrySQL.saveSignature(signature, now: now), logger: logger) }
    }

    public func signature(entryID: Int64) async throws -> StoredSignature? {
        try await read { [logger] db in try await db.first(EntrySQL.signature(entryID: entryID), logger: logger).map(RowDecoding.signature) }
    }
}
