import Extraction
import FeedParsing
import Foundation
import Storage
import Testing
import TestSupport
@testable import Pipeline

/// Hostile documents through the real parsers and a real poll (libxml2, SQLite, a loopback HTTP server).
@Suite("attack inputs")
struct AttackInputTests {
    /// Serves `files` (name → bytes) from a fresh folder; returns the server (stop it) and the folder.
    func serve(_ files: [String: Data]) throws -> (TestHTTPServer, URL) {
        let dir = try Reliability.folder("www")
        for (name, data) in files { try data.write(to: dir.appendingPathComponent(name)) }
        return (try TestHTTPServer(filesDirectory: dir.path), dir)
    }

    func neverPages() -> PollOptions {
        var options = PollOptions()
        options.fullText = .never
        return options
    }

    @Test("XXE: an external entity naming a local file is never read, in the parser or in a poll")
    func xxeLocalFile() async throws {
        let secretFile = try Reliability.folder("secret").appendingPathComponent("secret.txt")
        let secret = "TOPSECRET-\(UUID().uuidString)"
        try secret.write(to: secretFile, atomically: true, encoding: .utf8)
        let feed = HostileFeeds.rss(
            doctype: "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file://\(secretFile.path)\">]>",
            items: HostileFeeds.item("x1", title: "before &xxe; after", description: "body &xxe; end"))

        let parsed = try FeedParser.parse(data: Data(feed.utf8), url: "http://example.invalid/feed.xml")
        let texts = parsed.entries.flatMap { [$0.title, $0.summary, $0.content] }.compactMap { $0 }
        #expect(!texts.isEmpty)
        #expect(!texts.contains { $0.contains("TOPSECRET") }, "the parser expanded a file entity: \(texts)")

        let (server, _) = try serve(["feed.xml": Data(feed.utf8)])
        defer { server.stop() }
        let db = try Reliability.database()
        _ = try await db.addFeed(url: server.url("/files/feed.xml"))
        let summary = try await Poller(db: db, options: neverPages()).run()
        #expect(summary.entriesNew == 1)
        let stored = try StoredRows(db.path).strings("SELECT coalesce(title,'') || coalesce(summary_html,'') || coalesce(content_html,'') FROM entry")
        #expect(stored.count == 1)
        #expect(!stored.contains { $0.contains("TOPSECRET") }, "the secret reached the database")
    }

    @Test("XXE: external entities, parameter entities and DTDs on a loopback URL are never requested")
    func xxeLoopback() async throws {
        let canary = try FaultServer(.canary)
        defer { canary.stop() }
        let doctype = """
        <!DOCTYPE rss SYSTEM "\(canary.url("/dtd"))" [
          <!ENTITY ext SYSTEM "\(canary.url("/entity"))">
          <!ENTITY % param SYSTEM "\(canary.url("/param"))">
          %param;
        ]>
        """
        let feed = HostileFeeds.rss(doctype: doctype, items: HostileFeeds.item("x2", title: "a &ext; b", description: "c &ext; d"))
        _ = try? FeedParser.parse(data: Data(feed.utf8), url: "http://example.invalid/feed.xml")
        let opml = "<?xml version=\"1.0\"?><!DOCTYPE opml SYSTEM \"\(canary.url("/opml-dtd"))\" [<!ENTITY e SYSTEM \"\(canary.url("/opml"))\">]>"
            + "<opml version=\"2.0\"><body><outline text=\"&e;\" xmlUrl=\"http://example.invalid/f\"/></body></opml>"
        _ = try? SubscriptionListReader.read(Array(opml.utf8))

        let (server, _) = try serve(["feed.xml": Data(feed.utf8)])
        defer { server.stop() }
        let db = try Reliability.database()
        _ = try await db.addFeed(url: server.url("/files/feed.xml"))
        _ = try await Poller(db: db, options: neverPages()).run()
        #expect(canary.connections == 0, "libxml2 fetched an external entity or DTD from the loopback canary")
        #expect(try server.stats().requests == 1, "only the feed itself was requested")
    }

    @Test("billion laughs: parsing returns and the entry text stays small")
    func billionLaughs() throws {
        let parsed = try FeedParser.parse(data: Data(HostileFeeds.billionLaughs().utf8))
        let size = parsed.entries.reduce(0) { $0 + ($1.title?.utf8.count ?? 0) + ($1.summary?.utf8.count ?? 0) + ($1.content?.utf8.count ?? 0) }
        #expect(size < 1_000_000, "entities expanded to \(size) bytes")
    }

