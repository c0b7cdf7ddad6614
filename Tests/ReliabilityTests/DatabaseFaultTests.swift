import Fetch
import Foundation
import SQLiteStore
import Storage
import Testing
import TestSupport
@testable import Pipeline

/// A full disk, a read-only file, a database held by another process, and commands running at once.
@Suite("database faults", .serialized)
struct DatabaseFaultTests {
    /// Feeds of `entries` entries of about `entryBytes` each, written into `dir` as feed0.xml…
    static func writeBulkyFeeds(_ dir: URL, count: Int, entries: Int, entryBytes: Int) throws {
        for f in 0..<count {
            let items = (0..<entries).map { e in
                let words = (0..<(entryBytes / 8)).map { "w\((f * 131 + e * 17 + $0) % 9973)" }.joined(separator: " ")
                return HostileFeeds.item("f\(f)-e\(e)", title: "Feed \(f) entry \(e)", description: words)
            }
            try Data(HostileFeeds.rss(items: items.joined()).utf8).write(to: dir.appendingPathComponent("feed\(f).xml"))
        }
    }

    /// Every feed has either all of its entries or none: each feed's entries are committed in one transaction.
    static func expectWholeFeeds(_ path: String, entriesPerFeed: Int) throws {
        let rows = try StoredRows(path)
        let counts = try rows.strings("SELECT CAST(count(*) AS TEXT) FROM entry GROUP BY feed_id")
        for count in counts { #expect(Int(count) == entriesPerFeed, "a feed was half-written: \(counts)") }
        #expect(try rows.int("SELECT count(*) - count(DISTINCT feed_id || ' ' || guid) FROM entry") == 0, "duplicate entries")
    }

    @Test("SQLite's max_page_count reached during a poll: a disk-full error is thrown, nothing is half-written, the next poll completes")
    func maxPageCount() async throws {
        let dir = try Reliability.folder("www")
        try Self.writeBulkyFeeds(dir, count: 6, entries: 40, entryBytes: 4000)
        let server = try TestHTTPServer(filesDirectory: dir.path)
        defer { server.stop() }
        let path = try Reliability.folder("db").appendingPathComponent("s.sqlite").path
        do {
            let setup = try SQLiteStore(path: path)
            for f in 0..<6 { _ = try await setup.addFeed(url: server.url("/files/feed\(f).xml")) }
        }
        let limited = try SQLiteStore(path: path, maxPageCount: 200)  // 800 KB; the feeds need about 2 MB
        var options = PollOptions()
        options.fullText = .never
        do {
            _ = try await Poller(db: limited, options: options).run()
            Issue.record("the poll succeeded although the database was capped at 200 pages")
        } catch let error as StorageError {
            guard case .diskFull = error else { Issue.record("expected diskFull, got \(error)"); return }
            #expect(error.description.contains("disk is full"))
        }

        let db = try SQLiteStore(path: path)
        #expect(try await db.integrityCheck() == ["ok"])
        try Self.expectWholeFeeds(path, entriesPerFeed: 40)
        options.force = true
        let summary = try await Poller(db: db, options: options).run()
        #expect(summary.failed == 0)
        #expect(try await db.entryCount() == 240)
        try Self.expectWholeFeeds(path, entriesPerFeed: 40)
    }

    @Test("a full filesystem (small tmpfs) during `syndic poll`: clear error, non-zero exit, nothing half-written; read-only: clear error")
    func fullAndReadOnlyFilesystem() async throws {
        let mountPoint = try Reliability.folder("tmpfs")
        guard Shell.run("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", mountPoint.path]) == 0 else {
            print("skipped: mounting a tmpfs is not permitted here (needs root); the max_page_count test covers a full database")
            return
        }
        defer { _ = Shell.run("umount", ["-l", mountPoint.path]) }
        let www = try Reliability.folder("www")
        try Self.writeBulkyFeeds(www, count: 4, entries: 40, entryBytes: 4000)
        let server = try TestHTTPServer(filesDirectory: www.path)
        defer { server.stop() }
        let path = mountPoint.appendingPathComponent("syndic.sqlite").path
        do {
            let db = try SQLiteStore(path: path)
            for f in 0..<4 { _ = try await db.addFeed(url: server.url("/files/feed\(f).xml")) }
        }

        let full = try await SyndicRun.run(["poll", "--full-text", "never"], database: path)
        #expect(full.status != 0, "the poll reported success on a full disk: \(full.stdout)")
        #expect(full.stderr.contains("disk is full"), "\(full.stderr)")
        #expect(!full.stderr.contains("database is locked"))

        // Give the filesystem room again: what was written must be whole, and the next poll completes.
        #expect(Shell.run("mount", ["-o", "remount,size=64m", mountPoint.path]) == 0)
        do {
            let db = try SQLiteStore(path: path)
            #expect(try await db.integrityCheck() == ["ok"])
            try Self.expectWholeFeeds(path, entriesPerFeed: 40)
            let again = try await SyndicRun.run(["poll", "--force", "--full-text", "never"], database: path)
            #expect(again.status == 0, "\(again.stderr)")
            #expect(try await db.entryCount() == 160)
        }

        #expect(Shell.run("mount", ["-o", "remount,ro", mountPoint.path]) == 0)
        let readOnly = try await SyndicRun.run(["feeds", "add", server.url("/files/feed0.xml") + "?again"], database: path)
        #expect(readOnly.status != 0)
        #expect(readOnly.stderr.hasPrefix("syndic: ") && readOnly.stderr.contains(path), "\(readOnly.stderr)")
        #expect(!readOnly.stderr.contains("database is locked"))
        #expect(readOnly.stderr.contains("read-only"), "\(readOnly.stderr)")
        let polled = try await SyndicRun.run(["poll", "--force", "--full-text", "never"], database: path)
        #expect(polled.status != 0)
        #expect(polled.stderr.lowercased().contains("read-only"), "\(polled.stderr)")
        #expect(!polled.stderr.contains("database is locked"))
        // Reading commands open the database read-only, so the read-only mount can still be read.
        for command in [["stories", "--format", "json"], ["digest", "--since", "all"], ["feeds", "list"]] {
            let read = try await SyndicRun.run(command, database: path)
            #expect(read.status == 0, "\(command) on a read-only mount: \(read.stderr)")
        }
        #expect(try await SyndicRun.run(["feeds", "list"], database: path).stdout.contains("feed3.xml"))
    }

