import Fetch
import Foundation
import SQLiteStore
import Storage
import Testing
import TestSupport

/// Seeds a CLI runner's database through Storage's public API, as a poll would have filled it.
private struct StorySeed {
    let db: SQLiteStore
    private var feeds: [String: Int64] = [:]
    private var counter = 0

    init(_ cli: CLIRunner) throws { db = try SQLiteStore(path: cli.databasePath) }

    /// Adds a story with one copy per (site, title, url); the first founds it. Returns the story id.
    @discardableResult
    mutating func story(_ copies: [(site: String, title: String, url: String)], content: String? = nil,
                        articleText: String? = nil, at time: Date) async throws -> Int64 {
        var storyID: Int64 = 0
        for (index, copy) in copies.enumerated() {
            let feedID: Int64
            if let known = feeds[copy.site] { feedID = known } else {
                feedID = try await db.addFeed(url: "https://\(copy.site)/feed.xml", now: time).id
                feeds[copy.site] = feedID
            }
            counter += 1
            let draft = EntryDraft(guid: "g\(counter)", url: copy.url, title: copy.title, author: nil,
                                   publishedAt: time.addingTimeInterval(Double(index) * 60), updatedAt: nil,
                                   summaryHTML: nil, contentHTML: index == 0 ? content : nil, contentHash: "h\(counter)")
            let entryID = try await db.upsertEntries(feedID: feedID, [draft], now: time)[0].entryID
            if index == 0 {
                storyID = entryID
                if let articleText { try await db.saveArticle(StoredArticle(entryID: entryID, text: articleText, status: .ok)) }
            }
            try await db.applyStoryAssignments([StoryAssignment(entryID: entryID, storyID: storyID, similarity: index == 0 ? 1 : 0.875)],
                                         now: time)
        }
        return storyID
    }
}

@Suite("syndic stories, story, digest (end to end)")
struct StoriesCLITests {
    /// Three stories: a three-site one an hour ago, a one-site hostile one just now, a two-site one two days ago.
    static func seeded() async throws -> (CLIRunner, big: Int64, hostile: Int64, old: Int64) {
        let cli = try CLIRunner()
        var seed = try StorySeed(cli)
        let now = Date()
        let big = try await seed.story([
            ("wire.example", "Council approves new bridge", "https://wire.example/bridge"),
            ("daily.example", "Bridge approved after long debate", "https://daily.example/b"),
            ("gazette.example", "Yes to the bridge", "https://gazette.example/x"),
        ], articleText: "The council approved the bridge on Monday. Work starts in May. It costs $40m. Critics object.",
           at: now.addingTimeInterval(-3600))
        let hostile = try await seed.story([
            ("evil.example", "<script>alert(1)</script>Hostile \u{1B}[31mred", "javascript:alert(2)"),
        ], content: "<p onclick=x>Body <img src=x onerror=alert(3)> text.</p>", at: now.addingTimeInterval(-60))
        let old = try await seed.story([
            ("wire.example", "Old news", "https://wire.example/old"),
            ("daily.example", "Old news again", "https://daily.example/old"),
        ], at: now.addingTimeInterval(-48 * 3600))
        return (cli, big, hostile, old)
    }

    @Test("every command's help has an example")
    func help() async throws {
        let cli = try CLIRunner()
        for command in ["stories", "story", "digest"] {
            let help = try await cli.run([command, "--help"])
            #expect(help.status == 0)
            #expect(help.stdout.contains("Examples:"), "\(command)")
        }
    }

