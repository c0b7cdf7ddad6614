import Foundation

/// Keeping the database bounded and sound: retention, checks, the schema's migrations.
public protocol MaintenanceStore: Sendable {
    /// Deletes entries first seen before `cutoff` (with their articles and signatures), updates the
    /// stories they belonged to and deletes stories left empty.
    func prune(before cutoff: Date) async throws -> PruneResult
    /// `["ok"]` when the database is sound, else one line per problem (the engine's own checks and
    /// broken references).
    func integrityCheck() async throws -> [String]
    /// Names of the migrations applied to this database, oldest first.
    func appliedMigrations() async throws -> [String]
}

/// Result of a prune.
public struct PruneResult: Sendable, Equatable {
    public var entries: Int
    public var stories: Int

    public init(entries: Int, stories: Int) {
        self.entries = entries; self.stories = stories
    }
}
