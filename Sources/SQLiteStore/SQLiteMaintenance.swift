import Foundation
import GRDB
import Storage

/// Retention, integrity and migrations.
extension SQLiteStore {
    public func prune(before cutoff: Date) async throws -> PruneResult {
        try await write { db in
            let t = cutoff.timeIntervalSince1970
            let touched = try Int64.fetchAll(db, sql: "SELECT DISTINCT story_id FROM entry WHERE first_seen_at < ? AND story_id IS NOT NULL",
                                             arguments: [t])
            let storiesBefore = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM story") ?? 0
            try db.execute(sql: "DELETE FROM entry WHERE first_seen_at < ?", arguments: [t])
            let entries = db.changesCount
            try SQLiteStoryMaintenance.refresh(db, storyIDs: touched)
            try db.execute(sql: "DELETE FROM story WHERE size = 0 OR id NOT IN (SELECT DISTINCT story_id FROM entry WHERE story_id IS NOT NULL)")
            try db.execute(sql: "DELETE FROM site_page WHERE seen_at < ?", arguments: [t])
            let storiesAfter = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM story") ?? 0
            return PruneResult(entries: entries, stories: storiesBefore - storiesAfter)
        }
    }

    /// SQLite's `PRAGMA integrity_check` plus `foreign_key_check`: `["ok"]` when sound.
    public func integrityCheck() async throws -> [String] {
        try await read { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let orphans = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            problems += orphans.map { "foreign key violation in \($0[0] as String? ?? "?") row \($0[1] as Int64? ?? -1)" }
            return problems.isEmpty ? ["ok"] : problems
        }
    }

    public func appliedMigrations() async throws -> [String] {
        try await read { db in try SQLiteSchema.migrator.appliedMigrations(db) }
    }
}
