import Foundation

/// Keeping the database bounded and sound: retention, checks, the schema's migrations.
public protocol MaintenanceStore: Sendable {
    /// Deletes entries first seen before `cutoff` (with their articles and signatures), updates the
    /// stories they belonged to and deletes stories left empty.
    ///
    /// Each deleted entry leaves a tombstone (feed, stable id, entry and story ids, first seen), so a
    /// feed that still lists it, changed or not, never brings it back as new: upserts report it as
    /// ``EntryUpsertOutcome/pruned(entryID:)`` and store nothing. A tombstone is kept while the feed
    /// lists the entry and ``TombstonePolicy/keptAfterLastSeen`` longer.
    func prune(before cutoff: Date) async throws -> PruneResult
    /// `["ok"]` when the database is sound, else one line per problem (the engine's own checks and
    /// broken references).
    func integrityCheck() async throws -> [String]
    /// Names of the migrations applied to this database, oldest first.
    func appliedMigrations() async throws -> [String]
    /// How much room the database takes now, and how much of it is free for reuse.
    func storageSize() async throws -> StorageSize
    /// Gives back the room that deleted rows leave (after a prune): SQLite rewrites the file
    /// (`VACUUM`) and truncates its write-ahead log, so the file shrinks; PostgreSQL runs `VACUUM`
    /// on Syndic's tables, which makes the room reusable by new rows without locking out readers or a
    /// poll (the files keep their size: `VACUUM FULL` would shrink them under an exclusive lock).
    func reclaimSpace() async throws
}

/// The room a database takes, for `prune`'s report.
public struct StorageSize: Sendable, Equatable {
    /// Bytes on disk: SQLite's pages (the file's size once its write-ahead log is checkpointed);
    /// PostgreSQL's Syndic tables with their indexes and TOAST (the schema's share of the server database).
    public var bytes: Int64
    /// Bytes of that which hold no data and are reused by new rows (SQLite's free pages); nil when
    /// the engine does not tell (PostgreSQL).
    public var freeBytes: Int64?

    public init(bytes: Int64, freeBytes: Int64?) {
        self.bytes = bytes; self.freeBytes = freeBytes
    }
}

/// How long a pruned entry is remembered, the same for every backend.
public enum TombstonePolicy {
    /// A tombstone goes once its entry has not been listed by its feed for this long before a prune's
    /// cutoff (90 days): longer than feeds keep items listed, so a dropped entry that comes back within
    /// that time is still known.
    public static let keptAfterLastSeen: TimeInterval = 90 * 86_400
}

/// Result of a prune.
public struct PruneResult: Sendable, Equatable {
    public var entries: Int
    public var stories: Int

    public init(entries: Int, stories: Int) {
        self.entries = entries; self.stories = stories
    }
}
