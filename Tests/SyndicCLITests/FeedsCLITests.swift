import Foundation
import Testing
import TestSupport

@Suite("syndic feeds (end to end)")
struct FeedsCLITests {
    @Test("--help, --version and a usage error")
    func helpAndVersion() async throws {
        let cli = try CLIRunner()
        let help = try await cli.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("feeds"))
        let version = try await cli.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        let bad = try await cli.run(["feeds", "list", "--format", "yaml"])
        #expect(bad.status == 64)
        let addHelp = try await cli.run(["feeds", "add", "--help"])
        #expect(addHelp.stdout.contains("Example"))
    }

    @Test("add normalizes, reports duplicates, rejects bad URLs with exit 65")
    func add() async throws {
        let cli = try CLIRunner()
        let first = try await cli.run(["feeds", "add", "--no-check", "HTTPS://Example.ORG:443/feed.xml#frag", "--tag", "news"])
        #expect(first.status == 0)
        #expect(first.stdout == "added feed 1: https://example.org/feed.xml\n")
        let again = try await cli.run(["feeds", "add", "--no-check", "https://example.org/feed.xml"])
        #expect(again.stdout == "already subscribed as feed 1: https://example.org/feed.xml\n")
        let bad = try await cli.run(["feeds", "add", "--no-check", "gopher://old.example/1"])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("only reads http, https and file URLs"))
        let list = try await cli.run(["feeds", "list", "--format", "json"])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(parsed.count == 1)
        let keys = Set(parsed[0].keys)
        #expect(keys == ["id", "url", "title", "site_url", "tags", "added_at", "last_fetched_at", "last_status", "last_error",
                         "consecutive_failures", "next_fetch_at", "etag", "last_modified", "disabled_reason", "full_text", "entry_count"])
        #expect(parsed[0]["tags"] as? [String] == ["news"])
        #expect(parsed[0]["last_error"] is NSNull)
    }

    @Test("import reports per line, never aborts; export | import into a new database loses nothing")
    func importExportRoundTrip() async throws {
        let cli = try CLIRunner()
        let list = try cli.write("urls", """
            # comment
            https://a.example/rss world "big news" ~Alpha
            this-is-not-a-url
            https://b.example/atom.xml
            ftp://c.example/feed
            https://a.example/rss
            """)
        let imported = try await cli.run(["feeds", "import", list])
        #expect(imported.status == 0)
        #expect(imported.stdout.contains("imported: 2 added, 1 already present, 2 invalid"))
        #expect(imported.stderr.contains("line 3"))
        let opml = try await cli.run(["feeds", "export"])
        #expect(opml.status == 0)
        let other = try CLIRunner()
        let reimported = try await other.run(["feeds", "import", "-"], stdin: opml.stdout)
        #expect(reimported.stdout.contains("imported: 2 added, 0 already present, 0 invalid"))
        let before = try await cli.run(["feeds", "export", "--format", "urls"]).stdout
        let after = try await other.run(["feeds", "export", "--format", "urls"]).stdout
        #expect(before == after)
        #expect(before.contains("https://a.example/rss world \"big news\" \"~Alpha\""))
    }

    @Test("hostile OPML is refused without reading the file or calling the URL")
    func hostileImport() async throws {
        let cli = try CLIRunner()
        try await cli.run(["migrate"])
        let listener = try LoopbackListener()
        let secret = try cli.write("secret.txt", "TOP-SECRET")
        let opml = try cli.write("evil.opml", """
            <?xml version="1.0"?>
            <!DOCTYPE opml [ <!ENTITY a SYSTEM "file://\(secret)"> <!ENTITY b SYSTEM "http://127.0.0.1:\(listener.port)/x"> ]>
            <opml version="2.0"><body><outline text="&a;&b;" xmlUrl="https://a.example/&a;"/></body></opml>
            """)
        let result = try await cli.run(["feeds", "import", opml])
        #expect(result.status == 65)
        #expect(result.stderr.contains("declares XML entities"))
        #expect(!result.stdout.contains("TOP-SECRET") && !result.stderr.contains("TOP-SECRET"))
        #expect(listener.acceptedConnections() == 0)
        #expect(try await cli.run(["feeds", "list", "--format", "json"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
    }

    @Test("remove takes ids or URLs; an unknown one exits 66")
    func remove() async throws {
        let cli = try CLIRunner()
        try await cli.run(["feeds", "add", "--no-check", "https://a.example/rss", "https://b.example/rss"])
        let removed = try await cli.run(["feeds", "remove", "1", "https://B.example/rss"])
        #expect(removed.status == 0)
        #expect(removed.stdout == "removed feed 1: https://a.example/rss\nremoved feed 2: https://b.example/rss\n")
        let missing = try await cli.run(["feeds", "remove", "42"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("no feed matches '42'"))
    }

    @Test("a database from a newer Syndic is refused with exit 65; an unwritable location with 73")
    func databaseErrors() async throws {
        let cli = try CLIRunner()
        try await cli.run(["migrate"])
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"insert into grdb_migrations values ('v99-future')\"); c.commit()", cli.databasePath]
        try ProcessLaunch.run(sqlite); sqlite.waitUntilExit()
        let newer = try await cli.run(["feeds", "list"])
        #expect(newer.status == 65)
        #expect(newer.stderr.contains("newer Syndic"))
        let blocked = try cli.write("a-file", "x")
        let cannot = try await cli.run(["--help"]) // sanity: the binary runs
        #expect(cannot.status == 0)
        let unwritable = try await cli.run(["feeds", "add", "--no-check", "https://a.example/", "--db", blocked + "/sub/syndic.sqlite"],
                                     useDatabase: false)
        #expect(unwritable.status == 73)
        #expect(unwritable.stderr.contains("cannot create the folder"))
    }

    @Test("add fetches the URL once: a feed gets its title, a web page is searched for the feed it advertises")
    func addWithDiscovery() async throws {
        let cli = try CLIRunner()
        let www = cli.folder.appendingPathComponent("www")
        try FileManager.default.createDirectory(at: www, withIntermediateDirectories: true)
        try """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title><link>http://h.example/</link>
            <item><title>x</title><guid>1</guid></item></channel></rss>
            """.write(to: www.appendingPathComponent("feed.xml"), atomically: true, encoding: .utf8)
        try """
            <!DOCTYPE html><html><head><title>Harbour</title>
            <link rel="alternate" type="application/rss+xml" title="Harbour News (RSS)" href="feed.xml"></head><body>hi</body></html>
            """.write(to: www.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        try "<html><body>no feeds here</body></html>".write(to: www.appendingPathComponent("plain.html"), atomically: true, encoding: .utf8)
        let server = try TestHTTPServer(filesDirectory: www.path)
        defer { server.stop() }

        let direct = try await cli.run(["feeds", "add", server.url("/files/feed.xml")])
        #expect(direct.status == 0)
        #expect(direct.stdout == "added feed 1: \(server.url("/files/feed.xml"))\n")
        let viaPage = try await cli.run(["feeds", "add", server.url("/files/index.html")])
        #expect(viaPage.stdout == "already subscribed as feed 1: \(server.url("/files/feed.xml"))\n")
        let none = try await cli.run(["feeds", "add", server.url("/files/plain.html")])
        #expect(none.status == 65)
        #expect(none.stderr.contains("advertises no feed"))
        let missing = try await cli.run(["feeds", "add", server.url("/status/404")])
        #expect(missing.status == 65)
        let down = try await cli.run(["feeds", "add", "http://127.0.0.1:9/feed.xml"])
        #expect(down.status == 75)
        #expect(down.stderr.contains("Nothing was added"))
        let list = try await cli.run(["feeds", "list", "--format", "json"])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(parsed.map { $0["title"] as? String } == ["Harbour News"])
    }
}

