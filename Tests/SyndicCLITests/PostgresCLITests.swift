import Foundation
import PostgresStore
import Storage
import Testing
import TestSupport

/// `syndic --db postgres://…` end to end, against the test server (skipped, saying so, when none is
/// configured and this is not CI; see `PostgresTestServer`).
@Suite("PostgreSQL from the command line (end to end)")
struct PostgresCLITests {
    /// A new database on the test server and its `--db` URL; nil (skipped) without a server.
    static func database(create: Bool = true) async throws -> (PostgresLocation, String)? {
        guard PostgresTestServer.required else {
            print(PostgresTestServer.skipMessage)
            return nil
        }
        let location = try PostgresTestServer.newDatabaseLocation()
        if create { try await PostgresTestServer.createDatabase(location) }
        return (location, "postgres://\(location.user)@\(location.host):\(location.port)/\(location.database)?sslmode=disable")
    }

    /// Drops times and ids (they differ between runs: feeds are stored as their fetches finish) from
    /// `stories --format json`, and sorts each story's sites and entries.
    static func timeless(_ json: String) throws -> [[String: String]] {
        let stories = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        return stories.map { story in
            let entries = (story["entries"] as? [[String: Any]] ?? []).map { "\($0["site"] ?? "")|\($0["title"] ?? "")" }.sorted()
            let sites = (story["sites"] as? [String] ?? []).sorted()
            return ["headline": "\(story["headline"] ?? "")", "sources": "\(story["sources"] ?? "")",
                    "sites": sites.joined(separator: ","), "entries": entries.joined(separator: ",")]
        }
    }

    @Test("the same feeds polled into SQLite and into PostgreSQL give the same stories; every command works on a URL")
    func sameStoriesOnBoth() async throws {
        guard let (_, url) = try await Self.database() else { return }
        let sqlite = try await DatabaseAccessCLITests.polled()
        let feeds = try await sqlite.run(["feeds", "export", "--format", "urls"]).stdout
        let cli = try CLIRunner()
        let migrated = try await cli.run(["migrate", "--db", url], useDatabase: false)
        #expect(migrated.status == 0 && migrated.stdout.contains("applied v1-initial"), "\(migrated.stderr)")
        let imported = try await cli.run(["--db", url, "feeds", "import", "-"], stdin: feeds, useDatabase: false)
        #expect(imported.stdout == "imported: 2 added, 0 already present, 0 invalid\n", "\(imported.stderr)")
        let poll = try await cli.run(["poll", "--full-text", "never"], environment: ["SYNDIC_DB": url], useDatabase: false)
        #expect(poll.status == 0 && poll.stdout.contains("entries: 2 new") && poll.stdout.contains("stories: 1 new"), "\(poll.stderr)")
        let onPostgres = try await cli.run(["stories", "--format", "json", "--db", url], useDatabase: false)
        let onSQLite = try await sqlite.run(["stories", "--format", "json"])
        #expect(try Self.timeless(onPostgres.stdout) == Self.timeless(onSQLite.stdout))
        #expect(try Self.timeless(onPostgres.stdout).first?["sources"] == "2")
        for command in DatabaseAccessCLITests.readingCommands {
            let result = try await cli.run(command + ["--db", url], useDatabase: false)
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        #expect(try await cli.run(["story", "1", "--db", url], useDatabase: false).stdout.contains("2 sources"))
        let server = try await ServeProcess.start(database: url)
        #expect(try await DatabaseAccessCLITests.get(server.baseURL + "digest.atom?since=all").contains("Harbour bridge closes"))
        #expect(try await DatabaseAccessCLITests.get(server.baseURL).contains("Harbour bridge closes"))
        #expect(server.stop().status == 0)
        let pruned = try await cli.run(["prune", "--older-than", "30d", "--db", url], useDatabase: false)
        #expect(pruned.status == 0 && pruned.stdout.hasPrefix("pruned 0 entries"), "\(pruned.stdout) \(pruned.stderr)")
        let removed = try await cli.run(["feeds", "remove", "1", "--db", url], useDatabase: false)
        #expect(removed.status == 0, "\(removed.stderr)")
        await #expect(try Self.timeless(cli.run(["stories", "--format", "json", "--db", url], useDatabase: false).stdout).first?["sources"] == "1")
    }

    @Test("two `syndic migrate` started at once on a new database: both succeed, one applies each migration")
    func migrateTwiceAtOnce() async throws {
        guard let (location, url) = try await Self.database() else { return }
        let results = try await withThrowingTaskGroup(of: CLIRunner.Result.self) { group in
            let cli = try CLIRunner()
            for _ in 0..<2 { group.addTask { try await cli.run(["migrate", "--db", url], useDatabase: false) } }
            var results: [CLIRunner.Result] = []
            for try await result in group { results.append(result) }
            return results
        }
        #expect(results.allSatisfy { $0.status == 0 }, "\(results.map(\.stderr))")
        #expect(results.filter { $0.stdout.contains("applied v1-initial") }.count == 1, "\(results.map(\.stdout))")
        #expect(results.filter { $0.stdout.contains("is up to date") }.count == 1, "\(results.map(\.stdout))")
        let recorded = try await PostgresTestServer.strings("SELECT identifier FROM syndic_migrations ORDER BY seq", on: location)
        #expect(recorded.first == "v1-initial" && Set(recorded).count == recorded.count, "\(recorded)")
    }

    @Test("a poll on PostgreSQL is not refused while another process holds the exclusive poll lock: PostgreSQL polls share work by leases")
    func pollsShareWork() async throws {
        guard let (location, url) = try await Self.database() else { return }
        let store = try await PostgresStore.open(location, access: .readWrite)
        let lock = try await store.acquirePollLock(wait: false)
        let cli = try CLIRunner()
        let polled = try await cli.run(["poll", "--db", url], useDatabase: false)
        #expect(polled.status == 0 && polled.stdout.hasPrefix("polled 0 feeds"), "\(polled.stdout) \(polled.stderr)")
        await lock.release()
        await store.close()
    }

    @Test("reading commands never create or migrate a PostgreSQL database; errors never show the password")
    func readersAndErrors() async throws {
        guard let (_, missingURL) = try await Self.database(create: false), let (_, emptyURL) = try await Self.database() else { return }
        let cli = try CLIRunner()
        let missing = try await cli.run(["stories", "--db", missingURL], useDatabase: false)
        #expect(missing.status == 66 && missing.stderr.contains("createdb"), "\(missing.stderr)")
        let empty = try await cli.run(["digest", "--db", emptyURL], useDatabase: false)
        #expect(empty.status == 75 && empty.stderr.contains("run `syndic migrate --db "), "\(empty.stderr)")
        #expect(try await cli.run(["stories", "--db", emptyURL], useDatabase: false).status == 75, "still not migrated")
        let unreachable = try await cli.run(["feeds", "list", "--db", "postgres://syndic:hunter2@127.0.0.1:1/news"], useDatabase: false)
        #expect(unreachable.status == 75 && unreachable.stderr.contains("cannot reach the database server postgres://syndic@127.0.0.1:1/news"),
                "\(unreachable.stderr)")
        #expect(!unreachable.stderr.contains("hunter2"))
        let bad = try await cli.run(["stories", "--db", "postgres://syndic:hunter2@127.0.0.1:1/"], useDatabase: false)
        #expect(bad.status == 64 && !bad.stderr.contains("hunter2"), "\(bad.stderr)")
    }
}
