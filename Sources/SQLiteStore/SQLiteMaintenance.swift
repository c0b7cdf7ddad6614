import Foundation
import GRDB
import Storage
import StoreSQL

/// Retention, integrity and migrations.
extension SQLiteStore {
    public func prune(before cutoff: Date) async throws -> PruneResult {
        try await write { db in
            let touched = try db.ids(MaintenanceSQL.storiesTouched(before: cutoff))
            let storiesBefore = try db.first(StorySQL.count)?.count("n") ?? 0
            let entries = try db.first(MaintenanceSQL.countEntries(before: cutoff))?.count("n") ?? 0
            try db.run(MaintenanceSQL.tombstoneEntries(before: cutoff))
            try db.run(MaintenanceSQL.deleteEntries(before: cutoff))
            try db.run(MaintenanceSQL.expireTombstones(before: cutoff))
            try Self.refreshStories(db, touched)
            try db.run(MaintenanceSQL.deleteEmptyStories)
            try db.run(MaintenanceSQL.deleteSitePages(before: cutoff))
            let storiesAfter = try db.first(StorySQL.count)?.count("n") ?? 0
            return PruneResult(entries: entries, stories: storiesBefore - storiesAfter)
        }
    }

    /// SQLite's `PRAGMA integrity_check` and `foreign_key_check`, then the story invariants: `["ok"]` when sound.
    public func integrityCheck() async throws -> [String] {
        try await read { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let orphans = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            problems += orphans.map { "foreign key violation in \($0[0] as String? ?? "?") row \($0[1] as Int64? ?? -1)" }
            if problems.isEmpty { problems = try db.rows(MaintenanceSQL.storyInvariants).map { try $0.text("problem") } }
            return problems.isEmpty ? ["ok"] : problems
        }
    }

    public func appliedMigrations() async throws -> [String] {
        try await read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") }
    }
}
