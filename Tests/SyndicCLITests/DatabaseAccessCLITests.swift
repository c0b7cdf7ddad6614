import Fetch
import Foundation
import SQLiteStore
import Storage
import Testing
import TestSupport

/// Which commands may change the database, and how a database is named (issues 14 and 15).
@Suite("database access: read-only use, shared flags, foreign files (end to end)")
struct DatabaseAccessCLITests {
    /// The reading commands with arguments that exercise them on the polled world.
    static let readingCommands: [[String]] = [
        ["stories"], ["stories", "--format", "json"], ["story", "1"], ["digest", "--since", "all", "--format", "atom"],
        ["feeds", "list"], ["feeds", "export"], ["explain", "1", "2"],
    ]

    /// A database polled from two file:// feeds carrying one story (entries 1 and 2, story 1, two sources).
    static func polled() async throws -> CLIRunner {
        let cli = try CLIRunner()
        let words = (0..<90).map { "word\(($0 * 37) % 211)" }.joined(separator: " ")
        var urls: [String] = []
        for site in ["alpha", "beta"] {
            let dir = cli.folder.appendingPathComponent("sites/\(site)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let feed = dir.appendingPathComponent("feed.xml")
            try """
                <?xml version="1.0"?><rss version="2.0"><channel><title>\(site)</title><link>http://\(site).invalid/</link>
                <item><title>Harbour bridge closes</title><guid>\(site)-1</guid><description>\(words)</description></item>
                </channel></rss>
                """.write(to: feed, atomically: true, encoding: .utf8)
            urls.append(feed.absoluteString)
        }
        let added = try await cli.run(["feeds", "add", "--no-check"] + urls)
        #expect(added.status == 0, "\(added.stderr)")
        let poll = try await cli.run(["poll", "--full-text", "never"])
        #expect(poll.status == 0, "\(poll.stderr)")
        return cli
    }

    /// The bytes of every file in `folder` (name → content), to show that nothing changed. SQLite's
    /// shared-memory index (`-shm`) and an empty write-ahead log (`-wal`), which a reader may leave
    /// beside a WAL database, are not its content and are left out.
    static func snapshot(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where !name.hasSuffix("-shm") {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = FileManager.default.contents(atPath: folder + "/" + name) else { continue }
            if name.hasSuffix("-wal"), data.isEmpty { continue }
            files[name] = data
        }
        return files
    }

    @Test("shared flags work before the subcommand (and between its names); SYNDIC_DB still selects the database")
    func sharedFlagsFirst() async throws {
        let cli = try CLIRunner()
        let other = cli.folder.appendingPathComponent("other.sqlite").path
        let imported = try await cli.run(["--db", other, "feeds", "import", "-"], stdin: "https://a.example/rss\nhttps://b.example/rss\n",
                                   useDatabase: false)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "imported: 2 added, 0 already present, 0 invalid\n")
        let quiet = try await cli.run(["--quiet", "--db=\(other)", "feeds", "add", "--no-check", "https://c.example/rss"], useDatabase: false)
        #expect(quiet.status == 0 && quiet.stdout.isEmpty)
        let listed = try await cli.run(["feeds", "--db", other, "list", "--format", "json"], useDatabase: false)
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.components(separatedBy: "\"url\"").count == 4)
        let viaDefault = try await cli.run(["--db", other, "feeds"], useDatabase: false)
        #expect(viaDefault.status == 0 && viaDefault.stdout.contains("https://c.example/rss"), "\(viaDefault.stderr)")
        let viaEnvironment = try await cli.run(["feeds", "list"], environment: ["SYNDIC_DB": other], useDatabase: false)
        #expect(viaEnvironment.status == 0 && viaEnvironment.stdout == viaDefault.stdout)
        #expect(!FileManager.default.fileExists(atPath: cli.databasePath), "only --db's database was used")
        let notShared = try await cli.run(["--db", other, "parse", "x.xml"], useDatabase: false)
        #expect(notShared.status == 64 && notShared.stderr.contains("Unknown option '--db'"),
                "a command without the shared flags still says so: \(notShared.stderr)")
    }

    @Test("reading commands work on a read-only file and in a read-only folder, and change nothing")
    func readOnlyFileAndFolder() async throws {
        let cli = try await Self.polled()
        let reference = try await cli.run(["stories", "--format", "json"])
        #expect(reference.status == 0 && reference.stdout.contains("\"sources\": 2"), "\(reference.stdout) \(reference.stderr)")
        for folderMode in [0o555, 0o777] as [Int16] {
            let folder = cli.folder.appendingPathComponent("ro-\(String(folderMode, radix: 8))").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let copy = folder + "/copy.sqlite"
            try FileManager.default.copyItem(atPath: cli.databasePath, toPath: copy)
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: copy)
            try FileManager.default.setAttributes([.posixPermissions: folderMode], ofItemAtPath: folder)
            let before = try Self.snapshot(folder)
            for command in Self.readingCommands {
                let result = try await cli.run(command + ["--db", copy], useDatabase: false, wrapper: CLIRunner.unprivileged)
                #expect(result.status == 0, "\(command) on a read-only \(folderMode == 0o555 ? "folder" : "file"): \(result.stderr)")
            }
            let stories = try await cli.run(["stories", "--format", "json", "--db", copy], useDatabase: false, wrapper: CLIRunner.unprivileged)
            #expect(stories.stdout == reference.stdout)
            let write = try await cli.run(["feeds", "add", "--no-check", "https://x.example/", "--db", copy], useDatabase: false,
                                    wrapper: CLIRunner.unprivileged)
            #expect(write.status == 73 && write.stderr.contains("read-only"), "\(write.stderr)")
            #expect(try Self.snapshot(folder) == before, "the database file was not changed")
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder)
        }
    }

    @Test("serve reads a read-only database")
    func serveReadOnly() async throws {
        let cli = try await Self.polled()
        let folder = cli.folder.appendingPathComponent("ro-serve").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let copy = folder + "/copy.sqlite"
        try FileManager.default.copyItem(atPath: cli.databasePath, toPath: copy)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: copy)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
        let server = try await ServeProcess.start(database: copy, wrapper: CLIRunner.unprivileged)
        defer { _ = server.stop() }
        let page = try await Self.get(server.baseURL + "digest.md?since=all")
        #expect(page.contains("Harbour bridge closes"))
        #expect(try await Self.get(server.baseURL + "feeds").contains("alpha"))
    }

    /// The body of a GET, with Syndic's own libcurl client.
    static func get(_ url: String) async throws -> String {
        String(decoding: try await Fetcher().fetch(FetchRequest(url: url)).get().body, as: UTF8.self)
    }

    @Test("reading commands never create a database: a missing folder or file is exit 66 and stays missing")
    func readingNeverCreates() async throws {
        let cli = try CLIRunner()
        let missing = cli.folder.appendingPathComponent("missing-dir/x.sqlite").path
        for command in Self.readingCommands + [["serve", "--port", "0"]] {
            let result = try await cli.run(command + ["--db", missing], useDatabase: false)
            #expect(result.status == 66, "\(command): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("no Syndic database at \(missing)"), "\(command): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("missing-dir").path))
    }

    @Test("a database that needs a migration is refused by readers with the command to run; migrate brings it up")
    func needsMigration() async throws {
        let cli = try await Self.polled()
        // Turn the file back into what Syndic's previous schema wrote (v7, before v8-story-published).
        let downgrade = try await ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1])
            c.executescript("DROP INDEX story_rank; DROP INDEX story_published; ALTER TABLE story DROP COLUMN published_at; "
                            "CREATE INDEX story_rank ON story (source_count DESC, last_seen_at DESC, id); "
                            "CREATE INDEX story_last_seen ON story (last_seen_at); "
                            "DELETE FROM grdb_migrations WHERE identifier = 'v8-story-published';")
            c.commit()
            """, cli.databasePath])
        #expect(downgrade.status == 0, "\(downgrade.stderr)")
        let before = try Self.snapshot(cli.folder.path)
        for command in Self.readingCommands {
            let result = try await cli.run(command)
            #expect(result.status == 75, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("needs migrating (v8-story-published)") && result.stderr.contains("run `syndic migrate"),
                    "\(command): \(result.stderr)")
        }
        #expect(try Self.snapshot(cli.folder.path) == before)
        let migrated = try await cli.run(["migrate"])
        #expect(migrated.status == 0)
        #expect(migrated.stdout.hasPrefix("migrated \(cli.databasePath): applied v8-story-published ("), "\(migrated.stdout)")
        let stories = try await cli.run(["stories", "--min-sources", "2"])
        #expect(stories.status == 0 && stories.stdout.contains("Harbour bridge closes"), "\(stories.stderr)")
        #expect(try await cli.run(["migrate"]).stdout.hasPrefix("\(cli.databasePath) is up to date ("))
    }

    @Test("a foreign SQLite file is refused by every command and never modified")
    func foreignRefusedByEveryCommand() async throws {
        let cli = try CLIRunner()
        let made = try await ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c",
            "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)'); c.execute('INSERT INTO invoices VALUES (1, 9.5)'); c.commit()",
            cli.databasePath])
        #expect(made.status == 0, "\(made.stderr)")
        let opml = try cli.write("one.opml", "https://a.example/rss\n")
        let before = try Self.snapshot(cli.folder.path)
        let writing: [[String]] = [["feeds", "add", "--no-check", "https://a.example/"], ["feeds", "import", opml],
                                   ["feeds", "remove", "1"], ["poll"], ["prune", "--older-than", "1d"], ["migrate"],
                                   ["serve", "--port", "0"]]
        for command in Self.readingCommands + writing {
            let result = try await cli.run(command)
            #expect(result.status == 65, "\(command): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("is not a Syndic database (it holds other tables: invoices); it was left untouched"),
                    "\(command): \(result.stderr)")
        }
        #expect(try Self.snapshot(cli.folder.path) == before)
        #expect(!FileManager.default.fileExists(atPath: cli.databasePath + "-wal"))
    }

    @Test("reading commands leave a database byte for byte as it was; writing commands change it")
    func onlyWritersWrite() async throws {
        let cli = try await Self.polled()
        _ = try await cli.run(["feeds", "list"])  // a first reader may leave SQLite's -wal/-shm files; they are not the database
        let before = try Self.snapshot(cli.folder.path)
        for command in Self.readingCommands {
            #expect(try await cli.run(command).status == 0, "\(command)")
        }
        #expect(try Self.snapshot(cli.folder.path) == before)
        #expect(try await cli.run(["feeds", "add", "--no-check", "https://z.example/rss"]).status == 0)
        #expect(try Self.snapshot(cli.folder.path) != before)
    }

    @Test("the poll lock holds through a symlink to the database: a second poll exits 75 naming the holder")
    func pollLockThroughSymlink() async throws {
        let cli = try await Self.polled()
        let link = cli.folder.appendingPathComponent("alias.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: cli.databasePath)
        let lock = try await SQLiteStore(path: cli.databasePath).acquirePollLock(wait: false)
        let refused = try await cli.run(["poll", "--db", link], useDatabase: false)
        #expect(refused.status == 75)
        #expect(refused.stderr.contains("another poll is running (process \(getpid()) on "), "\(refused.stderr)")
        #expect(refused.stderr.contains("holds \(cli.databasePath).lock"), "\(refused.stderr)")
        await lock.release()
        #expect(try await cli.run(["poll", "--db", link], useDatabase: false).status == 0)
    }
}
