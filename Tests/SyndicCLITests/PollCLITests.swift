import Foundation
import Pipeline
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
    func summaryQuietAndLock() throws {
        let cli = try CLIRunner()
        let dir = cli.folder.appendingPathComponent("www")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try writeFeeds(dir, count: 2, items: 3, round: 0)
        let server = try TestHTTPServer(filesDirectory: dir.path)
        defer { server.stop() }
        try cli.run(["feeds", "add", server.url("/files/feed0.xml"), server.url("/files/feed1.xml")])

        let first = try cli.run(["poll"])
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("polled 2 feeds (0 not modified, 0 failed); entries: 6 new, 0 updated;"))
        #expect(first.stdout.split(separator: "\n").count == 1)

        let quiet = try cli.run(["poll", "--force", "--quiet"])
        #expect(quiet.status == 0)
        #expect(quiet.stdout.isEmpty && quiet.stderr.isEmpty)

        let lock = try PollLock(databasePath: cli.databasePath, wait: false)
        let refused = try cli.run(["poll"])
        #expect(refused.status == 75)
        #expect(refused.stderr.contains("another poll is running (process \(getpid())"))
        withExtendedLifetime(lock) {}
    }

    @Test("kill -9 at random moments across 50 polls: the database stays sound, no duplicates, nothing lost")
    func killNine() throws {
        let cli = try CLIRunner()
        let dir = cli.folder.appendingPathComponent("www")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let feeds = 40, items = 5
        try writeFeeds(dir, count: feeds, items: items, round: 0)
        let server = try TestHTTPServer(filesDirectory: dir.path)
        defer { server.stop() }
        try cli.run(["feeds", "import", "-"], stdin: (0..<feeds).map { server.url("/files/feed\($0).xml") }.joined(separator: "\n"))

        var generator = SystemRandomNumberGenerator()
        var killed = 0
        for round in 0..<50 {
            try writeFeeds(dir, count: feeds, items: items, round: round)
            let process = Process()
            process.executableURL = CLIRunner.binary
            process.arguments = ["poll", "--force", "--quiet", "--db", cli.databasePath]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 5_000...150_000, using: &generator))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed += 1
            }
            process.waitUntilExit()
        }
        let final = try cli.run(["poll", "--force"])
        #expect(final.status == 0, "\(final.stderr)")

        let db = try SyndicDatabase(path: cli.databasePath)
        #expect(try db.integrityCheck() == ["ok"])
        #expect(try db.unsignedEntries().isEmpty, "every stored entry is signed after a complete poll")
        // Each round's entries of the last feed write are present exactly once (the unique key holds).
        #expect(try db.entryCount() >= feeds * items)
        let stories = try db.stories(StoryQuery())
        let inStories = stories.reduce(0) { $0 + $1.copies.count }
        #expect(inStories == (try db.entryCount()), "every entry belongs to exactly one story")
        #expect(killed > 0, "the test must actually kill some polls")
    }
}