    @Test("another process holds an exclusive transaction for 3 s: `syndic feeds add` waits and succeeds")
    func lockedByAnotherProcess() async throws {
        // A real feed, so the command succeeds whether or not `feeds add` fetches the URL first.
        let dir = try Reliability.folder("www")
        try Self.writeBulkyFeeds(dir, count: 1, entries: 1, entryBytes: 100)
        let server = try TestHTTPServer(filesDirectory: dir.path)
        defer { server.stop() }
        let path = try Reliability.folder("db").appendingPathComponent("s.sqlite").path
        _ = try SQLiteStore(path: path)
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["python3", "-c", """
            import sqlite3, sys, time
            c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=0)
            c.execute('BEGIN EXCLUSIVE')
            c.execute("UPDATE feed SET title = title")
            print('locked', flush=True)
            time.sleep(3)
            c.execute('COMMIT')
            """, path]
        let out = Pipe()
        holder.standardOutput = out
        try ProcessLaunch.run(holder)
        let said = String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        #expect(said.hasPrefix("locked"))
        let started = Date()
        let added = try await SyndicRun.run(["feeds", "add", server.url("/files/feed0.xml")], database: path)
        let waited = Date().timeIntervalSince(started)
        holder.waitUntilExit()
        #expect(added.status == 0, "\(added.stderr)")
        #expect(!added.stderr.contains("database is locked"))
        #expect(waited > 1.5, "feeds add finished in \(waited) s although the database was held for 3 s")
        #expect(try await SQLiteStore(path: path).listFeeds().count == 1)
    }

