import Foundation
import GRDB
import Storage

/// The SQLite schema as named, append-only migrations, recorded by GRDB in `grdb_migrations`.
///
/// Never edit a migration that has shipped: add a new one. A database that has applied a
/// migration this list does not know was written by a newer Syndic and is refused.
enum SQLiteSchema {
    /// What an existing file holds, read before anything is written to it.
    enum State: Equatable {
        /// No tables at all: a new (or zero-length) file.
        case empty
        /// A Syndic database with these migrations applied.
        case syndic(applied: [String])
        /// Tables that are not Syndic's.
        case foreign(tables: [String])
    }

    /// The first migration every Syndic database has applied.
    static let firstMigration = "v1-initial"

    static func inspect(_ db: Database) throws -> State {
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        if tables.isEmpty { return .empty }
        if tables.contains("grdb_migrations") {
            let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
            if applied.contains(firstMigration) { return .syndic(applied: applied) }
        }
        return .foreign(tables: tables)
    }

    /// Refuses foreign and newer databases; with `requireCurrent` (reading), also one that needs migrating.
    static func check(_ state: State, path: String, requireCurrent: Bool) throws {
        let known = migrator.migrations
        switch state {
        case .foreign(let tables):
            throw StorageError.foreignDatabase(path: path, tables: tables)
        case .empty:
            if requireCurrent { throw StorageError.needsMigration(path: path, pending: known) }
        case .syndic(let applied):
            let unknown = applied.filter { !known.contains($0) }
            if !unknown.isEmpty { throw StorageError.newerDatabase(path: path, unknownMigrations: unknown) }
            let pending = known.filter { !applied.contains($0) }
            if requireCurrent, !pending.isEmpty { throw StorageError.needsMigration(path: path, pending: pending) }
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-initial", migrate: createInitialTables)
        migrator.registerMigration("v2-signature-full-text") { db in
            // Whether the signed text is the full story (an extracted page, or feed text long enough),
            // so the representative of a story is the earliest copy with full text.
            try db.alter(table: "signature") { t in t.add(column: "full_text", .boolean).notNull().defaults(to: false) }
        }
        migrator.registerMigration("v3-drop-signature-shingles") { db in
            // Never written: the serialized signature in `minhash` already carries the shingle set.
            try db.alter(table: "signature") { t in t.drop(column: "shingles") }
        }
        migrator.registerMigration("v4-story-source-count", migrate: addStorySourceCount)
        return migrator
    }

    /// Each entry's site and each story's count of distinct sites, stored, so that listings filter,
    /// order and limit by source count in SQL (they sorted the whole window in Swift before).
    private static func addStorySourceCount(_ db: Database) throws {
        try db.alter(table: "entry") { t in t.add(column: "site", .text).notNull().defaults(to: "") }
        try db.alter(table: "story") { t in t.add(column: "source_count", .integer).notNull().defaults(to: 0) }
        let rows = try Row.fetchAll(db, sql: "SELECT e.id, e.url, f.url AS feed_url FROM entry e JOIN feed f ON f.id = e.feed_id")
        let update = try db.makeStatement(sql: "UPDATE entry SET site = ? WHERE id = ?")
        for row in rows {
            let id: Int64 = row["id"]
            try update.execute(arguments: [StorySite.of(entryURL: row["url"], feedURL: row["feed_url"]), id])
        }
        try db.execute(sql: """
            UPDATE story SET source_count = (SELECT COUNT(DISTINCT e.site) FROM entry e WHERE e.story_id = story.id)
            """)
        // Listing order (most sources, latest activity, id) and the activity filter both have an index.
        try db.execute(sql: "CREATE INDEX story_rank ON story (source_count DESC, last_seen_at DESC, id)")
        try db.execute(sql: "CREATE INDEX story_last_seen ON story (last_seen_at)")
    }

    private static func createInitialTables(_ db: Database) throws {
        // A subscription, and its polling state as data (the scheduler is a query over it).
        try db.create(table: "feed") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("url", .text).notNull().unique()
            t.column("title", .text)
            t.column("site_url", .text)
            t.column("tags", .text).notNull().defaults(to: "")          // tab-separated
            t.column("added_at", .double).notNull()
            t.column("last_fetched_at", .double)
            t.column("last_success_at", .double)
            t.column("last_status", .integer)
            t.column("last_error", .text)
            t.column("consecutive_failures", .integer).notNull().defaults(to: 0)
            t.column("failing_since", .double)
            t.column("next_fetch_at", .double)
            t.column("interval_seconds", .double)
            t.column("etag", .text)
            t.column("last_modified", .text)
            t.column("body_hash", .text)
            t.column("disabled_reason", .text)
        }
        try db.create(index: "feed_next_fetch", on: "feed", columns: ["next_fetch_at"])

        // A cluster of entries that tell the same story.
        try db.create(table: "story") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("representative_entry_id", .integer)               // set after the entry exists
            t.column("headline", .text)
            t.column("first_seen_at", .double).notNull()
            t.column("last_seen_at", .double).notNull()
            t.column("size", .integer).notNull().defaults(to: 0)
            t.column("updated_at", .double).notNull()
        }

