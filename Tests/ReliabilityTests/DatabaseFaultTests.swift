import Foundation
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
            let setup = try SyndicDatabase(path: path)
            for f in 0..<6 { _ = try setup.addFeed(url: server.url("/files/feed\(f).xml")) }
        }
        let limited = try SyndicDatabase(path: path, maxPageCount: 200)  // 800 KB; the feeds need about 2 MB
        var options = PollOptions()
        options.fullText = .never
        do {
            _ = try await Poller(db: limited, options: options).run()
            Issue.record("the poll succeeded although the database was capped at 200 pages")
        } catch let error as StorageError {
            guard case .diskFull = error else { Issue.record("expected diskFull, got \(error)"); return }
            #expect(error.description.contains("disk is full"))
        }

        let db = try SyndicDatabase(path: path)
        #expect(try db.integrityCheck() == ["ok"])
        try Self.expectWholeFeeds(path, entriesPerFeed: 40)
        options.force = true
        let summary = try await Poller(db: db, options: options).run()
        #expect(summary.failed == 0)
        #expect(try db.entryCount() == 240)
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
            let db = try SyndicDatabase(path: path)
            for f in 0..<4 { _ = try db.addFeed(url: server.url("/files/feed\(f).xml")) }
        }

        let full = try SyndicRun.run(["poll", "--full-text", "never"], database: path)
        #expect(full.status != 0, "the poll reported success on a full disk: \(full.stdout)")
        #expect(full.stderr.contains("disk is full"), "\(full.stderr)")
        #expect(!full.stderr.contains("database is locked"))

        // Give the filesystem room again: what was written must be whole, and the next poll completes.
        #expect(Shell.run("mount", ["-o", "remount,size=64m", mountPoint.path]) == 0)
        do {
            let db = try SyndicDatabase(path: path)
            #expect(try db.integrityCheck() == ["ok"])
            try Self.expectWholeFeeds(path, entriesPerFeed: 40)
            let again = try SyndicRun.run(["poll", "--force", "--full-text", "never"], database: path)
            #expect(again.status == 0, "\(again.stderr)")
            #expect(try db.entryCount() == 160)
        }

        #expect(Shell.run("mount", ["-o", "remount,ro", mountPoint.path]) == 0)
        let readOnly = try SyndicRun.run(["feeds", "add", server.url("/files/feed0.xml") + "?again"], database: path)
        #expect(readOnly.status != 0)
        #expect(readOnly.stderr.hasPrefix("syndic: ") && readOnly.stderr.contains(path), "\(readOnly.stderr)")
        #expect(!readOnly.stderr.contains("database is locked"))
        #expect(readOnly.stderr.contains("read-only"), "\(readOnly.stderr)")
        let polled = try SyndicRun.run(["poll", "--force", "--full-text", "never"], database: path)
        #expect(polled.status != 0)
        #expect(polled.stderr.lowercased().contains("read-only"), "\(polled.stderr)")
        #expect(!polled.stderr.contains("database is locked"))
    }

    @Test("another process holds an exclusive transaction for 3 s: `syndic feeds add` waits and succeeds")
    func lockedByAnotherProcess() throws {
        // A real feed, so the command succeeds whether or not `feeds add` fetches the URL first.
        let dir = try Reliability.folder("www")
        try Self.writeBulkyFeeds(dir, count: 1, entries: 1, entryBytes: 100)
        let server = try TestHTTPServer(filesDirectory: dir.path)
        defer { server.stop() }
        let path = try Reliability.folder("db").appendingPathComponent("s.sqlite").path
        _ = try SyndicDatabase(path: path)
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
        try holder.run()
        let said = String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        #expect(said.hasPrefix("locked"))
        let started = Date()
        let added = try SyndicRun.run(["feeds", "add", server.url("/files/feed0.xml")], database: path)
        let waited = Date().timeIntervalSince(started)
        holder.waitUntilExit()
        #expect(added.status == 0, "\(added.stderr)")
        #expect(!added.stderr.contains("database is locked"))
        #expect(waited > 1.5, "feeds add finished in \(waited) s although the database was held for 3 s")
        #expect(try SyndicDatabase(path: path).listFeeds().count == 1)
    }

    @Test("poll, feeds list, feeds add and feeds export at once on one database: no 'database is locked' reaches the user")
    func commandsAtOnce() throws {
        let dir = try Reliability.folder("www")
        try Self.writeBulkyFeeds(dir, count: 8, entries: 30, entryBytes: 600)
        let server = try TestHTTPServer(filesDirectory: dir.path)
        defer { server.stop() }
        let path = try Reliability.folder("db").appendingPathComponent("s.sqlite").path
        do {
            let db = try SyndicDatabase(path: path)
            for f in 0..<8 { _ = try db.addFeed(url: server.url("/files/feed\(f).xml")) }
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
        group.wait()
        for (command, run) in results.all {
            let r = try run.get()
            #expect(r.status == 0, "\(command): \(r.stderr)")
            #expect(!r.stderr.lowercased().contains("database is locked"), "\(command): \(r.stderr)")
        }
        let db = try SyndicDatabase(path: path)
        // The copies added meanwhile may or may not have been polled; the eight original feeds were.
        #expect(try StoredRows(path).int("SELECT count(*) FROM entry WHERE feed_id <= 8") == 240)
        #expect(try db.listFeeds().count == 11)
        #expect(try db.integrityCheck() == ["ok"])
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
        do { try process.run() } catch { return 127 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