    @Test("poll, feeds list, feeds add and feeds export at once on one database: no 'database is locked' reaches the user")
    func commandsAtOnce() async throws {
        let dir = try Reliability.folder("www")
        try Self.writeBulkyFeeds(dir, count: 8, entries: 30, entryBytes: 600)
        let server = try TestHTTPServer(filesDirectory: dir.path)
        defer { server.stop() }
        let path = try Reliability.folder("db").appendingPathComponent("s.sqlite").path
        do {
            let db = try SQLiteStore(path: path)
            for f in 0..<8 { _ = try await db.addFeed(url: server.url("/files/feed\(f).xml")) }
        }
        let results = ResultBox()
        let group = DispatchGroup()
        var commands: [[String]] = [["poll", "--force", "--full-text", "never"]]
        for i in 0..<3 { commands += [["feeds", "list"], ["feeds", "export"], ["feeds", "add", server.url("/files/feed0.xml?copy=\(i)")]] }
        for command in commands {
            group.enter()
            onNewThread {
                let run = Result { try SyndicRun.run(command, database: path) }
                results.append(command.joined(separator: " "), run)
                group.leave()
            }
        }
        await withCheckedContinuation { done in group.notify(queue: .global()) { done.resume() } }
        for (command, run) in results.all {
            let r = try run.get()
            #expect(r.status == 0, "\(command): \(r.stderr)")
            #expect(!r.stderr.lowercased().contains("database is locked"), "\(command): \(r.stderr)")
        }
        let db = try SQLiteStore(path: path)
        // The copies added meanwhile may or may not have been polled; the eight original feeds were.
        #expect(try StoredRows(path).int("SELECT count(*) FROM entry WHERE feed_id <= 8") == 240)
        #expect(try await db.listFeeds().count == 11)
        #expect(try await db.integrityCheck() == ["ok"])
    }