        // An item of a feed, unique per (feed, stable id).
        try db.create(table: "entry") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("feed_id", .integer).notNull().references("feed", onDelete: .cascade)
            t.column("guid", .text).notNull()
            t.column("url", .text)
            t.column("canonical_url", .text)
            t.column("title", .text)
            t.column("author", .text)
            t.column("published_at", .double)
            t.column("updated_at", .double)
            t.column("summary_html", .text)
            t.column("content_html", .text)
            t.column("content_hash", .text)
            t.column("first_seen_at", .double).notNull()
            t.column("last_seen_at", .double).notNull()
            t.column("story_id", .integer).references("story", onDelete: .setNull).indexed()
            t.column("similarity", .double)                                // to the story's representative
            t.uniqueKey(["feed_id", "guid"])
        }
        try db.create(index: "entry_first_seen", on: "entry", columns: ["first_seen_at"])
        try db.create(index: "entry_url", on: "entry", columns: ["url"])

        // The extracted article page of an entry.
        try db.create(table: "article") { t in
            t.primaryKey("entry_id", .integer).references("entry", onDelete: .cascade)
            t.column("final_url", .text)
            t.column("canonical_url", .text)
            t.column("title", .text)
            t.column("byline", .text)
            t.column("published_at", .double)
            t.column("language", .text)
            t.column("text", .text)
            t.column("status", .text).notNull()                            // ok | failed | skipped
            t.column("error", .text)
            t.column("fetched_at", .double).notNull()
        }

        // The MinHash signature of an entry's best text.
        try db.create(table: "signature") { t in
            t.primaryKey("entry_id", .integer).references("entry", onDelete: .cascade)
            t.column("minhash", .blob).notNull()
            t.column("shingles", .blob)                                    // sorted 64-bit shingle hashes, for exact checks
            t.column("shingle_count", .integer).notNull()
            t.column("source", .text).notNull()                            // article | content | summary | title
            t.column("created_at", .double).notNull()
        }

        // Template learning: normalized text blocks seen on several pages of one host.
        try db.create(table: "site_block") { t in
            t.column("host", .text).notNull()
            t.column("block_hash", .integer).notNull()
            t.column("page_count", .integer).notNull().defaults(to: 0)
            t.column("sample", .text)
            t.column("last_seen_at", .double).notNull()
            t.primaryKey(["host", "block_hash"])
        }
        // Pages already counted for a host, so a re-fetched page is not counted twice.
        try db.create(table: "site_page") { t in
            t.column("host", .text).notNull()
            t.column("page_hash", .integer).notNull()
            t.column("seen_at", .double).notNull()
            t.primaryKey(["host", "page_hash"])
        }
    }
}
