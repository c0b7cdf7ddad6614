import Foundation
import Storage
import Testing
import TestSupport
@testable import Pipeline

/// Size limits and unsafe links inside a real poll against a loopback server.
@Suite("poll limits and unsafe links")
struct PollLimitTests {
    @Test("a decompression bomb and a 17 MB body hit the size limit, are recorded on their feeds, and the poll goes on")
    func bodyLimits() async throws {
        let dir = try Reliability.folder("www")
        let good = HostileFeeds.rss(items: HostileFeeds.item("ok1", title: "fine", description: "a fine entry"))
        try Data(good.utf8).write(to: dir.appendingPathComponent("good.xml"))
        let server = try TestHTTPServer(filesDirectory: dir.path)
        defer { server.stop() }
        let db = try Reliability.database()
        let bomb = try db.addFeed(url: server.url("/gzip-bomb"))
        let huge = try db.addFeed(url: server.url("/bytes?n=17825792"))
        let fine = try db.addFeed(url: server.url("/files/good.xml"))
        var options = PollOptions()
        options.fullText = .never
        let summary = try await Poller(db: db, options: options).run()

        #expect(summary.feedsPolled == 3)
        #expect(summary.failed == 2)
        for feed in [bomb, huge] {
            let stored = try #require(try db.feed(id: feed.id))
            let error = try #require(stored.lastError, "no error recorded on \(feed.url)")
            #expect(error.contains("size limit"), "\(error)")
            #expect(stored.consecutiveFailures == 1)
        }
        #expect(try db.feed(id: fine.id)?.lastError == nil)
        #expect(try db.entryCount() == 1, "the good feed's entry is stored")
    }

    @Test("javascript:, data:, file: and credential links in a remote feed are never fetched nor stored as articles")
    func unsafeLinksNeverFetched() async throws {
        let canary = try FaultServer(.canary)
        defer { canary.stop() }
        let secret = try Reliability.folder("secret").appendingPathComponent("passwd")
        try "root:SECRET-FILE-CONTENT".write(to: secret, atomically: true, encoding: .utf8)
        let dir = try Reliability.folder("www")
        let links = [
            "javascript:fetch('\(canary.url("/js"))')",
            "data:text/html;base64,PGgxPmRhdGE8L2gxPg==",
            "file://\(secret.path)",
            "http://user:pass@127.0.0.1:\(canary.port)/creds",
            "JaVaScRiPt:alert(1)",
            "  file:///etc/passwd",
        ]
        let items = links.enumerated().map { i, link in
            HostileFeeds.item("u\(i)", title: "unsafe \(i)", description: "short", link: link.replacingOccurrences(of: "&", with: "&amp;"))
        }
        try Data(HostileFeeds.rss(items: items.joined()).utf8).write(to: dir.appendingPathComponent("unsafe.xml"))
        let server = try TestHTTPServer(filesDirectory: dir.path)
        defer { server.stop() }
        let db = try Reliability.database()
        _ = try db.addFeed(url: server.url("/files/unsafe.xml"))
        var options = PollOptions()
        options.fullText = .always
        let summary = try await Poller(db: db, options: options).run()

        #expect(summary.failed == 0, "\(summary.failures)")
        #expect(try db.entryCount() == links.count)
        #expect(canary.connections == 0, "a credential or javascript: link reached the canary")
        #expect(try server.stats().requests == 1, "only the feed was requested")
        let rows = try StoredRows(db.path)
        #expect(try rows.int("SELECT count(*) FROM article WHERE status = 'ok'") == 0)
        let articleURLs = try rows.strings("SELECT coalesce(final_url,'') || ' ' || coalesce(canonical_url,'') || ' ' || coalesce(text,'') FROM article")
        for row in articleURLs {
            #expect(!row.lowercased().contains("javascript:") && !row.contains("data:") && !row.contains("file:") && !row.contains("SECRET"), "\(row)")
        }
    }

    @Test("the hostile fixture feed polls cleanly: its only fetched page is its own relative article")
    func hostileFixtureFeed() async throws {
        let canary = try FaultServer(.canary)
        defer { canary.stop() }
        let hostile = Reliability.packageRoot.appendingPathComponent("Feeds/hostile")
        let server = try TestHTTPServer(filesDirectory: hostile.path)
        defer { server.stop() }
        let db = try Reliability.database()
        _ = try db.addFeed(url: server.url("/files/feed.xml"))
        var options = PollOptions()
        options.fullText = .always
        let summary = try await Poller(db: db, options: options).run()
        #expect(summary.failed == 0, "\(summary.failures)")
        #expect(summary.entriesNew > 0)
        let rows = try StoredRows(db.path)
        let fetched = try rows.strings("SELECT coalesce(final_url,'') FROM article WHERE status = 'ok'")
        for url in fetched { #expect(url.hasPrefix(server.url("/files/")), "fetched \(url)") }
        #expect(try rows.int("SELECT count(*) FROM article WHERE lower(coalesce(final_url,'')) LIKE 'javascript:%' OR final_url LIKE 'data:%' OR final_url LIKE 'file:%'") == 0)
        #expect(try db.integrityCheck() == ["ok"])
    }
}