    @Test("`syndic serve` answers every page and digest over HTTP while polls and digests run at once: only 200/304 with content, every command exits 0, no 'database is locked'")
    func serveDuringPollsAndDigests() async throws {
        let dir = try Reliability.folder("www")
        try Self.writeBulkyFeeds(dir, count: 8, entries: 12, entryBytes: 600)
        let server = try await TestHTTPServer.start(filesDirectory: dir.path)
        defer { server.stop() }
        let path = try Reliability.folder("db").appendingPathComponent("s.sqlite").path
        do {
            let db = try SQLiteStore(path: path)
            for f in 0..<8 { _ = try await db.addFeed(url: server.url("/files/feed\(f).xml")) }
        }
        let timeout = 120 * Sanitizer.scaled(5)
        // Half the feeds first, so every page has stories to show from the start.
        let first = try await SyndicRun.run(["poll", "--full-text", "never", "--feed", "1", "--feed", "2", "--feed", "3", "--feed", "4"],
                                      database: path, timeout: timeout)
        #expect(first.status == 0, "\(first.stderr)")

        let serve = try await ServeProcess.start(database: path)
        var stopped = false
        defer { if !stopped { _ = serve.stop() } }

        // Polls that write (the other half, then every feed again with new entries in two of them) and
        // digests in every format that read, all at once; `--wait` queues the polls behind the poll lock.
        try Self.writeBulkyFeeds(dir, count: 2, entries: 14, entryBytes: 600)
        var commands: [[String]] = [
            ["poll", "--wait", "--full-text", "never", "--feed", "5", "--feed", "6"],
            ["poll", "--wait", "--full-text", "never", "--feed", "7", "--feed", "8"],
            ["poll", "--wait", "--force", "--full-text", "never"],
        ]
        for format in ["markdown", "html", "json", "atom", "rss", "jsonfeed", "text"] {
            commands.append(["digest", "--since", "all", "--format", format])
            commands.append(["stories", "--format", "json"])
        }
        let results = ResultBox()
        let running = RunningFlag()
        let group = DispatchGroup()
        for command in commands {
            group.enter()
            onNewThread {
                let run = Result { try SyndicRun.run(command, database: path, timeout: timeout) }
                results.append(command.joined(separator: " "), run)
                group.leave()
            }
        }
        group.notify(queue: .global()) { running.finish() }

        // Meanwhile: every route over real HTTP (libcurl, through Syndic's own fetcher), conditional
        // requests for the digests, story pages taken from the stories list as it changes.
        let client = WebViewClient(base: serve.baseURL, databasePath: path)
        var roundsDuringCommands = 0
        var answers = 0
        repeat {
            let wasRunning = running.isRunning
            answers += try await client.round()
            if wasRunning && running.isRunning { roundsDuringCommands += 1 }
        } while running.isRunning
        // Once more after the last write: the server sees every story the other processes stored.
        answers += try await client.round()
        let stored = try StoredRows(path).int("SELECT count(*) FROM story")
        #expect(client.lastStoryCount == stored, "the stories page lists \(client.lastStoryCount.map(String.init) ?? "?"), the database holds \(stored)")
        print("serve under load: \(answers) HTTP answers, \(roundsDuringCommands) rounds while \(commands.count) commands ran, \(client.notModified) × 304, \(client.storyPages) story pages, \(client.storiesGone) listed stories merged away before their page was asked for")
        #expect(roundsDuringCommands >= 1, "no HTTP round overlapped the commands")
        #expect(client.storyPages >= 2, "no story page was served")
        #expect(client.problems.isEmpty, "\(client.problems.prefix(10))")

        for (command, run) in results.all {
            let r = try run.get()
            #expect(r.status == 0, "\(command): \(r.stderr)")
            #expect(!Self.mentionsLocking(r.stderr), "\(command): \(r.stderr)")
            if command.hasPrefix("digest") { #expect(r.stdout.contains("Feed "), "\(command) printed no story: \(r.stdout.prefix(300))") }
        }
        #expect(try StoredRows(path).int("SELECT count(*) FROM entry") == 6 * 12 + 2 * 14)

        stopped = true
        let end = serve.stop()
        #expect(end.exitedNormally && end.status == 0, "serve ended with \(end.status): \(end.stderr)")
        #expect(!Self.mentionsLocking(end.stderr), "\(end.stderr)")
        #expect(try await SQLiteStore(path: path).integrityCheck() == ["ok"])
    }

    /// What SQLite or Syndic print when a lock was not waited out.
    static func mentionsLocking(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.contains("database is locked") || lower.contains("sqlite_busy") || lower.contains("database is busy")
            || lower.contains("database table is locked")
    }
}

/// Set until the concurrent commands have all ended.
final class RunningFlag: @unchecked Sendable {
    private var running = true
    private let lock = NSLock()
    var isRunning: Bool { lock.lock(); defer { lock.unlock() }; return running }
    func finish() { lock.lock(); running = false; lock.unlock() }
}

/// Requests every route of `syndic serve` through ``Fetcher`` (libcurl) and checks each answer:
/// 200 with the content the route must have, or 304 to a conditional request for a digest.
final class WebViewClient {
    let base: String
    let fetcher: Fetcher
    /// The database the server reads: a story page that answers 404 is a problem only while the story is
    /// still in it (between one round's listing and the next round's request, a poll may merge the story
    /// into another, as a later copy shows two stories to be one).
    let databasePath: String?
    /// Story pages that answered 404 because the story had left the database meanwhile.
    private(set) var storiesGone = 0
    private(set) var problems: [String] = []
    private(set) var notModified = 0
    private(set) var storyPages = 0
    /// "N stories" of the last stories page.
    private(set) var lastStoryCount: Int?
    private var storyIDs: [String] = []
    private var etags: [String: String] = [:]