    @Test("stories: most sources first, fits 80 columns, no colour off a terminal, filters")
    func storiesTable() async throws {
        let (cli, big, hostile, old) = try await Self.seeded()
        let all = try await cli.run(["stories"])
        #expect(all.status == 0)
        let lines = all.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(!all.stdout.contains("\u{1B}"))
        let ids = lines.compactMap { Int64($0.prefix(7).trimmingCharacters(in: .whitespaces)) }
        #expect(ids == [big, old, hostile])
        #expect(all.stdout.contains("Council approves new bridge"))
        #expect(all.stdout.contains("wire.example, daily.example, gazette.example"))
        let recent = try await cli.run(["stories", "--since", "24h", "--min-sources", "2"])
        #expect(recent.stdout.contains("Council approves") && !recent.stdout.contains("Old news") && !recent.stdout.contains("Hostile"))
        let bad = try await cli.run(["stories", "--since", "yesterday"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("not a time"))
    }

    @Test("stories --format json has exactly the documented shape")
    func storiesJSON() async throws {
        let (cli, big, _, _) = try await Self.seeded()
        let result = try await cli.run(["stories", "--format", "json", "--limit", "1"])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(parsed.count == 1)
        #expect(Set(parsed[0].keys) == ["id", "headline", "sources", "published", "first_seen", "last_seen", "sites", "entries"])
        #expect(parsed[0]["id"] as? Int64 == big || (parsed[0]["id"] as? Int).map(Int64.init) == big)
        #expect(parsed[0]["sources"] as? Int == 3)
        let entries = try #require(parsed[0]["entries"] as? [[String: Any]])
        #expect(entries.count == 3)
        #expect(Set(entries[0].keys) == ["id", "feed_id", "site", "title", "url", "published"])
        #expect(entries[0]["url"] as? String == "https://wire.example/bridge")
    }

    @Test("story ID: copies with similarity and the representative's text; unknown ids exit 66")
    func story() async throws {
        let (cli, big, hostile, _) = try await Self.seeded()
        let text = try await cli.run(["story", String(big)])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Story \(big): Council approves new bridge"))
        #expect(text.stdout.contains("(representative)"))
        #expect(text.stdout.contains("similarity 0.88"))
        #expect(text.stdout.contains("The council approved the bridge on Monday."))
        let json = try await cli.run(["story", String(big), "--format", "json"])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((parsed["entries"] as? [[String: Any]])?.count == 3)
        #expect(parsed["lead"] as? String == "The council approved the bridge on Monday. Work starts in May. It costs $40m.")
        let evil = try await cli.run(["story", String(hostile)])
        #expect(!evil.stdout.contains("\u{1B}") && !evil.stdout.contains("javascript:") && !evil.stdout.contains("<script"))
        #expect(evil.stdout.contains("(unsafe link hidden)"))
        let missing = try await cli.run(["story", "999999"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("syndic stories"))
        #expect(try await cli.run(["story", "abc"]).status == 64)
    }

    @Test("digest: every format, default window 24h, deterministic, --output written atomically")
    func digest() async throws {
        let (cli, _, _, _) = try await Self.seeded()
        let markdown = try await cli.run(["digest"])
        #expect(markdown.status == 0)
        #expect(markdown.stdout.hasPrefix("# Syndic digest\n"))
        #expect(markdown.stdout.contains("## [Council approves new bridge](<https://wire.example/bridge>)"))
        #expect(!markdown.stdout.contains("Old news"))  // older than 24h
        #expect(try await cli.run(["digest"]).stdout == markdown.stdout)
        let all = try await cli.run(["digest", "--since", "all", "--min-sources", "2", "--format", "text"])
        #expect(all.stdout.contains("Old news") && !all.stdout.contains("Hostile"))
        for format in ["html", "json", "atom", "rss", "jsonfeed", "text"] {
            let result = try await cli.run(["digest", "--format", format, "--title", "T", "--self-url", "https://n.example/d"])
            #expect(result.status == 0, "\(format): \(result.stderr)")
            #expect(result.stdout.contains("Council approves new bridge"), "\(format)")
            #expect(!result.stdout.lowercased().contains("<script") && !result.stdout.contains("javascript:"), "\(format)")
        }
        let path = cli.folder.appendingPathComponent("digest.atom").path
        let written = try await cli.run(["digest", "--format", "atom", "--output", path])
        #expect(written.status == 0)
        #expect(written.stderr.contains("wrote 2 stories"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == (try await cli.run(["digest", "--format", "atom"])).stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).allSatisfy { !$0.contains(".tmp-") })
        let unwritable = try await cli.run(["digest", "--output", "/nonexistent-folder/x.md"])
        #expect(unwritable.status == 73)
        #expect(try await cli.run(["digest", "--self-url", "javascript:alert(1)"]).status == 64)
        #expect(try await cli.run(["digest", "--format", "pdf"]).status == 64)
    }

    @Test("serve: prints its loopback address, answers /healthz and the digest, stops cleanly on SIGTERM")
    func serve() async throws {
        let (cli, _, _, _) = try await Self.seeded()
        // Started as a user would (`serve --port 0`, the default loopback address); never outlives the test.
        let server = try await ServeProcess.start(database: cli.databasePath)
        let base = server.baseURL
        defer { _ = server.stop() }
        // Syndic's own libcurl client (FoundationNetworking's URLSession leaks libcurl handles under LeakSanitizer).
        let fetcher = Fetcher()
        let health = try await fetcher.fetch(FetchRequest(url: base + "healthz")).get()
        #expect(health.status == 200)
        #expect(String(decoding: health.body, as: UTF8.self) == "ok\n")
        let atom = try await fetcher.fetch(FetchRequest(url: base + "digest.atom")).get()
        #expect(atom.headers["Content-Type"] == "application/atom+xml; charset=utf-8")
        #expect(String(decoding: atom.body, as: UTF8.self).contains("Council approves new bridge"))
        let stopped = server.stop()
        #expect(stopped.exitedNormally && stopped.status == 0, "\(stopped.stderr)")
    }
}
