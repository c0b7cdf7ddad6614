import Foundation
import GRDB
import Storage
import StoreSQL

/// Entries: upsert by (feed, stable id), look up; their articles and signatures.
extension SQLiteStore {
    public func upsertEntries(feedID: Int64, _ drafts: [EntryDraft], now: Date) async throws -> [EntryUpsertOutcome] {
        try await write { db in try Self.upsertEntries(db, feedID: feedID, drafts, now: now) }
    }

    static func upsertEntries(_ db: Database, feedID: Int64, _ drafts: [EntryDraft], now: Date) throws -> [EntryUpsertOutcome] {
        var outcomes: [EntryUpsertOutcome] = []
        var seen = Set<String>()
        let feedURL = try db.first(EntrySQL.feedURL(feedID))?.text("url") ?? ""
        for d in drafts where seen.insert(d.guid).inserted {
            let site = StorySite.of(entryURL: d.url, feedURL: feedURL)
            if let row = try db.first(EntrySQL.find(feedID: feedID, guid: d.guid)) {
                let id = try row.int("id")
                if try row.optionalText("content_hash") == d.contentHash {
                    try db.run(EntrySQL.touch(id: id, now: now))
                    outcomes.append(.unchanged(entryID: id))
                } else {
                    try db.run(EntrySQL.update(id: id, d, site: site, now: now))
                    try db.run(StorySQL.touch(ofEntry: id, now: now))
                    outcomes.append(.updated(entryID: id))
                }
            } else if let tombstone = try db.first(EntrySQL.touchTombstone(feedID: feedID, guid: d.guid, now: now)) {
                // Pruned, and listed again: never new again (its tombstone outlives the feed's listing).
                outcomes.append(.pruned(entryID: try tombstone.int("entry_id")))
            } else {
                outcomes.append(.new(entryID: try db.first(EntrySQL.insert(feedID: feedID, d, site: site, now: now))?.int("id") ?? 0))
            }
        }
        return outcomes
    }

    public func entry(id: Int64) async throws -> StoredEntry? {
        try await read { db in try db.first(EntrySQL.byID(id)).map(RowDecoding.entry) }
    }

    public func entries(ids: [Int64]) async throws -> [StoredEntry] {
        try await read { db in try EntrySQL.byIDs(ids).flatMap { try db.rows($0).map(RowDecoding.entry) } }
    }

    public func entryCount() async throws -> Int {
        try await read { db in try db.first(EntrySQL.count)?.count("n") ?? 0 }
    }

    public func saveArticle(_ article: StoredArticle) async throws {
        try await write { db in try Self.saveArticle(db, article) }
    }

    static func saveArticle(_ db: Database, _ a: StoredArticle) throws {
        try db.run(EntrySQL.saveArticle(a))
        if let copy = EntrySQL.copyCanonicalURL(a) { try db.run(copy) }
        if let grow = EntrySQL.growWords(a) { try db.run(grow) }
    }

    public func article(entryID: Int64) async throws -> StoredArticle? {
        try await read { db in try db.first(EntrySQL.article(entryID: entryID)).map(RowDecoding.article) }
    }

    public func saveSignature(_ signature: StoredSignature, now: Date) async throws {
        try await write { db in
            try db.run(EntrySQL.saveSignature(signature, now: now))
            for statement in CandidateSQL.file(EntrySQL.candidateKeys(of: [signature])) { try db.run(statement) }
        }
    }

    public func signature(entryID: Int64) async throws -> StoredSignature? {
        try await read { db in try db.first(EntrySQL.signature(entryID: entryID)).map(RowDecoding.signature) }
    }
}
