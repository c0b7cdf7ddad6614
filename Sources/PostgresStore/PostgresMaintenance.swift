import Foundation
import PostgresNIO
import Storage
import StoreSQL

/// Retention, integrity and migrations.
extension PostgresStore {
    public func prune(before cutoff: Date) async throws -> PruneResult {
        try await write { [logger] db in
            let touched = try await db.ids(MaintenanceSQL.storiesTouched(before: cutoff), logger: logger)
            let storiesBefore = try await db.first(StorySQL.count, logger: logger)?.count("n") ?? 0
            let entries = try await db.first(MaintenanceSQL.countEntries(before: cutoff), logger: logger)?.count("n") ?? 0
            try await db.run(MaintenanceSQL.tombstoneEntries(before: cutoff), logger: logger)
            try await db.run(MaintenanceSQL.deleteEntries(before: cutoff), logger: logger)
            try await db.run(MaintenanceSQL.expireTombstones(before: cutoff), logger: logger)
            try await Self.refreshStories(db, touched, logger: logger)
            try await db.run(MaintenanceSQL.deleteEmptyStories, logger: logger)
            try await db.run(MaintenanceSQL.deleteSitePages(before: cutoff), logger: logger)
            let storiesAfter = try await db.first(StorySQL.count, logger: logger)?.count("n") ?? 0
            return PruneResult(entries: entries, stories: storiesBefore - storiesAfter)
        }
    }

    /// The server enforces keys and checks its own pages; this reports broken Syndic invariants
    /// (stories whose stored size, sources or representative disagree with their entries).
    public func integrityCheck() async throws -> [String] {
        try await read { [logger] db in
            let problems = try await db.rows(MaintenanceSQL.storyInvariants, logger: logger).map { try $0.text("problem") }
            return problems.isEmpty ? ["ok"] : problems
        }
    }

    public func appliedMigrations() async throws -> [String] {
        try await read { [logger] db in
            try await db.rows(SQLStatement("SELECT identifier FROM syndic_migrations ORDER BY seq"), logger: logger).map { try $0.text("identifier") }
        }
    }

    public func storageSize() async throws -> StorageSize {
        try await read { [logger] db in
            let bytes = try await db.first(Self.tableBytes, logger: logger)?.int("n") ?? 0
            return StorageSize(bytes: bytes, freeBytes: nil)
        }
    }

    /// `VACUUM` of each Syndic table, each its own statement outside a transaction (as PostgreSQL requires).
    public func reclaimSpace() async throws {
        guard access == .readWrite else { throw StorageError.readOnly(path: server.description) }
        let tables = try await read { [logger] db in
            try await db.rows(Self.tables, logger: logger).map { try $0.text("name") }
        }
        try await read { [logger] db in
            for table in tables { try await db.run(SQLStatement("VACUUM (ANALYZE) \(table)", reusable: false), logger: logger) }
        }
    }

    /// Syndic's tables in the current schema, quoted for use in a statement.
    private static let tables = SQLStatement("""
        SELECT quote_ident(c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind = 'r' ORDER BY c.relname
        """)

    /// The bytes of those tables with their indexes and TOAST.
    private static let tableBytes = SQLStatement("""
        SELECT CAST(COALESCE(SUM(pg_total_relation_size(c.oid)), 0) AS bigint) AS n FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'
        """)
}
