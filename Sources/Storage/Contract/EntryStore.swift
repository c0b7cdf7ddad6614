import Foundation

/// Entries of feeds, and what was learned about each: its extracted article and its signature.
public protocol EntryStore: Sendable {
    /// Inserts new entries and updates changed ones (by content hash) in one transaction.
    ///
    /// Duplicate stable ids inside one batch are collapsed (the first wins), so a feed that repeats an
    /// id never produces two rows or a constraint error. Outcomes follow the deduplicated drafts.
    func upsertEntries(feedID: Int64, _ drafts: [EntryDraft], now: Date) async throws -> [EntryUpsertOutcome]
    /// The entry with this id, or nil.
    func entry(id: Int64) async throws -> StoredEntry?
    /// Entries by id (in no particular order); missing ids are skipped.
    func entries(ids: [Int64]) async throws -> [StoredEntry]
    /// Number of entries stored, in all feeds.
    func entryCount() async throws -> Int
    /// Saves (or replaces) the article row of an entry; a canonical URL is copied to the entry.
    func saveArticle(_ article: StoredArticle) async throws
    /// The article row of an entry, or nil.
    func article(entryID: Int64) async throws -> StoredArticle?
    /// Saves (or replaces) an entry's signature.
    func saveSignature(_ signature: StoredSignature, now: Date) async throws
    /// The signature of one entry, or nil.
    func signature(entryID: Int64) async throws -> StoredSignature?
}

extension EntryStore {
    /// ``upsertEntries(feedID:_:now:)`` at the current time.
    public func upsertEntries(feedID: Int64, _ drafts: [EntryDraft]) async throws -> [EntryUpsertOutcome] {
        try await upsertEntries(feedID: feedID, drafts, now: Date())
    }

    /// ``saveSignature(_:now:)`` at the current time.
    public func saveSignature(_ signature: StoredSignature) async throws {
        try await saveSignature(signature, now: Date())
    }
}
