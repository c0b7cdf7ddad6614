import Foundation
import GRDB
import Testing
@testable import Storage

/// A fresh database file in its own temporary folder, removed by the caller.
func temporaryDatabasePath(_ name: String = "syndic.sqlite") -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("syndic-storage-\(UUID().uuidString)")
    return dir.appendingPathComponent(name).path
}

@Suite("Migrations")
struct MigrationTests {
    @Test("an empty file is migrated to the current schema, with WAL and foreign keys on")
    func fromEmpty() throws {
        let path = temporaryDatabasePath("nested/deeper/syndic.sqlite")
        let db = try SyndicDatabase(path: path)
        #expect(try db.appliedMigrations() == Schema.migrator.migrations)
        let (journal, fk, tables) = try db.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"),
             try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"))
        }
        #expect(journal == "wal")
        #expect(fk == 1)
        for table in ["feed", "entry", "article", "signature", "story", "site_block"] {
            #expect(tables.contains(table), "missing table \(table)")
        }
        #expect(try db.integrityCheck() == ["ok"])
    }

    @Test("reopening keeps the data and applies nothing twice")
    func reopen() throws {
        let path = temporaryDatabasePath()
        do {
            let db = try SyndicDatabase(path: path)
            try db.addFeed(url: "https://example.org/feed.xml", title: "Example", tags: ["a", "b"])
        }
        let again = try SyndicDatabase(path: path)
        let feeds = try again.listFeeds()
        #expect(feeds.count == 1)
        #expect(feeds.first?.feed.title == "Example")
        #expect(feeds.first?.feed.tags == ["a", "b"])
        #expect(try again.appliedMigrations() == Schema.migrator.migrations)
    }

    @Test("a database from a newer Syndic is refused with a clear message")
    func newerRefused() throws {
        let path = temporaryDatabasePath()
        _ = try SyndicDatabase(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        }
        try queue.close()
        do {
            _ = try SyndicDatabase(path: path)
            Issue.record("a newer database was opened")
        } catch let error as StorageError {
            guard case .newerDatabase(_, let unknown) = error else { Issue.record("wrong error \(error)"); return }
            #expect(unknown == ["v99-from-the-future"])
            #expect(error.description.contains("newer Syndic"))
            #expect(error.exitCode == .dataError)
        }
    }

    @Test("an older database (only the first migration) is migrated forward")
    func olderMigrated() throws {
        let path = temporaryDatabasePath()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: Schema.migrator.migrations[0])
        try queue.close()
        let db = try SyndicDatabase(path: path)
        #expect(try db.appliedMigrations() == Schema.migrator.migrations)
    }

    @Test("v3 drops the never-written signature.shingles column from a v2 database")
    func dropsShinglesColumn() throws {
        let path = temporaryDatabasePath()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v2-signature-full-text")
        let before = try queue.read { db in try db.columns(in: "signature").map(\.name) }
        #expect(before.contains("shingles"))
        try queue.close()
        let db = try SyndicDatabase(path: path)
        #expect(try db.appliedMigrations().last == "v3-drop-signature-shingles")
        let after = try DatabaseQueue(path: path).read { db in try db.columns(in: "signature").map(\.name) }
        #expect(!after.contains("shingles") && after.contains("minhash") && after.contains("full_text"))
    }

    @Test("a file that is not a database gives a typed error")
    func notADatabase() throws {
        let path = temporaryDatabasePath()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        #expect(throws: StorageError.self) { _ = try SyndicDatabase(path: path) }
    }

    @Test("the default location follows SYNDIC_DB, then XDG_DATA_HOME, then HOME")
    func defaultPath() {
        #expect(SyndicDatabase.defaultPath(environment: ["SYNDIC_DB": "/x/y.sqlite", "HOME": "/h"]) == "/x/y.sqlite")
        #expect(SyndicDatabase.defaultPath(environment: ["XDG_DATA_HOME": "/data", "HOME": "/h"]) == "/data/syndic/syndic.sqlite")
        #expect(SyndicDatabase.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/share/syndic/syndic.sqlite")
    }
}
