import Foundation
import GRDB
import Storage
import TestSupport

/// Seeds a store through the contract only, as a poll would: a feed per site, entries, stories.
struct Seed {
    let store: any SyndicStore
    private var feeds: [String: Int64] = [:]
    private var counter = 0

    init(_ store: any SyndicStore) { self.store = store }

    /// The feed of `site` (`https://SITE/feed.xml`), added on first use.
    mutating func feed(_ site: String, at time: Date = Clock.base) async throws -> Int64 {
        if let known = feeds[site] { return known }
        let url = "https://\(site)/feed.xml"
        let id: Int64
        if let existing = try await store.feed(matching: url) {
            id = existing.id
        } else {
            id = try await store.addFeed(url: url, title: site.uppercased(), now: time).id
        }
        feeds[site] = id
        return id
    }

    /// One new entry on `site`; returns its id.
    mutating func entry(_ site: String, title: String, url: String? = nil, published: Date? = nil,
                        content: String? = nil, summary: String? = nil, at time: Date) async throws -> Int64 {
        let feedID = try await feed(site, at: time)
        counter += 1
        let draft = EntryDraft(guid: "guid-\(counter)", url: url ?? "https://\(site)/story-\(counter)", title: title,
                               author: nil, publishedAt: published, updatedAt: nil, summaryHTML: summary,
                               contentHTML: content, contentHash: "hash-\(counter)")
        return try await store.upsertEntries(feedID: feedID, [draft], now: time)[0].entryID
    }

    /// A story of one copy per (site, title); the first founds it. Returns the story id.
    @discardableResult
    mutating func story(_ copies: [(site: String, title: String)], at time: Date) async throws -> Int64 {
        var storyID: Int64 = 0
        for (index, copy) in copies.enumerated() {
            let id = try await entry(copy.site, title: copy.title, at: time)
            if index == 0 { storyID = id }
            try await store.applyStoryAssignments([StoryAssignment(entryID: id, storyID: storyID, similarity: index == 0 ? 1 : 0.8)],
                                                  now: time)
        }
        return storyID
    }
}

/// Direct SQL on a test database, beside the store: what the contract cannot express (a foreign
/// table, a migration from the future). Each backend's dialect lives here, in one place.
struct RawDatabase {
    let location: StoreLocation

    /// A database that exists and holds no tables at all.
    static func empty(_ backend: StoreBackend) async throws -> RawDatabase {
        RawDatabase(location: try await TestStores.emptyDatabase(backend))
    }

    /// Names of the tables in the database.
    func tables() async throws -> [String] {
        switch location {
        case .sqlite(let path):
            return try await DatabaseQueue(path: path).read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            }
        case .postgres(let server):
            return try await PostgresTestServer.strings("""
                SELECT table_name::text FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name
                """, on: server)
        }
    }

    /// Creates another program's table with one row.
    func createForeignTable() async throws {
        switch location {
        case .sqlite(let path):
            try await DatabaseQueue(path: path).write { db in
                try db.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5)")
            }
        case .postgres(let server):
            try await PostgresTestServer.execute("CREATE TABLE invoices (id integer PRIMARY KEY, total real)", on: server)
            try await PostgresTestServer.execute("INSERT INTO invoices VALUES (1, 9.5)", on: server)
        }
    }

    /// Runs one statement written in the dialect both backends share.
    func execute(_ sql: String) async throws {
        switch location {
        case .sqlite(let path):
            try await DatabaseQueue(path: path).write { db in try db.execute(sql: sql) }
        case .postgres(let server):
            try await PostgresTestServer.execute(sql, on: server)
        }
    }

    /// The first column of a query's rows as text (NULL as "").
    func strings(_ sql: String) async throws -> [String] {
        switch location {
        case .sqlite(let path):
            return try await DatabaseQueue(path: path).read { db in
                try Row.fetchAll(db, sql: sql).map { row in
                    let value: DatabaseValue = row[0]
                    return value.isNull ? "" : (String.fromDatabaseValue(value) ?? Int64.fromDatabaseValue(value).map(String.init) ?? Double.fromDatabaseValue(value).map { String($0) } ?? "")
                }
            }
        case .postgres(let server):
            return try await PostgresTestServer.strings(sql, on: server)
        }
    }

    /// Forgets that `identifier` was applied, as a database from before that migration would be
    /// (its data made older by ``execute(_:)``): the next writer applies it again.
    func forgetMigration(_ identifier: String) async throws {
        let table = if case .sqlite = location { "grdb_migrations" } else { "syndic_migrations" }
        try await execute("DELETE FROM \(table) WHERE identifier = '\(identifier)'")
    }

    /// Records a migration this build does not know, as a newer Syndic would have.
    func recordUnknownMigration(_ identifier: String) async throws {
        switch location {
        case .sqlite(let path):
            try await DatabaseQueue(path: path).write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [identifier])
            }
        case .postgres(let server):
            try await PostgresTestServer.execute("INSERT INTO syndic_migrations (identifier, applied_at) VALUES ('\(identifier)', 0)", on: server)
        }
    }
}
