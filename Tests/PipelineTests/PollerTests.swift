import Foundation
import SQLiteStore
import Storage
import Testing
import TestSupport
@testable import Pipeline

@Suite("syndic poll, against a real loopback HTTP server")
struct PollerTests {
    /// The fixtures' day (their items are dated 2026-11-24): polls run then, so none is backlog.
    static let now = Date(timeIntervalSince1970: 1_795_528_800)  // 2026-11-24T14:00:00Z

    func database() throws -> SQLiteStore {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("syndic-poll-\(UUID().uuidString)/s.sqlite").path
        return try SQLiteStore(path: path)
    }

    @Test("copies on two sites fold into one story, the chrome is stripped, and a second poll is all 304")
    func foldsCopies() async throws {
        let dir = try PollFixtures.writeSites()
        let server = try TestHTTPServer(filesDirectory: dir.path)
        defer { server.stop() }
        try PollFixtures.rss(siteURL: server.url("/files/")).write(to: dir.appendingPathComponent("a.xml"), atomically: true, encoding: .utf8)
        // Written a minute ago: the test server sends no Last-Modified for a file changed within the second.
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-60)],
                                                  ofItemAtPath: dir.appendingPathComponent(name).path)
        }
        let db = try database()
        let a = try await db.addFeed(url: server.url("/files/a.xml"), now: Self.now)
        let b = try await db.addFeed(url: server.url("/files/b.xml"), now: Self.now)

        let first = try await Poller(db: db, options: PollOptions()).run(now: Self.now)
        #expect(first.feedsPolled == 2)
        #expect(first.failed == 0)
        #expect(first.entriesNew == 3)
        #expect(first.pagesFetched == 1, "only the summary-only entry needs its page")
        #expect(first.storiesNew == 2)

        let stories = try await db.stories(StoryQuery())
        #expect(stories.count == 2)
        let bridge = try #require(stories.first { $0.copies.count == 2 })
        #expect(Set(bridge.copies.map(\.feedID)) == [a.id, b.id])
        #expect(bridge.headline == "Marrowby to shut Tannery Bridge to cars", "the earliest full copy represents the story")
        let orchard = try #require(stories.first { $0.copies.count == 1 })
        #expect(orchard.copies[0].title == "Late frost halves Wendle apple harvest")

        let copyB = try #require(bridge.copies.first { $0.feedID == b.id })
        #expect(copyB.url == server.url("/files/b-bridge.html"), "relative Atom links resolve against the feed URL")
        let article = try #require(try await db.article(entryID: copyB.entryID))
        #expect(article.status == .ok)
        let text = try #require(article.text)
        #expect(text.contains("corrosion had eaten into two of its four steel girders"))
        for chrome in ["Leave a Reply", "Your email address", "About Author", "0 51", "Home"] {
            #expect(!text.contains(chrome), "chrome '\(chrome)' survived extraction")
        }

        let feedA = try #require(try await db.feed(id: a.id))
        #expect(feedA.etag != nil && feedA.lastModified != nil, "validators are stored")
        #expect(feedA.title == "Site A News")
        #expect(feedA.intervalSeconds == 3600, "the feed's ttl of 60 minutes bounds the interval")

        var options = PollOptions()
        options.force = true
        let second = try await Poller(db: db, options: options).run(now: Self.now)
        #expect(second.feedsPolled == 2)
        #expect(second.notModified == 2)
        #expect(second.entriesNew == 0)
        #expect(try server.stats().not_modified >= 2, "the server answered 304 to our validators")
        #expect(try await db.entryCount() == 3)
        #expect(try await db.integrityCheck() == ["ok"])
    }

    @Test("failing feeds are recorded with their reason and the rest of the poll carries on")
    func failuresRecorded() async throws {
        let dir = try PollFixtures.writeSites()
        let server = try TestHTTPServer(filesDirectory: dir.path)
        defer { server.stop() }
        let db = try database()
        let good = try await db.addFeed(url: server.url("/files/b.xml"), now: Self.now)
        let notFound = try await db.addFeed(url: server.url("/status/404"), now: Self.now)
        let gone = try await db.addFeed(url: server.url("/status/410"), now: Self.now)
        let busy = try await db.addFeed(url: server.url("/status/503?retry_after=7200"), now: Self.now)
        let garbage = try await db.addFeed(url: server.url("/files/garbage.xml"), now: Self.now)
        let dead = try await db.addFeed(url: "http://127.0.0.1:9/feed.xml", now: Self.now)
        let now = Self.now

        let summary = try await Poller(db: db, options: PollOptions()).run(now: now)
        #expect(summary.feedsPolled == 6)
        #expect(summary.failed == 5)
        #expect(summary.entriesNew == 1)
        #expect(Set(summary.failures.map(\.feedID)) == [notFound.id, gone.id, busy.id, garbage.id, dead.id])

        let f404 = try #require(try await db.feed(id: notFound.id))
        #expect(f404.consecutiveFailures == 1)
        #expect(f404.lastStatus == 404)
        #expect(f404.lastError?.contains("404") == true)
        #expect((f404.nextFetchAt ?? now) > now, "a failing feed backs off")

        let f410 = try #require(try await db.feed(id: gone.id))
        #expect(f410.disabledReason?.contains("410") == true)

        let f503 = try #require(try await db.feed(id: busy.id))
        #expect((f503.nextFetchAt ?? now).timeIntervalSince(now) >= 7199, "Retry-After is honoured")

        let fGarbage = try #require(try await db.feed(id: garbage.id))
        #expect(fGarbage.lastError?.contains("not a feed") == true)
        let fDead = try #require(try await db.feed(id: dead.id))
        #expect(fDead.lastStatus == 0)
        #expect(fDead.lastError?.isEmpty == false)

        let due = try await db.dueFeeds(now: now.addingTimeInterval(1)).map(\.id)
        #expect(due.isEmpty, "no feed is due right after the poll: \(due)")
        #expect(try await db.feed(id: good.id)?.consecutiveFailures == 0)
    }

    @Test("a permanent redirect moves the stored URL; a temporary one does not")
    func redirects() async throws {
        let dir = try PollFixtures.writeSites()
        let server = try TestHTTPServer(filesDirectory: dir.path)
        defer { server.stop() }
        let db = try database()
        let moved = try await db.addFeed(url: server.url("/redirect/301?to=/files/b.xml"), now: Self.now)
        let temporary = try await db.addFeed(url: server.url("/redirect/302?to=/files/b.xml"), now: Self.now)
        var options = PollOptions()
        options.fullText = .never
        let summary = try await Poller(db: db, options: options).run(now: Self.now)
        #expect(summary.failed == 0)
        #expect(try await db.feed(id: moved.id)?.url == server.url("/files/b.xml"))
        #expect(try await db.feed(id: temporary.id)?.url == server.url("/redirect/302?to=/files/b.xml"))
    }

    @Test("entries stored by an interrupted poll are signed and clustered by the next one")
    func resumesInterruptedWork() async throws {
        let db = try database()
        let feed = try await db.addFeed(url: "https://example.invalid/feed.xml", now: Self.now)
        var stored = feed
        stored.nextFetchAt = Date().addingTimeInterval(3600)
        let html = PollFixtures.orchardStory.map { "<p>\($0)</p>" }.joined()
        let draft = EntryDraft(guid: "x", url: nil, title: "Frost", author: nil, publishedAt: nil, updatedAt: nil,
                               summaryHTML: nil, contentHTML: html, contentHash: "h")
        _ = try await db.commitFeedFetch(feed: stored, drafts: [draft])
        #expect(try await db.unsignedEntries().count == 1)
        let summary = try await Poller(db: db, options: PollOptions()).run(now: Self.now)
        #expect(summary.feedsPolled == 0)
        #expect(summary.storiesNew == 1)
        #expect(try await db.unsignedEntries().isEmpty)
        #expect(try await db.storyCount() == 1)
    }
}
