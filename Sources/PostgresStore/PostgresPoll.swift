import Foundation
import PostgresNIO
import Storage
import StoreSQL

/// The queries a poll runs: which feeds are due, one fetch's commit, unfinished work, the window's signatures.
extension PostgresStore {
    public func dueFeeds(now: Date, force: Bool) async throws -> [Feed] {
        try await read { [logger] db in
            try await db.rows(force ? FeedSQL.active : FeedSQL.due(now: now), logger: logger).map(RowDecoding.feed)
        }
    }

    public func commitFeedFetch(feed: Feed, drafts: [EntryDraft], now: Date) async throws -> [EntryUpsertOutcome] {
        try await write { [logger] db in
            try await db.run(FeedSQL.updateFetchState(feed), logger: logger)
            return try await Self.upsertEntries(db, feedID: feed.id, drafts, now: now, logger: logger)
        }
    }

    public func unsignedEntries(limit: Int) async throws -> [StoredEntry] {
        try await read { [logger] db in try await db.rows(EntrySQL.unsigned(limit: limit), logger: logger).map(RowDecoding.entry) }
    }

    public func signatures(since: Date) async throws -> [IndexedSignature] {
        try await read { [logger] db in
            try await db.rows(EntrySQL.signatures(since: since), logger: logger).map(RowDecoding.indexedSignature)
        }
    }

    public func unplacedEntries(limit: Int) async throws -> [UnplacedEntry] {
        try await read { [logger] db in try await db.rows(EntrySQL.unplaced(limit: limit), logger: logger).map(RowDecoding.unplacedEntry) }
    }

    public func unplacedCount() async throws -> Int {
        try await read { [logger] db in try await db.first(EntrySQL.unplacedCount, logger: logger)?.count("n") ?? 0 }
    }

    public func commitProcessed(articles: [StoredArticle], signatures: [StoredSignature],
                                assignments: [StoryAssignment], now: Date) async throws {
        try await write { [logger] db in
            for article in articles { try await Self.saveArticle(db, article, logger: logger) }
            for statement in EntrySQL.saveSignatures(signatures, now: now) { try await db.run(statement, logger: logger) }
            for statement in CandidateSQL.file(EntrySQL.candidateKeys(of: signatures)) { try await db.run(statement, logger: logger) }
            try await Self.applyStoryAssignments(db, assignments, now: now, logger: logger)
        }
    }

    public func windowSignatureCount(since: Date) async throws -> Int {
        try await read { [logger] db in try await db.first(CandidateSQL.windowCount(since: since), logger: logger)?.count("n") ?? 0 }
    }

    public func candidateSignatures(keys: [Int64], entryID: Int64, since: Date) async throws -> [IndexedSignature] {
        try await read { [logger] db in
            try await db.rows(CandidateSQL.candidates(keys: keys, entryID: entryID, since: since), logger: logger)
                .map(RowDecoding.indexedSignature)
        }
    }

    public func unfiledSignatures(since: Date, limit: Int) async throws -> [StoredSignature] {
        try await read { [logger] db in
            try await db.rows(CandidateSQL.unfiled(since: since, limit: limit), logger: logger).map(RowDecoding.signature)
        }
    }

    public func fileCandidateKeys(_ keys: [Int64: [Int64]]) async throws {
        guard !keys.isEmpty else { return }
        try await write { [logger] db in
            for statement in CandidateSQL.file(keys) { try await db.run(statement, logger: logger) }
        }
    }

    public func acquirePollLock(wait: Bool) async throws -> any PollLock {
        guard access == .readWrite else { throw StorageError.readOnly(path: server.description) }
        return try await PostgresErrors.mapping(server) {
            try await PostgresPollLock.acquire(client: client, wait: wait, logger: logger)
        }
    }
}
