import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PostgresStore
import Storage
import Testing
import TestSupport

/// Several `syndic poll` on one PostgreSQL database (issue 18 §2): leases, politeness across pollers,
/// one story graph, and a poller killed with SIGKILL. Skipped, saying so, without a test server.
@Suite("shared polls on PostgreSQL (end to end)")
struct SharedPollCLITests {
    static let hosts = ["a.example", "b.example", "c.example"]

    /// 30 feeds on three host names (all mapped to the loopback server), each a second slow to answer:
    /// feed i carries one story of its own and copy k = i % 10 of ten stories that three feeds on three
    /// different hosts carry. So 60 entries, 40 stories, ten of them with three sources.
    struct World {
        let cli: CLIRunner
        let server: TestHTTPServer
        let url: String
        let location: PostgresLocation
        let environment: [String: String]
        var feedTargets: [String] = []
    }

    static func world(delay: Double) async throws -> World? {
        guard let (location, url) = try await PostgresCLITests.database() else { return nil }
        let cli = try CLIRunner()
        let www = cli.folder.appendingPathComponent("www")
        try FileManager.default.createDirectory(at: www, withIntermediateDirectories: true)
        for i in 0..<30 {
            var feed = SimulatedFeed(title: "Feed \(i)")
            feed.items = [
                .init(guid: "own-\(i)", title: "Local story \(i)", published: nil, text: SimulatedFeed.words(seed: 1_000 + i)),
                .init(guid: "wire-\(i % 10)", title: "Wire story \(i % 10)", published: nil, text: SimulatedFeed.words(seed: i % 10)),
            ]
            try feed.write(to: www, name: "feed\(i).xml")
        }
        let server = try await TestHTTPServer.start(filesDirectory: www.path)
        let resolve = hosts.map { "\($0):\(server.port):127.0.0.1" }.joined(separator: ",")
        var world = World(cli: cli, server: server, url: url, location: location,
                          environment: ["SYNDIC_DB": url, "SYNDIC_RESOLVE": resolve, "SYNDIC_LEASE_BATCH": "5"])
        var lines: [String] = []
        for i in 0..<30 {
            let host = hosts[i % 3]
            let path = "/files/feed\(i).xml?delay=\(delay)"
            lines.append("http://\(host):\(server.port)\(path)")
            world.feedTargets.append("\(host):\(server.port)\(path)")
        }
        let imported = try await cli.run(["feeds", "import", "-"], stdin: lines.joined(separator: "\n"),
                                         environment: world.environment, useDatabase: false)
        #expect(imported.status == 0 && imported.stdout.contains("30 added"), "\(imported.stdout) \(imported.stderr)")
        return world
    }

