import Foundation
import SQLiteStore
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
        let bomb = try await db.addFeed(url: server.url("/gzip-bomb"))
        let huge = try await db.addFeed(url: server.url("/bytes?n=17825792"))
        let fine = try await db.addFeed(url: server.url("/files/good.xml"))
        var options = PollOptions()
        options.fullText = .never
        let summary = try await Poller(db: db, options: options).run()

        #expect(summary.feedsPolled == 3)
        #expect(summary.failed == 2)
        for feed in [bomb, huge] {
            let stored = try #require(try await db.feed(id: feed.id))
            let error = try #require(stored.lastError, "no error recorded on \(feed.url)")
            #expect(error.contains("size limit"), "\(error)")
            #expect(stored.consecutiveFailures == 1)
        }
        #expect(try await db.feed(id: fine.id)?.lastError == nil)
        #expect(try await db.entryCount() == 1, "the good feed's entry is stored")
    }

    @Test("a 100 MB feed (announced in Content-Length, and chunked) polled by `syndic poll`: size limit hit, error recorded and shown, the good feed stored, peak memory bounded")
    func hundredMegabyteFeed() async throws {
        let hundredMB = 100 * 1024 * 1024
        let announced = try FaultServer(.hugeFeed(bytes: hundredMB, announceLength: true))
        let chunked = try FaultServer(.hugeFeed(bytes: hundredMB, announceLength: false))
        defer { announced.stop(); chunked.stop() }
        let dir = try Reliability.folder("www")
        let good = HostileFeeds.rss(items: HostileFeeds.item("ok1", title: "fine", description: "a fine entry"))
        try Data(good.utf8).write(to: dir.appendingPathComponent("good.xml"))
        let server = try TestHTTPServer(filesDirectory: dir.path)
        defer { server.stop() }
        let path = try Reliability.folder("db").appendingPathComponent("s.sqlite").path
        let (huge, streamed, fine): (Int64, Int64, Int64)
        do {
            let db = try SQLiteStore(path: path)
            huge = try await db.addFeed(url: announced.url("/huge.xml")).id
            streamed = try await db.addFeed(url: chunked.url("/huge.xml")).id
            fine = try await db.addFeed(url: server.url("/files/good.xml")).id
        }

        let started = Date()
        let measured = try await MeasuredRun.run(["poll", "--full-text", "never"], database: path)
        let elapsed = Date().timeIntervalSince(started)
        let run: SyndicRun
        if let measured {
            run = measured.run
            print("100 MB feed poll: \(String(format: "%.1f", elapsed)) s, peak RSS \(measured.peakBytes / 1_048_576) MB")
            // The body limit is 16 MiB; the process itself (debug build, GRDB, libcurl) needs about 30 MB.
            // Sanitizers add their shadow memory and ASan's 256 MB quarantine of freed blocks.
            let bound = 300.0 * 1_048_576 * Sanitizer.scaled(4)
            #expect(Double(measured.peakBytes) < bound, "peak RSS \(measured.peakBytes) bytes")
        } else {
            print("/usr/bin/time is not installed: peak memory not measured")
            run = try await SyndicRun.run(["poll", "--full-text", "never"], database: path)
        }

        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("polled 3 feeds (0 not modified, 2 failed); entries: 1 new"), "\(run.stdout)")
        for (id, url) in [(huge, announced.url("/huge.xml")), (streamed, chunked.url("/huge.xml"))] {
            #expect(run.stderr.contains("feed \(id) \(url): ") && run.stderr.contains("size limit"), "\(run.stderr)")
        }
        // The chunked body was read up to the limit and no further: the server handed the kernel
        // at least 16 MiB, and far less than 100 MB (the rest was never sent).
        #expect(chunked.bodyBytesSent >= 16 * 1024 * 1024, "\(chunked.bodyBytesSent)")
        #expect(chunked.bodyBytesSent < 40 * 1024 * 1024, "\(chunked.bodyBytesSent)")
        #expect(announced.bodyBytesSent < 40 * 1024 * 1024, "\(announced.bodyBytesSent)")

        let list = try await SyndicRun.run(["feeds", "list", "--format", "json"], database: path)
        #expect(list.status == 0, "\(list.stderr)")
        let feeds = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let byID = Dictionary(feeds.compactMap { feed in (feed["id"] as? Int).map { (Int64($0), feed) } }) { a, _ in a }
        for id in [huge, streamed] {
            let feed = try #require(byID[id])
            let error = try #require(feed["last_error"] as? String, "no error shown for feed \(id): \(feed)")
            #expect(error.contains("more than 16777216 bytes") && error.contains("size limit"), "\(error)")
            #expect(feed["consecutive_failures"] as? Int == 1)
            #expect(feed["entry_count"] as? Int == 0)
        }
        #expect(byID[fine]?["last_error"] is NSNull)
        #expect(byID[fine]?["entry_count"] as? Int == 1, "the good feed's entry is stored")
        let table = try await SyndicRun.run(["feeds", "list"], database: path)
        #expect(table.stdout.contains("size limit") || table.stdout.contains("16777216"), "\(table.stdout)")
    }

    @Test("javascript:, data:, file: and credential links in a remote feed are never fetched, stored as articles, or linked from any digest format")
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
        _ = try await db.addFeed(url: server.url("/files/unsafe.xml"))
        var options = PollOptions()
        options.fullText = .always
        let summary = try await Poller(db: db, options: options).run()

        #expect(summary.failed == 0, "\(summary.failures)")
        #expect(try await db.entryCount() == links.count)
        #expect(canary.connections == 0, "a credential or javascript: link reached the canary")
        #expect(try server.stats().requests == 1, "only the feed was requested")
        let rows = try StoredRows(db.path)
        #expect(try rows.int("SELECT count(*) FROM article WHERE status = 'ok'") == 0)
        let articleURLs = try rows.strings("SELECT coalesce(final_url,'') || ' ' || coalesce(canonical_url,'') || ' ' || coalesce(text,'') FROM article")
        for row in articleURLs {
            #expect(!row.lowercased().contains("javascript:") && !row.contains("data:") && !row.contains("file:") && !row.contains("SECRET"), "\(row)")
        }
        // Never linked: no digest format carries one of these links (titles are shown, links dropped).
        for format in ["markdown", "html", "json", "atom", "rss", "jsonfeed", "text"] {
            let digest = try await SyndicRun.run(["digest", "--format", format, "--since", "all"], database: db.path)
            #expect(digest.status == 0, "\(format): \(digest.stderr)")
            #expect(digest.stdout.contains("unsafe 0"), "\(format): the stories are in the digest")
            let lowered = digest.stdout.lowercased()
            for marker in ["javascript:", "data:text", "file://", "user:pass@", "/creds", "secret-file", "/etc/passwd"] {
                #expect(!lowered.contains(marker), "\(format) digest links \(marker)")
            }
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
        // The fixture's items are dated 2026-11-27: added and polled that day, none is backlog.
        let day = Date(timeIntervalSince1970: 1_795_780_800)
        _ = try await db.addFeed(url: server.url("/files/feed.xml"), now: day)
        var options = PollOptions()
        options.fullText = .always
        let summary = try await Poller(db: db, options: options).run(now: day)
        #expect(summary.failed == 0, "\(summary.failures)")
        #expect(summary.entriesNew > 0)
        let rows = try StoredRows(db.path)
        let fetched = try rows.strings("SELECT coalesce(final_url,'') FROM article WHERE status = 'ok'")
        for url in fetched { #expect(url.hasPrefix(server.url("/files/")), "fetched \(url)") }
        #expect(try rows.int("SELECT count(*) FROM article WHERE lower(coalesce(final_url,'')) LIKE 'javascript:%' OR final_url LIKE 'data:%' OR final_url LIKE 'file:%'") == 0)
        #expect(try await db.integrityCheck() == ["ok"])
    }
}
