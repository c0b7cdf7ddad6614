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
            for statement in CandidateSQL.file(EntrySQL.candidateKeys(of: signatures)) { try db.run(statement) }
            try Self.applyStoryAssignments(db, assignments, now: now)
        }
    }

    public func windowSignatureCount(since: Date) async throws -> Int {
        try await read { db in try db.first(CandidateSQL.windowCount(since: since))?.count("n") ?? 0 }
    }

    public func candidateSignatures(keys: [Int64], entryID: Int64, since: Date) async throws -> [IndexedSignature] {
        try await read { db in
            try db.rows(CandidateSQL.candidates(keys: keys, entryID: entryID, since: since)).map(RowDecoding.indexedSignature)
        }
    }

    public func unfiledSignatures(since: Date, limit: Int) async throws -> [StoredSignature] {
        try await read { db in try db.rows(CandidateSQL.unfiled(since: since, limit: limit)).map(RowDecoding.signature) }
    }

    public func fileCandidateKeys(_ keys: [Int64: [Int64]]) async throws {
        guard !keys.isEmpty else { return }
        try await write { db in for statement in CandidateSQL.file(keys) { try db.run(statement) } }
    }

    public func acquirePollLock(wait: Bool) async throws -> any PollLock {
        try await SQLitePollLock.acquire(databasePath: path, wait: wait)
    }
}
