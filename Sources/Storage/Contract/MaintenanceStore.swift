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
