import Foundation
import SQLiteStore
import Storage
import Testing
import TestSupport

@Suite("syndic feeds edit and --tag filters (end to end)")
struct FeedsEditCLITests {
    static func feedsJSON(_ cli: CLIRunner) async throws -> [[String: Any]] {
        let list = try await cli.run(["feeds", "list", "--format", "json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
    }

    @Test("edit changes title, tags, polling and full text by id or URL; only what is given")
    func edit() async throws {
        let cli = try CLIRunner()
        #expect(try await cli.run(["feeds", "add", "--no-check", "--tag", "news", "https://a.example/feed.xml", "https://b.example/rss"]).status == 0)
        let titled = try await cli.run(["feeds", "edit", "1", "--title", "Alpha", "--tag", "world", "--tag", "tech"])
        #expect(titled.status == 0, "\(titled.stderr)")
        #expect(titled.stdout.contains("feed 1: https://a.example/feed.xml") && titled.stdout.contains("tags:      news, world, tech"))
        var feeds = try await Self.feedsJSON(cli)
        #expect(feeds[0]["title"] as? String == "Alpha" && feeds[0]["tags"] as? [String] == ["news", "world", "tech"])
        #expect(feeds[1]["tags"] as? [String] == ["news"], "the other feed is unchanged")

        let byURL = try await cli.run(["feeds", "edit", "HTTPS://A.example/feed.xml", "--untag", "TECH", "--untag", "news", "--disable",
                                 "--full-text", "always"])
        #expect(byURL.status == 0, "\(byURL.stderr)")
        feeds = try await Self.feedsJSON(cli)
        #expect(feeds[0]["tags"] as? [String] == ["world"] && feeds[0]["title"] as? String == "Alpha")
        #expect((feeds[0]["disabled_reason"] as? String)?.contains("feeds edit --disable") == true)
        #expect(feeds[0]["full_text"] as? String == "always")
        #expect(try await cli.run(["feeds", "list"]).stdout.contains("DISABLED"))

        let back = try await cli.run(["feeds", "edit", "1", "--enable", "--full-text", "default", "--title", ""])
        #expect(back.status == 0)
        feeds = try await Self.feedsJSON(cli)
        #expect(feeds[0]["disabled_reason"] is NSNull && feeds[0]["full_text"] is NSNull && feeds[0]["title"] is NSNull)
        #expect(feeds[0]["tags"] as? [String] == ["world"])
    }

    @Test("feeds list's table shows last fetch, next fetch and tags; piped, nothing is clipped")
    func listColumns() async throws {
        let cli = try CLIRunner()
        let feed = try cli.write("feed.xml", """
            <?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>http://t.invalid/</link><ttl>60</ttl>
            <item><title>One</title><guid>one</guid><description>text</description></item></channel></rss>
            """)
        let long = "https://a-very-long-host-name.example/and/a/long/path/to/the/feed/that/goes/on/and/on.xml"
        #expect(try await cli.run(["feeds", "add", "--no-check", "--tag", "world", "--tag", "tech", feed, long]).status == 0)
        #expect(try await cli.run(["poll", "--feed", "1", "--full-text", "never"]).status == 0)
        #expect(try await cli.run(["feeds", "edit", "2", "--disable"]).status == 0)
        let table = try await cli.run(["feeds", "list"]).stdout.split(separator: "\n").map(String.init)
        #expect(table[0] == "   ID  STATUS    ENTRIES  LAST(UTC)    NEXT(UTC)    TAGS              FEED", "\(table[0])")
        let polled = try #require(table.first { $0.hasPrefix("    1  ") })
        #expect(polled.range(of: #"^    1  200             1  \d\d-\d\d \d\d:\d\d  \d\d-\d\d \d\d:\d\d  world,tech        T <file://"#,
                             options: .regularExpression) != nil, "\(polled)")
        let disabled = try #require(table.first { $0.hasPrefix("    2  ") })
        #expect(disabled.hasPrefix("    2  DISABLED        0  never        -            world,tech        \(long)"), "\(disabled)")
    }

