import Foundation

/// What several pollers sharing one database need beyond ``PollStore`` (the PostgreSQL backend).
///
/// Instead of one poll lock for the whole database, each poller **leases** batches of due feeds
/// (``claimFeeds(_:)``), renews the leases while it works, and commits each feed fenced by its lease
/// token (``commitFeedFetch(feed:drafts:lease:now:)``). A host's feeds are leased to one poller at a
/// time, so the per-host connection limit and backoff hold for the whole installation. Placing entries
/// in stories stays single: one process at a time holds the **placer lock**; pollers that do not hold it
/// store their entries signed but unplaced and wake the placer (``notifyUnplaced()``).
public protocol SharedPollStore: PollStore {
    /// Claims up to `claim.limit` due feeds (soonest first) whose hosts no other live lease holds, in one
    /// transaction; expired leases are taken over.
    func claimFeeds(_ claim: LeaseClaim) async throws -> [LeasedFeed]
    /// Extends every lease `owner` still holds to `until`; returns how many it holds.
    func renewLeases(owner: String, until: Date, now: Date) async throws -> Int
    /// Gives back every lease `owner` holds (the feeds become claimable at once).
    func releaseLeases(owner: String) async throws
    /// ``PollStore/commitFeedFetch(feed:drafts:now:)`` under `lease`, which it ends; throws
    /// ``StorageError/leaseLost(feedID:)`` and changes nothing when the lease is no longer held.
    func commitFeedFetch(feed: Feed, drafts: [EntryDraft], lease: FeedLease, now: Date) async throws -> [EntryUpsertOutcome]
    /// Takes the placer lock (a session lock, freed when its process dies); with `wait`, waits for it,
    /// else returns nil when another process holds it.
    func acquirePlacerLock(wait: Bool) async throws -> (any PollLock)?
    /// Tells the placers listening (``listenForUnplaced()``) that unplaced entries were committed.
    func notifyUnplaced() async throws
    /// Starts listening for ``notifyUnplaced()`` from any process, until the signal is closed.
    func listenForUnplaced() async throws -> WakeSignal
}
