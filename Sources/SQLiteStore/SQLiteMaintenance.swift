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

    /// The database's pages (what the file holds once its write-ahead log is checkpointed; the log
    /// itself, which a large delete fills for a while, is left out) and its free pages.
    public func storageSize() async throws -> StorageSize {
        try await read { db in
            let pageSize = try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 0
            let pages = try Int64.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            let free = try Int64.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0
            return StorageSize(bytes: pages * pageSize, freeBytes: free * pageSize)
        }
    }

    /// `VACUUM` (outside a transaction, as SQLite requires), then a checkpoint that truncates the
    /// write-ahead log, so the file and its log end at the size of the data.
    public func reclaimSpace() async throws {
        guard access == .readWrite else { throw StorageError.readOnly(path: path) }
        do {
            try await pool.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM")
                try db.checkpoint(.truncate)
            }
        } catch {
            throw StorageError.wrap(error, path: path)
        }
    }
}