    @Test("quadratic blow-up: parsing returns and the entry text stays bounded")
    func quadraticBlowup() throws {
        let parsed = try FeedParser.parse(data: Data(HostileFeeds.quadraticBlowup().utf8))
        let size = parsed.entries.reduce(0) { $0 + ($1.title?.utf8.count ?? 0) + ($1.summary?.utf8.count ?? 0) + ($1.content?.utf8.count ?? 0) }
        #expect(size < 32_000_000, "entities expanded to \(size) bytes")
    }

    @Test("1,000,000-deep nesting in an RSS item, a JSON Feed and an HTML page: no crash (in a child process)")
    func deepNesting() async throws {
        let dir = try Reliability.folder("deep")
        let cases: [(target: String, file: String, text: String)] = [
            ("feed", "deep.xml", HostileFeeds.deepXML(depth: 1_000_000)),
            ("feed", "deep.json", HostileFeeds.deepJSON(depth: 1_000_000)),
            ("html", "deep.html", HostileFeeds.deepHTML(depth: 1_000_000)),
        ]
        for c in cases {
            let path = dir.appendingPathComponent(c.file).path
            try c.text.write(toFile: path, atomically: true, encoding: .utf8)
            let run = try await FuzzReplay.run(target: c.target, files: [path])
            #expect(run.status == 0, "\(c.file): \(run.describe)")
        }
    }

    @Test("1,000,000-deep nesting served to a poll (feed and article page): the poll completes and keeps the other feed")
    func deepNestingInPoll() async throws {
        let good = HostileFeeds.rss(items: HostileFeeds.item("g1", title: "fine", description: "a fine entry"))
        let (server, dir) = try serve(["deep.xml": Data(HostileFeeds.deepXML(depth: 1_000_000).utf8),
                                       "deep.html": Data(HostileFeeds.deepHTML(depth: 1_000_000).utf8),
                                       "good.xml": Data(good.utf8)])
        defer { server.stop() }
        // This feed's item links to the deep page, fetched for its full text.
        let linking = HostileFeeds.rss(items: HostileFeeds.item("l1", title: "deep page", description: "short", link: server.url("/files/deep.html")))
        try Data(linking.utf8).write(to: dir.appendingPathComponent("linking.xml"))
        let db = try Reliability.database()
        for name in ["deep", "good", "linking"] { _ = try await db.addFeed(url: server.url("/files/\(name).xml")) }
        var options = PollOptions()
        options.fullText = .always
        let summary = try await Poller(db: db, options: options).run()
        #expect(summary.feedsPolled == 3)
        #expect(summary.pagesFetched + summary.pagesFailed >= 1, "the deep page was requested")
        #expect(try StoredRows(db.path).int("SELECT count(*) FROM entry WHERE guid IN ('g1', 'l1')") == 2)
        #expect(try await db.integrityCheck() == ["ok"])
    }

