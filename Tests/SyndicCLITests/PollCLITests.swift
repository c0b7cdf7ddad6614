import Foundation
import Pipeline
import SQLiteStore
import Storage
import Testing
import TestSupport

/// Writes `count` RSS feeds into `dir`, each with `items` entries whose text depends on `round`.
private func writeFeeds(_ dir: URL, count: Int, items: Int, round: Int) throws {
    for f in 0..<count {
        var xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed \(f)</title><link>http://example.invalid/</link>"
        for i in 0..<items {
            let n = round * items + i
            let words = (0..<60).map { "w\((f * 7919 + n * 104_729 + $0 * 31) % 5000)" }.joined(separator: " ")
            xml += "<item><title>Story \(f)-\(n)</title><guid>f\(f)-e\(n)</guid><description>\(words)</description></item>"
        }
        xml += "</channel></rss>"
        try xml.write(to: dir.appendingPathComponent("feed\(f).xml"), atomically: true, encoding: .utf8)
    }
}

@Suite("syndic poll (end to end)")
struct PollCLITests {
    @Test("prints one summary line, nothing with --quiet; a held lock exits 75 naming the holder")
    func summaryQuietAndLock() async throws {
        let cli = try CLIRunner()
        let dir = cli.folder.appendingPathComponent("www")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try writeFeeds(dir, count: 2, items: 3, round: 0)
        let server = try TestHTTPServer(filesDirectory: dir.path)
        defer { server.stop() }
        try await cli.run(["feeds", "add", server.url("/files/feed0.xml"), server.url("/files/feed1.xml")])

        let first = try await cli.run(["poll"])
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("polled 2 feeds (0 not modified, 0 failed); entries: 6 new, 0 updated;"))
        #expect(first.stdout.split(separator: "\n").count == 1)

        let quiet = try await cli.run(["poll", "--force", "--quiet"])
        #expect(quiet.status == 0)
        #expect(quiet.stdout.isEmpty && quiet.stderr.isEmpty)

        let lock = try await SQLiteStore(path: cli.databasePath).acquirePollLock(wait: false)
        let refused = try await cli.run(["poll"])
        #expect(refused.status == 75)
        #expect(refused.stderr.contains("another poll is running (process \(getpid())"))
        await lock.release()
    }

    @Test("a bad SYNDIC_LEASE_SECONDS or SYNDIC_LEASE_BATCH is a usage error naming the variable; nothing is polled")
    func badLeaseSettings() async throws {
        let cli = try CLIRunner()
        #expect(try await cli.run(["feeds", "add", "--no-check", "http://feeds.invalid/rss"]).status == 0)
        for (name, value) in [("SYNDIC_LEASE_SECONDS", "soon"), ("SYNDIC_LEASE_SECONDS", "0"), ("SYNDIC_LEASE_BATCH", "-3")] {
            let result = try await cli.run(["poll", "--full-text", "never"], environment: [name: value])
            #expect(result.status == 64, "\(name)=\(value): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains(name) && result.stderr.contains("'\(value)'"), "\(result.stderr)")
        }
        #expect(try await cli.run(["feeds", "list", "--format", "json"]).stdout.contains("\"last_fetched_at\": null"), "nothing was polled")
    }

    @Test("kill -9 at random moments across 50 polls: the database stays sound, no duplicates, nothing lost")
    func killNine() async throws {
        let cli = try CLIRunner()
        let dir = cli.folder.appendingPathComponent("www")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let feeds = 40, items = 5
        try writeFeeds(dir, count: feeds, items: items, round: 0)
        let server = try TestHTTPServer(filesDirectory: dir.path)
        defer { server.stop() }
        try await cli.run(["feeds", "import", "-"], stdin: (0..<feeds).map { server.url("/files/feed\($0).xml") }.joined(separator: "\n"))

        // 50 children waited for on a thread of its own, not on one of Swift's cooperative threads.
        let killed = try await offThePool {
            var generator = SystemRandomNumberGenerator()
            var killed = 0
            for round in 0..<50 {
                try writeFeeds(dir, count: feeds, items: items, round: round)
                let process = Process()
                process.executableURL = CLIRunner.binary
                process.arguments = ["poll", "--force", "--quiet", "--db", cli.databasePath]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try ProcessLaunch.run(process)
                usleep(UInt32.random(in: 5_000...150_000, using: &generator))
                if process.isRunning {
                    kill(process.processIdentifier, SIGKILL)
                    killed += 1
                }
                process.waitUntilExit()
            }
            return killed
        }
        let final = try await cli.run(["poll", "--force"])
        #expect(final.status == 0, "\(final.stderr)")

        let db = try SQLiteStore(path: cli.databasePath)
        #expect(try await db.integrityCheck() == ["ok"])
        #expect(try await db.unsignedEntries().isEmpty, "every stored entry is signed after a complete poll")
        // Each round's entries of the last feed write are present exactly once (the unique key holds).
        #expect(try await db.entryCount() >= feeds * items)
        let stories = try await db.stories(StoryQuery())
        let inStories = stories.reduce(0) { $0 + $1.copies.count }
        #expect(inStories == (try await db.entryCount()), "every entry belongs to exactly one story")
        #expect(killed > 0, "the test must actually kill some polls")
    }
}

@Suite("syndic poll --retention (end to end)")
struct PollRetentionTests {
    @Test("entries older than the retention are pruned after the poll; stories follow")
    func retention() async throws {
        let cli = try CLIRunner()
        let feed = try cli.write("feed.xml", """
            <?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>http://t.example/</link>
            <item><title>Old news</title><guid>old</guid><description>an item that will be pruned away soon enough</description></item>
            </channel></rss>
            """)
        try await cli.run(["feeds", "add", "--no-check", feed])
        #expect(try await cli.run(["poll"]).status == 0)
        let db = try SQLiteStore(path: cli.databasePath)
        #expect(try await db.entryCount() == 1)
        // Age the entry by two days, then poll with a one-day retention.
        let queue = Process()
        queue.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        queue.arguments = ["python3", "-c", "import sqlite3,sys,time; c=sqlite3.connect(sys.argv[1]); c.execute('update entry set first_seen_at = ?', (time.time()-2*86400,)); c.commit()", cli.databasePath]
        try ProcessLaunch.run(queue); queue.waitUntilExit()
        let polled = try await cli.run(["poll", "--force", "--retention", "1d"])
        #expect(polled.status == 0)
        #expect(polled.stdout.contains("pruned 1 old entries"))
        #expect(try await db.entryCount() == 0)
        #expect(try await db.storyCount() == 0)
        #expect(try await cli.run(["poll", "--retention", "soon"]).status == 64)
    }
}
