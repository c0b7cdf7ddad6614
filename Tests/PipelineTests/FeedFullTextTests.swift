import Foundation
import SQLiteStore
import Storage
import Testing
import TestSupport
@testable import Pipeline

@Suite("a feed's own --full-text choice (feeds edit), against a real loopback HTTP server")
struct FeedFullTextTests {
    @Test("a feed's choice wins over the poll's option; feeds without one follow the poll")
    func feedChoiceWins() async throws {
        let dir = try PollFixtures.writeSites()
        let server = try TestHTTPServer(filesDirectory: dir.path)
        defer { server.stop() }
        try PollFixtures.rss(siteURL: server.url("/files/")).write(to: dir.appendingPathComponent("a.xml"), atomically: true, encoding: .utf8)
        let db = try SQLiteStore(path: TestStores.sqlitePath("full-text"))
        var a = try await db.addFeed(url: server.url("/files/a.xml"), now: PollerTests.now)   // full stories in the feed
        var b = try await db.addFeed(url: server.url("/files/b.xml"), now: PollerTests.now)   // a summary only
        a.fullText = .always
        b.fullText = .never
        try await db.updateFeed(a)
        try await db.updateFeed(b)

        // On the fixtures' day (their items are dated 2026-11-24), so none is backlog.
        let summary = try await Poller(db: db, options: PollOptions()).run(now: PollerTests.now)   // the poll says auto
        #expect(summary.entriesNew == 3)
        #expect(summary.pagesFetched + summary.pagesFailed == 2, "A's two pages are fetched (always), B's is not (never)")
        let stories = try await db.stories(StoryQuery())
        let copies = stories.flatMap(\.copies)
        for copy in copies where copy.feedID == a.id { #expect(try await db.article(entryID: copy.entryID) != nil) }
        for copy in copies where copy.feedID == b.id { #expect(try await db.article(entryID: copy.entryID) == nil) }
    }
}
