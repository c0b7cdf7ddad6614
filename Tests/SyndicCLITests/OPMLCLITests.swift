import Foundation
import Testing
import TestSupport

/// `syndic feeds import` / `export` with OPML as other readers write and read it.
@Suite("syndic feeds import/export: OPML (end to end)")
struct OPMLCLITests {
    /// Subscribes to three feeds with tags and a site URL (through an OPML import).
    static func seeded() async throws -> CLIRunner {
        let cli = try CLIRunner()
        let opml = try cli.write("in.opml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0"><head><title>Mine</title></head><body>
              <outline text="world">
                <outline type="rss" text="Wire" title="Wire" xmlUrl="https://wire.example/rss" htmlUrl="https://wire.example/" category="big news,europe"/>
              </outline>
              <outline type="rss" text="Plain" xmlUrl="https://plain.example/atom.xml"/>
              <outline text="tech"><outline type="rss" text="Gadgets" xmlUrl="https://gadgets.example/feed"/></outline>
            </body></opml>
            """)
        let imported = try await cli.run(["feeds", "import", opml])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("imported: 3 added, 0 already present, 0 invalid"))
        return cli
    }

    static func feeds(_ cli: CLIRunner) async throws -> [[String: Any]] {
        let list = try await cli.run(["feeds", "list", "--format", "json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
    }

    @Test("htmlUrl is kept as the site URL; export writes folders and round-trips through import")
    func foldersRoundTrip() async throws {
        let cli = try await Self.seeded()
        let before = try await Self.feeds(cli)
        #expect(before[0]["site_url"] as? String == "https://wire.example/")
        #expect(before[0]["tags"] as? [String] == ["world", "big news", "europe"])

        let export = try await cli.run(["feeds", "export"])
        #expect(export.status == 0)
        #expect(export.stdout.contains("<outline text=\"world\" title=\"world\">\n      <outline type=\"rss\" text=\"Wire\""))
        #expect(export.stdout.contains("category=\"big news,europe\""))
        #expect(export.stdout.contains("<outline text=\"tech\" title=\"tech\">"))

        let other = try CLIRunner()
        let reimported = try await other.run(["feeds", "import", "-"], stdin: export.stdout)
        #expect(reimported.stdout.contains("imported: 3 added, 0 already present, 0 invalid"))
        let after = try await Self.feeds(other)
        for key in ["url", "title", "site_url", "tags"] {
            #expect(after.map { "\($0[key] ?? "nil")" } == before.map { "\($0[key] ?? "nil")" }, "\(key)")
        }
        #expect(try await other.run(["feeds", "export"]).stdout.replacingOccurrences(of: #"<dateCreated>[^<]*"#, with: "", options: .regularExpression)
                == export.stdout.replacingOccurrences(of: #"<dateCreated>[^<]*"#, with: "", options: .regularExpression))
    }

    @Test("a raw & in xmlUrl (as in Miniflux's own test file) keeps the whole URL")
    func rawAmpersand() async throws {
        let cli = try CLIRunner()
        let opml = try cli.write("raw.opml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0"><head><title>Feeds</title></head><body>
              <outline text="Feed 1" xmlUrl="https://example.org/a&b" htmlUrl="https://example.org/?x=1&y=2"/>
            </body></opml>
            """)
        let imported = try await cli.run(["feeds", "import", opml])
        #expect(imported.status == 0, "\(imported.stderr)")
        let feeds = try await Self.feeds(cli)
        #expect(feeds.map { $0["url"] as? String } == ["https://example.org/a&b"])
        #expect(feeds.first?["site_url"] as? String == "https://example.org/?x=1&y=2")
    }

    @Test("a truncated OPML file is refused with status 65 and nothing is imported")
    func truncated() async throws {
        let cli = try await Self.seeded()
        let whole = try await cli.run(["feeds", "export"]).stdout
        let other = try CLIRunner()
        try await other.run(["migrate"])  // an empty database, so `feeds list` can show that nothing came in
        let cut = try other.write("cut.opml", String(whole.prefix(whole.count * 2 / 3)))
        let result = try await other.run(["feeds", "import", cut])
        #expect(result.status == 65)
        #expect(result.stderr.contains("not well-formed at line") && result.stderr.contains("nothing was imported"), "\(result.stderr)")
        await #expect(try Self.feeds(other).isEmpty)
    }

    /// newsboat 2.x reads Syndic's export with `newsboat -i`: folders become its tags. Skipped, saying
    /// so, where newsboat is not installed (scripts/test.sh installs it with apt-get when it can).
    @Test("newsboat -i reads the export: every feed, each under its folder as a tag")
    func newsboatImport() async throws {
        guard let newsboat = ["/usr/bin/newsboat", "/usr/local/bin/newsboat"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("OPMLCLITests.newsboatImport: SKIPPED — newsboat is not installed (apt-get install newsboat)")
            return
        }
        let cli = try await Self.seeded()
        let export = try cli.write("export.opml", try await cli.run(["feeds", "export"]).stdout)
        let home = cli.folder.appendingPathComponent("newsboat-home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let urls = home.appendingPathComponent("urls").path
        let config = home.appendingPathComponent("config").path
        FileManager.default.createFile(atPath: urls, contents: Data())
        FileManager.default.createFile(atPath: config, contents: Data())
        let run = try await ProcessRunner.run(URL(fileURLWithPath: newsboat),
                                        ["-u", urls, "-c", home.appendingPathComponent("cache.db").path, "-C", config, "-i", export],
                                        environment: ["HOME": home.path, "XDG_CONFIG_HOME": home.path, "XDG_DATA_HOME": home.path],
                                        timeout: 60)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let lines = try String(contentsOfFile: urls, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.sorted() == [
            "https://gadgets.example/feed \"tech\"",
            "https://plain.example/atom.xml",
            "https://wire.example/rss \"world\"",
        ], "newsboat's urls file: \(lines)")
    }
}