    @Test("invalid UTF-8, a lying charset and NUL bytes: every entry is kept, as valid text without NULs")
    func invalidBytes() async throws {
        var invalidUTF8 = Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>bad bytes</title>".utf8)
        invalidUTF8 += Data("<item><guid>u1</guid><title>caf".utf8) + Data([0xC3, 0x28, 0xFF, 0xFE]) + Data(" one</title><description>ok".utf8)
            + Data([0xED, 0xA0, 0x80]) + Data("</description></item>".utf8)
        invalidUTF8 += Data("<item><guid>u2</guid><title>two</title><description>fine</description></item></channel></rss>".utf8)
        // Says UTF-16 but is Latin-1 (é as 0xE9).
        let lying = Data("<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"><channel><title>liar</title><item><guid>l1</guid><title>caf".utf8)
            + Data([0xE9]) + Data("</title><description>x</description></item></channel></rss>".utf8)
        var withNUL = Data("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>nul</title><item><guid>n1</guid><title>a".utf8)
        withNUL += Data([0x00]) + Data("b</title><description>c".utf8) + Data([0x00, 0x00]) + Data("d</description></item>".utf8)
        withNUL += Data("<item><guid>n2</guid><title>after the NUL</title><description>e</description></item></channel></rss>".utf8)

        for (name, data, expected) in [("utf8", invalidUTF8, 2), ("lying", lying, 1), ("nul", withNUL, 2)] {
            let parsed = try FeedParser.parse(data: data, url: "http://example.invalid/\(name).xml")
            #expect(parsed.entries.count == expected, "\(name): \(parsed.entries.map(\.stableID))")
            for entry in parsed.entries {
                for text in [entry.title, entry.summary, entry.content].compactMap({ $0 }) {
                    #expect(!text.unicodeScalars.contains("\u{0}"), "\(name): NUL kept in \(text.debugDescription)")
                }
            }
        }

        let (server, _) = try serve(["utf8.xml": invalidUTF8, "lying.xml": lying, "nul.xml": withNUL])
        defer { server.stop() }
        let db = try Reliability.database()
        for name in ["utf8", "lying", "nul"] { _ = try await db.addFeed(url: server.url("/files/\(name).xml")) }
        let summary = try await Poller(db: db, options: neverPages()).run()
        #expect(summary.failed == 0, "\(summary.failures)")
        #expect(try await db.entryCount() == 5)
        #expect(try await db.integrityCheck() == ["ok"])
    }

    @Test("pages with invalid UTF-8, a lying charset and NUL bytes extract to text without NULs")
    func invalidPages() throws {
        let paragraph = String(repeating: "The harbour board met on Monday to discuss the new ferry timetable. ", count: 6)
        let pages: [(String, [UInt8], String?)] = [
            ("utf8", Array("<html><body><article><p>\(paragraph)".utf8) + [0xC3, 0x28, 0xFF] + Array("</p></article></body></html>".utf8), "utf-8"),
            ("lying", Array("<html><head><meta charset=\"utf-16\"></head><body><article><p>\(paragraph) caf".utf8) + [0xE9] + Array("</p></article></body></html>".utf8), "shift_jis"),
            ("nul", Array("<html><body><article><p>\(paragraph)".utf8) + [0, 0, 0] + Array("\(paragraph)</p></article></body></html>".utf8), nil),
        ]
        for (name, bytes, charset) in pages {
            let check = {
                let result = try ArticleExtractor.extract(html: bytes, url: "http://example.invalid/\(name).html", httpCharset: charset)
                let text = result.article.text
                #expect(text.contains("harbour board"), "\(name): \(text.prefix(200))")
                #expect(!text.unicodeScalars.contains("\u{0}"), "\(name): NUL kept")
            }
            try check()
        }
    }

    @Test("10,000 entries in one feed: all stored, the poll completes")
    func tenThousandEntries() async throws {
        let items = (0..<10_000).map { HostileFeeds.item("e\($0)", title: "Entry \($0)", description: "Entry number \($0) of the big feed, w\($0 % 97) v\($0 % 89).") }
        let (server, _) = try serve(["big.xml": Data(HostileFeeds.rss(items: items.joined()).utf8)])
        defer { server.stop() }
        let db = try Reliability.database()
        _ = try await db.addFeed(url: server.url("/files/big.xml"))
        let summary = try await Poller(db: db, options: neverPages()).run()
        #expect(summary.failed == 0, "\(summary.failures)")
        #expect(summary.entriesNew == 10_000)
        #expect(try await db.entryCount() == 10_000)
        #expect(try StoredRows(db.path).int("SELECT count(DISTINCT guid) FROM entry") == 10_000)
    }

    @Test("a 10 MB entry is stored cut to its summary cap (FieldLimits), the cut recorded, and the poll completes")
    func tenMegabyteEntry() async throws {
        let word = "lorem ipsum dolor sit amet consectetur "
        let body = String(repeating: word, count: 10_000_000 / word.utf8.count)
        let (server, _) = try serve(["huge.xml": Data(HostileFeeds.rss(items: HostileFeeds.item("huge", title: "huge", description: body)
                                                                         + HostileFeeds.item("small", title: "small", description: "small")).utf8)])
        defer { server.stop() }
        let db = try Reliability.database()
        _ = try await db.addFeed(url: server.url("/files/huge.xml"))
        let summary = try await Poller(db: db, options: neverPages()).run()
        #expect(summary.failed == 0, "\(summary.failures)")
        #expect(try await db.entryCount() == 2)
        let rows = try StoredRows(db.path)
        let length = try rows.int("SELECT max(length(CAST(summary_html AS BLOB))) FROM entry")
        #expect(length <= FieldLimits.summary && length > FieldLimits.summary - 64, "the big entry's summary is \(length) bytes")
        #expect(try rows.strings("SELECT coalesce(cut_fields, '') FROM entry ORDER BY id") == ["summary", ""])
    }
}
