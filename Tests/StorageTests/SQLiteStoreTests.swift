import Foundation
import GRDB
import Storage
import Testing
import TestSupport
@testable import SQLiteStore

/// What only the SQLite backend has: its file, its pragmas, its migration history, its lock file.
@Suite("SQLite store")
struct SQLiteStoreTests {
    /// A folder for a database path, created (the file is not).
    static func folder(of path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    }

    @Test("an empty file is migrated to the current schema, with WAL and foreign keys on")
    func fromEmpty() async throws {
        let path = TestStores.sqlitePath(name: "nested/deeper/syndic.sqlite")
        let db = try SQLiteStore(path: path)
        #expect(try await db.appliedMigrations() == SQLiteSchema.migrator.migrations)
        let (journal, fk, tables) = try await db.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"),
             try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"))
        }
        #expect(journal == "wal")
        #expect(fk == 1)
        for table in ["feed", "entry", "article", "signature", "story", "site_block", "site_page"] {
            #expect(tables.contains(table), "missing table \(table)")
        }
        #expect(try await db.integrityCheck() == ["ok"])
    }

    @Test("an older database (only the first migration) is migrated forward")
    func olderMigrated() async throws {
        let path = TestStores.sqlitePath()
        try Self.folder(of: path)
        let queue = try DatabaseQueue(path: path)
        try SQLiteSchema.migrator.migrate(queue, upTo: SQLiteSchema.migrator.migrations[0])
        try queue.close()
        let db = try SQLiteStore(path: path)
        #expect(try await db.appliedMigrations() == SQLiteSchema.migrator.migrations)
        #expect(db.migratedOnOpen == Array(SQLiteSchema.migrator.migrations.dropFirst()))
    }

    @Test("v3 drops the never-written signature.shingles column from a v2 database")
    func dropsShinglesColumn() async throws {
        let path = TestStores.sqlitePath()
        try Self.folder(of: path)
        let queue = try DatabaseQueue(path: path)
        try SQLiteSchema.migrator.migrate(queue, upTo: "v2-signature-full-text")
        let before = try await queue.read { db in try db.columns(in: "signature").map(\.name) }
        #expect(before.contains("shingles"))
        try queue.close()
        let db = try SQLiteStore(path: path)
        #expect(try await db.appliedMigrations().contains("v3-drop-signature-shingles"))
        let after = try await DatabaseQueue(path: path).read { db in try db.columns(in: "signature").map(\.name) }
        #expect(!after.contains("shingles") && after.contains("minhash") && after.contains("full_text"))
    }

    @Test("v4 gives a v3 database's entries their sites and its stories their source counts")
    func backfillsSourceCounts() async throws {
        let path = TestStores.sqlitePath()
        try Self.folder(of: path)
        let queue = try DatabaseQueue(path: path)
        try SQLiteSchema.migrator.migrate(queue, upTo: "v3-drop-signature-shingles")
        try await queue.write { db in
            try db.execute(sql: """
                INSERT INTO feed (id, url, added_at) VALUES (1, 'https://www.Wire.example/feed.xml', 0), (2, 'file:///demo/daily/feed.xml', 0);
                INSERT INTO story (id, first_seen_at, last_seen_at, size, updated_at) VALUES (10, 0, 0, 3, 0), (20, 0, 0, 1, 0);
                INSERT INTO entry (id, feed_id, guid, url, first_seen_at, last_seen_at, story_id) VALUES
                  (10, 1, 'a', 'https://www.wire.example/a', 0, 0, 10),
                  (11, 1, 'b', NULL, 0, 0, 10),
                  (12, 2, 'c', NULL, 0, 0, 10),
                  (20, 2, 'd', 'https://other.example/d', 0, 0, 20);
                UPDATE story SET representative_entry_id = id;
                """)
        }
        try queue.close()
        let db = try SQLiteStore(path: path)
        #expect(db.migratedOnOpen.first == "v4-story-source-count")
        let stories = try await db.stories(StoryQuery())
        #expect(stories.map(\.id) == [10, 20])
        #expect(stories[0].sites == ["wire.example", "daily"] && stories[0].sourceCount == 2)
        #expect(try await db.stories(StoryQuery(minSources: 2)).map(\.id) == [10])
        #expect(try await db.read { try Int.fetchAll($0, sql: "SELECT source_count FROM story ORDER BY id") } == [2, 1])
    }

    @Test("a file that is not a database gives a typed error and is not changed")
    func notADatabase() throws {
        let path = TestStores.sqlitePath()
        try Self.folder(of: path)
        let garbage = Data(repeating: 0x41, count: 4096)
        try garbage.write(to: URL(fileURLWithPath: path))
        for access in [StoreAccess.readWrite, .readOnly] {
            #expect(throws: StorageError.self) { _ = try SQLiteStore(path: path, access: access) }
        }
        #expect(FileManager.default.contents(atPath: path) == garbage)
    }

    @Test("constraint violations surface as typed errors and write nothing")
    func constraintViolation() async throws {
        let db = try TestStores.sqlite()
        await #expect(throws: StorageError.self) {
            try await db.write { db in
                try db.execute(sql: "INSERT INTO entry (feed_id, guid, first_seen_at, last_seen_at) VALUES (999, 'x', 0, 0)")
            }
        }
        do {
            try await db.write { db in try db.execute(sql: "INSERT INTO feed (url, added_at) VALUES ('a', 0), ('a', 0)") }
            Issue.record("duplicate insert succeeded")
        } catch let error as StorageError {
            guard case .constraintViolation = error else { Issue.record("wrong case \(error)"); return }
        }
        #expect(try await db.listFeeds().isEmpty)
    }

    @Test("a full disk is reported as such and leaves the database sound")
    func diskFull() async throws {
        let path = TestStores.sqlitePath()
        _ = try SQLiteStore(path: path)
        let db = try SQLiteStore(path: path, maxPageCount: 60)  // a new database is 43 pages (v11 added 16)
        var sawDiskFull = false
        for i in 0..<10_000 {
            do {
                try await db.addFeed(url: "https://example.org/\(i)/" + String(repeating: "x", count: 500))
            } catch StorageError.diskFull {
                sawDiskFull = true
                break
            }
        }
        #expect(sawDiskFull)
        #expect(try await db.integrityCheck() == ["ok"])
    }

    @Test("the poll lock follows the file, not the name: a symlink and a dotted path take the same lock")
    func pollLockThroughSymlink() async throws {
        let path = TestStores.sqlitePath("lock")
        let store = try SQLiteStore(path: path)
        let folder = (path as NSString).deletingLastPathComponent
        let link = folder + "/alias.sqlite"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        let held = try await store.acquirePollLock(wait: false)
        for alias in [link, folder + "/sub/../syndic.sqlite"] {
            let other = try SQLiteStore(path: alias)
            do {
                let lock = try await other.acquirePollLock(wait: false)
                Issue.record("\(alias) took a second poll lock (\(lock.holder))")
            } catch let error as StorageError {
                #expect(error == .pollRunning(holder: held.holder))
                #expect(held.holder.hasSuffix("holds \(path).lock"))
            }
        }
        await held.release()
        var viaLink: (any PollLock)? = try await SQLiteStore(path: link).acquirePollLock(wait: false)
        #expect(viaLink?.holder == held.holder)
        viaLink = nil  // dropping the last reference releases the lock too
        _ = try await store.acquirePollLock(wait: false)
    }
}