    /// What a 200 body of each digest path must contain.
    static let digests: [(path: String, marks: [String])] = [
        ("digest.atom?since=all", ["<feed", "</feed>", "Feed "]),
        ("digest.rss?since=all", ["<rss", "</rss>", "Feed "]),
        ("digest.json?since=all", ["\"version\"", "jsonfeed.org", "Feed "]),
        ("digest.html?since=all", ["<html", "</html>", "Feed "]),
        ("digest.md?since=all", ["Feed "]),
    ]

    init(base: String, databasePath: String? = nil) {
        self.base = base
        self.databasePath = databasePath
        var policy = FetchPolicy()
        policy.perHostLimit = 4
        policy.totalTimeout = 60
        fetcher = Fetcher(policy: policy)
    }

    /// One request to every route (two story pages); returns the number of answers checked.
    func round() async throws -> Int {
        var paths: [(path: String, marks: [String], conditional: Bool)] = [
            ("?since=all", ["<h1>Stories</h1>", "/story/"], false),
            ("feeds", ["<h1>Feeds</h1>", "feed0.xml"], false),
            ("healthz", ["ok"], false),
        ]
        for id in storyIDs.prefix(2) { paths.append(("story/\(id)", ["Feed ", "</html>"], false)) }
        for digest in Self.digests { paths.append((digest.path, digest.marks, true)) }
        let requests = paths.map { FetchRequest(url: base + $0.path, etag: $0.conditional ? etags[$0.path] : nil) }
        var checked = 0
        for await (index, result) in fetcher.fetch(requests) {
            let (path, marks, _) = paths[index]
            checked += 1
            switch result {
            case .failure(let error):
                problems.append("\(path): \(error)")
            case .success(let response):
                let body = String(decoding: response.body, as: UTF8.self)
                if DatabaseFaultTests.mentionsLocking(body) { problems.append("\(path): \(response.status) \(body.prefix(300))") }
                if response.status == 304, requests[index].etag != nil {
                    notModified += 1
                    continue
                }
                if response.status == 404, path.hasPrefix("story/"), let databasePath,
                   try StoredRows(databasePath).int("SELECT count(*) FROM story WHERE id = \(Int(path.dropFirst(6)) ?? -1)") == 0 {
                    storiesGone += 1
                    continue
                }
                guard response.status == 200 else {
                    problems.append("\(path): status \(response.status): \(body.prefix(300))")
                    continue
                }
                for mark in marks where !body.contains(mark) { problems.append("\(path): no \(mark) in \(body.prefix(300))") }
                if let etag = response.headers["ETag"] { etags[path] = etag }
                if path == "?since=all" { readStoriesPage(body) }
                if path.hasPrefix("story/") { storyPages += 1 }
            }
        }
        return checked
    }

    /// Story ids linked from the stories page (newest states first) and its "N stories" count.
    private func readStoriesPage(_ html: String) {
        var ids: [String] = []
        var rest = html[...]
        while let range = rest.range(of: "href=\"/story/") {
            let digits = rest[range.upperBound...].prefix { $0.isNumber }
            if !digits.isEmpty, !ids.contains(String(digits)) { ids.append(String(digits)) }
            rest = rest[range.upperBound...]
        }
        // Vary the pages asked for: the first and the last story listed.
        storyIDs = [ids.first, ids.last].compactMap { $0 }
        if let meta = html.range(of: "<p class=\"meta\">") {
            lastStoryCount = Int(html[meta.upperBound...].prefix { $0.isNumber })
        }
    }
}

final class ResultBox: @unchecked Sendable {
    private var items: [(String, Result<SyndicRun, any Error>)] = []
    private let lock = NSLock()
    func append(_ name: String, _ result: Result<SyndicRun, any Error>) { lock.lock(); items.append((name, result)); lock.unlock() }
    var all: [(String, Result<SyndicRun, any Error>)] { lock.lock(); defer { lock.unlock() }; return items }
}

/// Runs a system command, output discarded; returns its exit status (127 when it cannot start).
enum Shell {
    static func run(_ command: String, _ args: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [command] + args
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try ProcessLaunch.run(process) } catch { return 127 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
