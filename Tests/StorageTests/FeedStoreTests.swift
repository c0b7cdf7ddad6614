import Foundation
import GRDB
import Testing
@testable import Storage

@Suite("Subscriptions")
struct FeedStoreTests {
    @Test("a duplicate URL is reported, not added twice")
    func duplicate() throws {
        let db = try SyndicDatabase(path: temporaryDatabasePath())
        let first = try db.addFeed(url: "https://example.org/feed.xml")
        #expect(throws: StorageError.duplicateFeed(url: "https://example.org/feed.xml", existingID: first.id)) {
            try db.addFeed(url: "https://example.org/feed.xml")
        }
        let outcomes = try db.addFeeds([("https://example.org/feed.xml", nil, ["extra"]), ("https://b.org/", nil, [])])
        #expect(outcomes.count == 2)
        if case .alreadyPresent(let f) = outcomes[0] { #expect(f.tags == ["extra"]) } else { Issue.record("not reported as present") }
        if case .added = outcomes[1] {} else { Issue.record("second URL not added") }
        #expect(try db.listFeeds().count == 2)
    }

    @Test("constraint violations surface as typed errors and write nothing")
    func constraintViolation() throws {
        let db = try SyndicDatabase(path: temporaryDatabasePath())
        #expect(throws: StorageError.self) {
            try db.write { db in
                try db.execute(sql: "INSERT INTO entry (feed_id, guid, first_seen_at, last_seen_at) VALUES (999, 'x', 0, 0)")
            }
        }
        do {
            try db.write { db in try db.execute(sql: "INSERT INTO feed (url, added_at) VALUES ('a', 0), ('a', 0)") }
            Issue.record("duplicate insert succeeded")
        } catch let error as StorageError {
            guard case .constraintViolation = error else { Issue.record("wrong case \(error)"); return }
        }
        #expect(try db.listFeeds().isEmpty)
    }

    @Test("removing a feed removes its entries and updates or deletes its stories")
    func removeUpdatesStories() throws {
        let db = try SyndicDatabase(path: temporaryDatabasePath())
        let a = try db.addFeed(url: "https://a.org/feed")
        let b = try db.addFeed(url: "https://b.org/feed")
        try db.write { db in
            try db.execute(sql: "INSERT INTO story (id, first_seen_at, last_seen_at, size, updated_at) VALUES (1, 0, 0, 2, 0), (2, 0, 0, 1, 0)")
            try db.execute(sql: """
                INSERT INTO entry (id, feed_id, guid, title, first_seen_at, last_seen_at, story_id) VALUES
                  (10, ?, 'a1', 'Shared from A', 1, 1, 1), (11, ?, 'b1', 'Shared from B', 2, 2, 1), (12, ?, 'a2', 'Only A', 3, 3, 2)
                """, arguments: [a.id, b.id, a.id])
            try db.execute(sql: "UPDATE story SET representative_entry_id = 10, headline = 'Shared from A' WHERE id = 1")
        }
        try db.removeFeed(id: a.id)
        let rows = try db.read { db in try Row.fetchAll(db, sql: "SELECT id, size, representative_entry_id, headline FROM story ORDER BY id") }
        #expect(rows.count == 1)
        #expect(rows.first?["size"] == 1)
        #expect(rows.first?["representative_entry_id"] == 11)
        #expect(rows.first?["headline"] == "Shared from B")
        #expect(try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entry") } == 1)
        #expect(try db.integrityCheck() == ["ok"])
        #expect(throws: StorageError.feedNotFound(String(a.id))) { try db.removeFeed(id: a.id) }
    }

    @Test("feeds are found by id or by any spelling of their URL")
    func matching() throws {
        let db = try SyndicDatabase(path: temporaryDatabasePath())
        let feed = try db.addFeed(url: "https://example.org/feed.xml")
        #expect(try db.feed(matching: String(feed.id))?.id == feed.id)
        #expect(try db.feed(matching: "HTTPS://EXAMPLE.org:443/feed.xml#top")?.id == feed.id)
        #expect(try db.feed(matching: "https://example.org/other") == nil)
    }

    @Test("a full disk is reported as such and leaves the database sound")
    func diskFull() throws {
        let path = temporaryDatabasePath()
        _ = try SyndicDatabase(path: path)
        let db = try SyndicDatabase(path: path, maxPageCount: 40)
        var sawDiskFull = false
        for i in 0..<10_000 {
            do {
                try db.addFeed(url: "https://example.org/\(i)/" + String(repeating: "x", count: 500))
            } catch StorageError.diskFull {
                sawDiskFull = true
                break
            }
        }
        #expect(sawDiskFull)
        #expect(try db.integrityCheck() == ["ok"])
    }
}
