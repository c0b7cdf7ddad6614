import Foundation
import GRDB
import Storage
import StoreSQL

/// The SQLite schema as named, append-only migrations, recorded in GRDB's `grdb_migrations` table.
///
/// Never edit a migration that has shipped: add a new one. A database that has applied a
/// migration this list does not know was written by a newer Syndic and is refused. The pending
/// migrations run in one `BEGIN IMMEDIATE` transaction that first reads what is applied, so
/// migrators started at once (two first commands on a new file) apply each migration once.
enum SQLiteSchema {
    /// What an existing file holds, read before anything is written to it.
    static func inspect(_ db: Database) throws -> SchemaState {
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        let applied = tables.contains("grdb_migrations")
            ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") : nil
        return SchemaState(tables: tables, applied: applied, migrationsTable: "grdb_migrations")
    }

    /// Refuses foreign and newer databases; with `requireCurrent` (reading), also one that needs migrating.
    static func check(_ state: SchemaState, path: String, requireCurrent: Bool) throws {
        try state.check(known: identifiers, location: path, requireCurrent: requireCurrent)
    }

    /// The migrations, oldest first.
    static let migrations: [(id: String, migrate: @Sendable (Database) throws -> Void)] = [
        ("v1-initial", createInitialTables),
        ("v2-signature-full-text", { db in
            // Whether the signed text is the full story (an extracted page, or feed text long enough),
            // so the representative of a story is the earliest copy with full text.
            try db.alter(table: "signature") { t in t.add(column: "full_text", .boolean).notNull().defaults(to: false) }
        }),
        ("v3-drop-signature-shingles", { db in
            // Never written: the serialized signature in `minhash` already carries the shingle set.
            try db.alter(table: "signature") { t in t.drop(column: "shingles") }
        }),
        ("v4-story-source-count", addStorySourceCount),
        ("v5-published-from-updated", { db in try db.execute(sql: MigrationSQL.publishedFromUpdated) }),
        ("v6-entry-tombstones", { db in for sql in MigrationSQL.createTombstones { try db.execute(sql: sql) } }),
        ("v7-instance", { db in
            try db.execute(sql: MigrationSQL.createInstance)
            try db.execute(sql: MigrationSQL.insertInstance(randomID: "lower(hex(randomblob(8)))",
                                                            epochNow: "(julianday('now') - 2440587.5) * 86400.0"))
        }),
        ("v8-story-published", { db in for sql in MigrationSQL.addStoryPublished { try db.execute(sql: sql) } }),
        ("v9-feed-full-text-mode", { db in
            // A subscription's own `--full-text` choice (`feeds edit`); NULL follows the poll's option.
            try db.alter(table: "feed") { t in t.add(column: "full_text_mode", .text) }
        }),
        ("v10-entry-cut-fields", { db in
            // Which fields were cut to FieldLimits when stored (`title,content`), NULL when none.
            try db.alter(table: "entry") { t in t.add(column: "cut_fields", .text) }
        }),
        ("v11-web-feed-revision", { db in
            // Counts a subscriber's edits of a feed (and a title or URL a fetch learned): part of the
            // web view's validators, which no longer move with every fetch.
            try db.alter(table: "feed") { t in t.add(column: "revision", .integer).notNull().defaults(to: 0) }
        }),
        ("v12-reader-users", { db in
            for sql in MigrationSQL.createReaderUsers(idColumn: "INTEGER PRIMARY KEY AUTOINCREMENT",
                                                      epochNow: "(julianday('now') - 2440587.5) * 86400.0") {
                try db.execute(sql: sql)
            }
        }),
        ("v13-reader-state", { db in for sql in MigrationSQL.createReaderState { try db.execute(sql: sql) } }),
        ("v14-feed-leases", { db in for sql in MigrationSQL.addFeedLeases { try db.execute(sql: sql) } }),
        ("v15-signature-roundup", { db in for sql in MigrationSQL.addSignatureRoundup { try db.execute(sql: sql) } }),
        ("v16-story-labels", { db in for sql in MigrationSQL.createStoryLabels { try db.execute(sql: sql) } }),
        ("v17-entry-story-seen", { db in
            for sql in MigrationSQL.indexEntriesByStoryAndSeen(replacing: "entry_on_story_id") { try db.execute(sql: sql) }
        }),
        ("v18-feed-dot-segments", { db in for sql in MigrationSQL.indexFeedsWithDotSegments { try db.execute(sql: sql) } }),
        ("v19-story-band", { db in for sql in CandidateSQL.createIndex(withoutRowID: true) { try db.execute(sql: sql) } }),
    ]

    static var identifiers: [String] { migrations.map(\.id) }

    /// The same migrations as a GRDB migrator (tests build older files with `migrate(_:upTo:)`).
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations { migrator.registerMigration(migration.id, migrate: migration.migrate) }
        return migrator
    }

    /// Applies the pending migrations in one immediate transaction; returns those it applied.
    static func migrate(_ pool: DatabasePool, path: String) throws -> [String] {
        try pool.writeWithoutTransaction { db in
            var applied: [String] = []
            try db.inTransaction(.immediate) {
                // Read under the write lock: a migrator that ran meanwhile has left its rows.
                try check(try inspect(db), path: path, requireCurrent: false)
                try db.execute(sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
                let done = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
                for migration in migrations where !done.contains(migration.id) {
                    try migration.migrate(db)
                    try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.id])
                    applied.append(migration.id)
                }
                return .commit
            }
            return applied
        }
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
