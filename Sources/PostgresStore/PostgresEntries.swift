import Foundation
import PostgresNIO
import Storage
import StoreSQL

/// Entries: upsert by (feed, stable id), look up; their articles and signatures.
extension PostgresStore {
    public func upsertEntries(feedID: Int64, _ drafts: [EntryDraft], now: Date) async throws -> [EntryUpsertOutcome] {
        try await write { [logger] db in try await Self.upsertEntries(db, feedID: feedID, drafts, now: now, logger: logger) }
    }

    /// Stores a feed's drafts: unchanged ones touched, changed ones updated (their story touched),
    /// pruned ones left as tombstones, new ones inserted; one outcome per distinct stable id, in order.
    /// Lookups, touches and tombstones are one statement per 500 stable ids, not one per entry (each
    /// statement is a round trip to the server). `feedURL` saves reading it when the caller has it.
    static func upsertEntries(_ db: PostgresConnection, feedID: Int64, _ drafts: [EntryDraft], now: Date,
                              feedURL knownURL: String? = nil, logger: Logger) async throws -> [EntryUpsertOutcome] {
        var seen = Set<String>()
        let unique = drafts.filter { seen.insert($0.guid).inserted }
        guard !unique.isEmpty else { return [] }
        var feedURL = knownURL ?? ""
        if knownURL == nil { feedURL = try await db.first(EntrySQL.feedURL(feedID), logger: logger)?.text("url") ?? "" }
        let guids = unique.map(\.guid)
        var stored: [String: (id: Int64, hash: String?)] = [:]
        var pruned: [String: Int64] = [:]
        for chunk in SQLStatement.chunks(guids, size: 250) {
            for row in try await db.rows(EntrySQL.findOrTouchTombstones(feedID: feedID, guids: chunk, now: now), logger: logger) {
                if try row.text("kind") == "entry" {
                    stored[try row.text("guid")] = (try row.int("id"), try row.optionalText("content_hash"))
                } else {
                    pruned[try row.text("guid")] = try row.int("id")
                }
            }
        }
        var outcomes: [EntryUpsertOutcome] = []
        var unchanged: [Int64] = []
        var fresh: [(index: Int, draft: EntryDraft, site: String)] = []
        for d in unique {
            let site = StorySite.of(entryURL: d.url, feedURL: feedURL)
            if let entry = stored[d.guid] {
                if entry.hash == d.contentHash {
                    unchanged.append(entry.id)
                    outcomes.append(.unchanged(entryID: entry.id))
                } else {
                    try await db.run(EntrySQL.update(id: entry.id, d, site: site, now: now), logger: logger)
                    try await db.run(StorySQL.touch(ofEntry: entry.id, now: now), logger: logger)
                    outcomes.append(.updated(entryID: entry.id))
                }
            } else if let entryID = pruned[d.guid] {
                // Pruned, and listed again: never new again (its tombstone outlives the feed's listing).
                outcomes.append(.pruned(entryID: entryID))
            } else {
                fresh.append((outcomes.count, d, site))
                outcomes.append(.new(entryID: 0))  // its id comes from the batched insert below
            }
        }
        for chunk in SQLStatement.chunks(fresh, size: 100) {
            var ids: [String: Int64] = [:]
            for row in try await db.rows(EntrySQL.insertAll(feedID: feedID, chunk.map { ($0.draft, $0.site) }, now: now), logger: logger) {
                ids[try row.text("guid")] = try row.int("id")
            }
            for item in chunk {
                guard let id = ids[item.draft.guid.storable] else {  // as stored (U+0000 dropped)
                    throw StorageError.constraintViolation(reason: "entry \(item.draft.guid.prefix(80)) of feed \(feedID) was inserted but not returned")
                }
                outcomes[item.index] = .new(entryID: id)
            }
        }
        for chunk in SQLStatement.chunks(unchanged) { try await db.run(EntrySQL.touch(ids: chunk, now: now), logger: logger) }
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
        try await write { [logger] db in
            try await db.run(EntrySQL.saveSignature(signature, now: now), logger: logger)
            for statement in CandidateSQL.file(EntrySQL.candidateKeys(of: [signature])) { try await db.run(statement, logger: logger) }
        }
    }

    public func signature(entryID: Int64) async throws -> StoredSignature? {
        try await read { [logger] db in try await db.first(EntrySQL.signature(entryID: entryID), logger: logger).map(RowDecoding.signature) }
    }
}