    @Test("a disabled feed is not polled; enabled again, it is")
    func disabledIsNotPolled() async throws {
        let cli = try CLIRunner()
        let feed = try cli.write("feed.xml", """
            <?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>http://t.invalid/</link>
            <item><title>One</title><guid>one</guid><description>text</description></item></channel></rss>
            """)
        #expect(try await cli.run(["feeds", "add", "--no-check", feed]).status == 0)
        #expect(try await cli.run(["feeds", "edit", "1", "--disable"]).status == 0)
        let idle = try await cli.run(["poll", "--force", "--full-text", "never"])
        #expect(idle.status == 0 && idle.stdout.contains("polled 0 feeds"), "\(idle.stdout)")
        #expect(try await cli.run(["feeds", "edit", "1", "--enable"]).status == 0)
        let polled = try await cli.run(["poll", "--full-text", "never"])
        #expect(polled.stdout.contains("polled 1 feed") && polled.stdout.contains("entries: 1 new"), "\(polled.stdout)")
    }

    @Test("bad edits: unknown feed 66, nothing to change or contradictions 64, nothing written")
    func badEdits() async throws {
        let cli = try CLIRunner()
        #expect(try await cli.run(["feeds", "add", "--no-check", "https://a.example/feed.xml"]).status == 0)
        let missing = try await cli.run(["feeds", "edit", "9", "--tag", "x"])
        #expect(missing.status == 66 && missing.stderr.contains("9"), "\(missing.stderr)")
        let nothing = try await cli.run(["feeds", "edit", "1"])
        #expect(nothing.status == 64 && nothing.stderr.contains("nothing to change"))
        let both = try await cli.run(["feeds", "edit", "1", "--tag", "x", "--untag", "x"])
        #expect(both.status == 64 && both.stderr.contains("contradict"))
        let twoWays = try await cli.run(["feeds", "edit", "1", "--enable", "--disable"])
        #expect(twoWays.status == 64)
        let mode = try await cli.run(["feeds", "edit", "1", "--full-text", "sometimes"])
        #expect(mode.status == 64 && mode.stderr.contains("always"))
        await #expect(try Self.feedsJSON(cli)[0]["tags"] as? [String] == [])
    }

    /// Three stories: one carried by a world-tagged feed and an untagged one, one only on the world
    /// feed, one only on an untagged feed.
    static func taggedWorld() async throws -> CLIRunner {
        let cli = try CLIRunner()
        let world = StoryWorld(store: try SQLiteStore(path: cli.databasePath))
        let now = Date()
        try await world.addStory([.init(site: "w.example", title: "Shared bridge story"), .init(site: "x.example", title: "Bridge, again")],
                                 at: now.addingTimeInterval(-3600))
        try await world.addStory([.init(site: "w.example", title: "World only story")], at: now.addingTimeInterval(-1800))
        try await world.addStory([.init(site: "x.example", title: "Untagged only story")], at: now.addingTimeInterval(-600))
        await world.db.close()
        #expect(try await cli.run(["feeds", "edit", "https://w.example/feed.xml", "--tag", "World"]).status == 0)
        return cli
    }

    @Test("stories and digest --tag list only stories with a copy from a tagged feed; an unknown tag is 66 naming the tags")
    func tagFilters() async throws {
        let cli = try await Self.taggedWorld()
        let stories = try await cli.run(["stories", "--tag", "world"])
        #expect(stories.status == 0, "\(stories.stderr)")
        #expect(stories.stdout.contains("Shared bridge story") && stories.stdout.contains("World only story"))
        #expect(!stories.stdout.contains("Untagged only story"))
        #expect(try await cli.run(["stories"]).stdout.contains("Untagged only story"))

        let digest = try await cli.run(["digest", "--tag", "World", "--format", "json"])
        #expect(digest.status == 0, "\(digest.stderr)")
        #expect(digest.stdout.contains("World only story") && !digest.stdout.contains("Untagged only story"))

        let unknown = try await cli.run(["digest", "--tag", "wrold"])
        #expect(unknown.status == 66)
        #expect(unknown.stderr.contains("no feed is tagged \"wrold\"") && unknown.stderr.contains("tags in use: World"), "\(unknown.stderr)")
        #expect(try await cli.run(["stories", "--tag", "wrold"]).status == 66)
    }
}