    /// `polled N feeds` of a poll's summary line.
    static func polledCount(_ output: String) -> Int? {
        guard let range = output.range(of: #"polled (\d+) feeds"#, options: .regularExpression) else { return nil }
        return Int(output[range].split(separator: " ")[1])
    }

    static func stories(_ world: World) async throws -> [[String: Any]] {
        let listed = try await world.cli.run(["stories", "--format", "json", "--limit", "1000"], environment: world.environment, useDatabase: false)
        return try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]], "\(listed.stderr)")
    }

    @Test("three polls at once fetch every feed exactly once, keep 2 connections per host across them, and fold copies fetched by different polls into one story")
    func threePollsAtOnce() async throws {
        guard let world = try await Self.world(delay: 1) else { return }   // one poll alone: 15 s, so the others start in time
        defer { world.server.stop() }
        async let first = world.cli.run(["poll", "--full-text", "never"], environment: world.environment, useDatabase: false)
        async let second = world.cli.run(["poll", "--full-text", "never"], environment: world.environment, useDatabase: false)
        async let third = world.cli.run(["poll", "--full-text", "never"], environment: world.environment, useDatabase: false)
        let polls = try await [first, second, third]
        for poll in polls { #expect(poll.status == 0, "\(poll.stdout) \(poll.stderr)") }
        let counts = polls.map { Self.polledCount($0.stdout) ?? -1 }
        print("SharedPollCLITests: feeds polled by each of three polls: \(counts)")
        #expect(counts.reduce(0, +) == 30, "\(polls.map(\.stdout))")
        #expect(counts.filter { $0 > 0 }.count >= 2, "the work was shared: \(counts)")

        let stats = try world.server.stats()
        for target in world.feedTargets {
            #expect(stats.requests_per_target[target] == 1, "\(target) fetched \(stats.requests_per_target[target] ?? 0) times")
        }
        for host in Self.hosts {
            let peak = stats.max_concurrent_per_host["\(host):\(world.server.port)"] ?? 0
            #expect(peak >= 1 && peak <= 2, "\(host): \(peak) requests at once across the polls")
        }
        let stories = try await Self.stories(world)
        #expect(stories.count == 40, "\(stories.count) stories")
        let wire = stories.filter { ($0["headline"] as? String)?.hasPrefix("Wire story") == true }
        #expect(wire.count == 10 && wire.allSatisfy { ($0["sources"] as? Int) == 3 }, "\(wire.map { $0["sources"] ?? "?" })")
        let store = try await PostgresStore.open(world.location, access: .readWrite)
        #expect(try await store.unplacedEntries(limit: 100).isEmpty, "every entry is in a story")
        #expect(try await store.entryCount() == 60)
        await store.close()
    }

    @Test("a poll killed with SIGKILL holding leases loses nothing but time: its feeds are claimed after the leases expire, and only feeds it held are fetched twice")
    func killedPollerLosesOnlyTime() async throws {
        guard let world = try await Self.world(delay: 1) else { return }
        defer { world.server.stop() }
        let env = world.environment.merging(["SYNDIC_LEASE_SECONDS": "6"]) { $1 }
        let store = try await PostgresStore.open(world.location, access: .readWrite)
        let victim = try BackgroundCommand(arguments: ["poll", "--quiet", "--full-text", "never"], environment: env)
        // Killed once it holds leases (its first claim; a loaded machine may take seconds to get there),
        // long before it could finish (at least 15 s of work).
        let deadline = Date().addingTimeInterval(120)
        while try await Self.leasedFeeds(world).isEmpty, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        victim.kill()
        let held = try await Self.leasedFeeds(world)
        try #require(!held.isEmpty, "the killed poll held leases")
        // Nobody may take a live lease. Its leases were renewed at most 2 s before the kill, so they
        // normally live 4 s more and the probe gets nothing; whatever it does get must have expired.
        let expiries = try await PostgresTestServer.strings(
            "SELECT id::text || ' ' || lease_until::text FROM feed WHERE lease_owner IS NOT NULL", on: world.location)
        let until = Dictionary(uniqueKeysWithValues: expiries.map { line -> (Int64, Double) in
            let parts = line.split(separator: " ")
            return (Int64(parts[0]) ?? -1, Double(parts[1]) ?? 0)
        })
        let probeTime = Date()
        let probe = try await store.claimFeeds(LeaseClaim(owner: "probe", limit: 100, until: probeTime.addingTimeInterval(60), now: probeTime,
                                                          force: true, feedIDs: held))
        for taken in probe {
            #expect((until[taken.feed.id] ?? .infinity) < probeTime.timeIntervalSince1970,
                    "feed \(taken.feed.id) was taken while its lease ran until \(until[taken.feed.id] ?? 0), at \(probeTime.timeIntervalSince1970)")
        }
        print("SharedPollCLITests: the probe, \(String(format: "%.2f", Date().timeIntervalSince(probeTime))) s, took \(probe.count) of \(held.count) held feeds")
        try await store.releaseLeases(owner: "probe")

        try await Task.sleep(for: .seconds(6.5))
        let late = try await world.cli.run(["poll", "--full-text", "never"], environment: env, useDatabase: false)
        #expect(late.status == 0, "\(late.stdout) \(late.stderr)")
        #expect(try await Self.leasedFeeds(world).isEmpty, "every lease ended with its commit")

        let stats = try world.server.stats()
        let feeds = try await store.listFeeds().map(\.feed)
        let heldTargets = Set(feeds.filter { held.contains($0.id) }.map { $0.url.replacingOccurrences(of: "http://", with: "") })
        var twice = 0
        for target in world.feedTargets {
            let requests = stats.requests_per_target[target] ?? 0
            #expect(requests >= 1, "\(target) was fetched")
            if requests > 1 {
                twice += 1
                #expect(heldTargets.contains(target) && requests == 2, "\(target) fetched \(requests) times; held by the killed poll: \(heldTargets.contains(target))")
            }
        }
        print("SharedPollCLITests: the killed poll held \(held.count) feeds; \(twice) were fetched twice")
        #expect(feeds.allSatisfy { $0.lastFetchedAt != nil }, "every feed was fetched by the end")
        #expect(try await store.unplacedEntries(limit: 100).isEmpty)
        #expect(try await store.entryCount() == 60)
        let stories = try await Self.stories(world)
        #expect(stories.count == 40, "\(stories.count) stories")
        await store.close()
    }

    @Test("with `place --follow` running, polls leave all placing to it and it places what they announce at once (LISTEN/NOTIFY)")
    func followingPlacer() async throws {
        guard let world = try await Self.world(delay: 0) else { return }
        defer { world.server.stop() }
        // --every 600: only an announcement can wake it within this test.
        let follower = try BackgroundCommand(arguments: ["place", "--follow", "--every", "600"], environment: world.environment)
        defer { follower.stop() }
        #expect(try await follower.firstLine().hasPrefix("placing entries as polls store them"))
        let store = try await PostgresStore.open(world.location, access: .readWrite)
        #expect(try await store.acquirePlacerLock(wait: false) == nil, "the follower holds the placer lock")
        async let first = world.cli.run(["poll", "--full-text", "never"], environment: world.environment, useDatabase: false)
        async let second = world.cli.run(["poll", "--full-text", "never"], environment: world.environment, useDatabase: false)
        let polls = try await [first, second]
        for poll in polls {
            #expect(poll.status == 0 && poll.stdout.contains("stories: 0 new, 0 grown"), "polls place nothing themselves: \(poll.stdout) \(poll.stderr)")
        }
        let deadline = Date().addingTimeInterval(120)
        while try await !store.unplacedEntries(limit: 1).isEmpty, Date() < deadline { try await Task.sleep(for: .milliseconds(100)) }
        #expect(try await store.unplacedEntries(limit: 100).isEmpty, "the follower placed everything")
        let stories = try await Self.stories(world)
        #expect(stories.count == 40, "\(stories.count) stories")
        await store.close()
    }

    /// Feeds with a lease recorded (live or expired), read straight from the table.
    static func leasedFeeds(_ world: World) async throws -> [Int64] {
        let rows = try await PostgresTestServer.strings("SELECT id::text FROM feed WHERE lease_owner IS NOT NULL ORDER BY id", on: world.location)
        return rows.compactMap { Int64($0) }
    }
}

/// A long-running `syndic` command in the background (`place --follow`, a poll to kill): its first
/// printed line, SIGTERM or SIGKILL at the end.
final class BackgroundCommand: @unchecked Sendable {
    private let process = Process()
    private let out = Pipe()

    init(arguments: [String], environment: [String: String]) throws {
        process.executableURL = CLIRunner.binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try ProcessLaunch.run(process)
    }

    /// The first line it prints (read off Swift's cooperative threads).
    func firstLine() async throws -> String {
        let handle = out.fileHandleForReading
        return try await offThePool {
            var line = Data()
            while !line.contains(UInt8(ascii: "\n")) {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                line.append(chunk)
            }
            // Keep draining, so the process never blocks on a full pipe.
            Thread { _ = handle.readDataToEndOfFile() }.start()
            return String(decoding: line, as: UTF8.self)
        }
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    /// SIGKILL, as a crash or the OOM killer would, and wait for the end.
    func kill() {
        if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