/// Dot segments (`/../`, `/./`) in feed URLs: one subscription however the path is spelled, also for
/// databases whose stored URLs were normalized before dot segments were removed.
@Suite("syndic feeds: dot segments (end to end)")
struct DotSegmentFeedTests {
    @Test("…/nnw/../nnw/macworld.rss and …/nnw/macworld.rss are one subscription")
    func oneSubscription() async throws {
        let cli = try CLIRunner()
        let first = try await cli.run(["feeds", "add", "--no-check", "http://127.0.0.1:9/nnw/../nnw/macworld.rss"])
        #expect(first.stdout == "added feed 1: http://127.0.0.1:9/nnw/macworld.rss\n")
        let again = try await cli.run(["feeds", "add", "--no-check", "http://127.0.0.1:9/nnw/./macworld.rss"])
        #expect(again.stdout == "already subscribed as feed 1: http://127.0.0.1:9/nnw/macworld.rss\n")
    }

    @Test("a URL stored with dot segments by an older Syndic is found: no duplicate on add or import")
    func legacySpelling() async throws {
        let cli = try CLIRunner()
        #expect(try await cli.run(["feeds", "add", "--no-check", "http://127.0.0.1:9/nnw/macworld.rss"]).status == 0)
        // What an older Syndic stored for `feeds add http://127.0.0.1:9/nnw/../nnw/macworld.rss`.
        let legacy = "http://127.0.0.1:9/nnw/../nnw/macworld.rss"
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('update feed set url=? where id=1', (sys.argv[2],)); c.commit()",
                            cli.databasePath, legacy]
        try ProcessLaunch.run(sqlite); sqlite.waitUntilExit()
        #expect(sqlite.terminationStatus == 0)

        let add = try await cli.run(["feeds", "add", "--no-check", legacy])
        #expect(add.stdout == "already subscribed as feed 1: \(legacy)\n", "\(add.stdout)\(add.stderr)")
        let list = try cli.write("urls", "http://127.0.0.1:9/nnw/macworld.rss\nhttp://127.0.0.1:9/nnw/./../nnw/macworld.rss\n")
        let imported = try await cli.run(["feeds", "import", list])
        #expect(imported.stdout.contains("imported: 0 added, 2 already present, 0 invalid"), "\(imported.stdout)")
        let removed = try await cli.run(["feeds", "remove", "http://127.0.0.1:9/nnw/macworld.rss"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(try await cli.run(["feeds", "list", "--format", "json"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
    }
}
