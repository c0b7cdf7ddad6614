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
        let location = try await TestStores.newLocation(backend)
        switch location {
        case .sqlite(let path):
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: path, contents: Data())
        case .postgres:
            break
        }
        return RawDatabase(location: location)
    }

    /// Names of the tables in the database.
    func tables() async throws -> [String] {
        switch location {
        case .sqlite(let path):
            return try await DatabaseQueue(path: path).read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            }
        case .postgres:
            return []
        }
    }

    /// Creates another program's table with one row.
    func createForeignTable() async throws {
        switch location {
        case .sqlite(let path):
            try await DatabaseQueue(path: path).write { db in
                try db.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5)")
            }
        case .postgres:
            break
        }
    }

    /// Records a migration this build does not know, as a newer Syndic would have.
    func recordUnknownMigration(_ identifier: String) async throws {
        switch location {
        case .sqlite(let path):
            try await DatabaseQueue(path: path).write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [identifier])
            }
        case .postgres:
            break
        }
    }
}
