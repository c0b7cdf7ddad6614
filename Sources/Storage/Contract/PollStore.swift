import Foundation

/// The work of a poll: which feeds are due, storing one fetch, unfinished work of an interrupted poll,
/// the clusterer's window, committing placed entries, and the lock that keeps polls exclusive.
public protocol PollStore: Sendable {
    /// Active feeds whose next fetch time has come (all active feeds with `force`), soonest first.
    func dueFeeds(now: Date, force: Bool) async throws -> [Feed]
    /// Stores one fetch of a feed in one transaction: the feed's new fetch state and its entries (the
    /// subscriber's choices — tags, a title set, `--full-text`, a disable — stay as they are in the store). A crash
    /// before the commit leaves the previous state; after it, the entries are safe and the next poll
    /// signs any that were not yet signed (see ``unsignedEntries(limit:)``).
    func commitFeedFetch(feed: Feed, drafts: [EntryDraft], now: Date) async throws -> [EntryUpsertOutcome]
    /// Entries stored but not yet signed (a poll was interrupted after storing them), oldest first.
    func unsignedEntries(limit: Int) async throws -> [StoredEntry]
    /// Signatures of entries first seen at or after `since` that are in a story, oldest first: the
    /// clusterer's window.
    func signatures(since: Date) async throws -> [IndexedSignature]
    /// How many signatures ``signatures(since:)`` would return: whether a placer can afford to load the
    /// whole window, or seeds itself story by story from ``candidateSignatures(keys:entryID:since:)``.
    func windowSignatureCount(since: Date) async throws -> Int
    /// The signatures of every story of the window that holds an entry filed under one of `keys` in the
    /// candidate index (at most ``CandidateIndex/hitLimit`` hits, newest entries first), plus the story
    /// `entryID` is in, oldest first: the stories a new entry with those keys can join, for a placer that
    /// does not hold the whole window. One indexed query.
    func candidateSignatures(keys: [Int64], entryID: Int64, since: Date) async throws -> [IndexedSignature]
    /// Up to `limit` signatures of the window's entries that were signed before the candidate index existed
    /// (not filed under any key yet, though they have shingles), for the placer to file.
    func unfiledSignatures(since: Date, limit: Int) async throws -> [StoredSignature]
    /// Files entries under their candidate keys (replacing what they were filed under), in one transaction.
    func fileCandidateKeys(_ keys: [Int64: [Int64]]) async throws
    /// Signed entries in no story yet, in the order they were stored (see ``SharedPollStore``).
    func unplacedEntries(limit: Int) async throws -> [UnplacedEntry]
    /// How many signed entries are in no story (what ``unplacedEntries(limit:)`` would list).
    func unplacedCount() async throws -> Int
    /// Everything a poll learned about one batch of entries, written in one transaction: articles,
    /// signatures and story assignments.
    func commitProcessed(articles: [StoredArticle], signatures: [StoredSignature],
                         assignments: [StoryAssignment], now: Date) async throws
    /// Takes the poll lock of this database; with `wait`, waits until it is free, else throws
    /// ``StorageError/pollRunning(holder:)`` naming the holder. The lock follows the database, not the
    /// path it was opened by, and a process that dies releases it.
    func acquirePollLock(wait: Bool) async throws -> any PollLock
}

extension PollStore {
    /// ``dueFeeds(now:force:)`` now, without `force`.
    public func dueFeeds(now: Date = Date()) async throws -> [Feed] {
        try await dueFeeds(now: now, force: false)
    }

    /// ``commitFeedFetch(feed:drafts:now:)`` at the current time.
    public func commitFeedFetch(feed: Feed, drafts: [EntryDraft]) async throws -> [EntryUpsertOutcome] {
        try await commitFeedFetch(feed: feed, drafts: drafts, now: Date())
    }

    /// ``unsignedEntries(limit:)`` with a limit of 10,000.
    public func unsignedEntries() async throws -> [StoredEntry] {
        try await unsignedEntries(limit: 10_000)
    }
}

/// Limits of the candidate index (`story_band`).
public enum CandidateIndex {
    /// Entries a candidate query reads at most (newest first): a key shared by more entries than this is
    /// a site's boilerplate, not evidence, and the clusterer itself visits only the newest 64 per key.
    public static let hitLimit = 2_000
}

/// A held poll lock. ``release()`` gives it back; so do dropping the last reference and the process ending.
public protocol PollLock: AnyObject, Sendable {
    /// Who holds the lock, as a second poll would be told (`process 123 on host`).
    var holder: String { get }
    /// Gives the lock back; later calls do nothing.
    func release() async
}
