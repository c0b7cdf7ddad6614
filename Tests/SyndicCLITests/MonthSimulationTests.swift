import Foundation
import Testing
import TestSupport

/// The promise "every story once" over a month of use, with a clock the test advances (`SYNDIC_NOW`):
/// four loopback feeds that publish, copy, edit, drop and re-add items, polled 7 times a day for 30
/// days with `--retention 7d`; once a day the Atom digest is written and newsboat, subscribed to it,
/// reloads. At the end newsboat holds exactly one item per story published during the month (none for
/// the backlog the feeds listed on the first day), and no story ever changed its id.
@Suite("a month of polls, each story announced once (end to end)")
struct MonthSimulationTests {
    static let start = Date(timeIntervalSince1970: 1_793_491_200)  // 2026-11-01T00:00:00Z
    static let days = 30
    static let pollsPerDay = 7
    static let storiesPerDay = 3

    /// A feed of the simulated world: the stories it carries, how late its copy comes, how long it lists it.
    struct Site: Sendable {
        var name: String
        var carries: @Sendable (Int) -> Bool
        var delay: TimeInterval
        var listedFor: TimeInterval
    }

    static let hour: TimeInterval = 3600, day: TimeInterval = 86_400
    static let sites: [Site] = [
        Site(name: "wire", carries: { _ in true }, delay: 0, listedFor: 3 * day),
        Site(name: "daily", carries: { $0 % 2 == 0 }, delay: 3 * hour, listedFor: 4 * day),
        Site(name: "gazette", carries: { $0 % 3 == 0 }, delay: 7 * hour, listedFor: 5 * day),
        // Lists a copy for 40 days, far beyond the retention: pruned entries it still lists stay pruned.
        Site(name: "archive", carries: { $0 % 5 == 0 }, delay: 30 * hour, listedFor: 40 * day),
    ]

    /// When story `n` (0-based, three a day) is first published.
    static func published(_ n: Int) -> Date {
        start.addingTimeInterval(Double(n / storiesPerDay) * day + [2, 9, 16][n % storiesPerDay] * hour)
    }

    /// Stories published before the month (negative numbers), 10 to 35 days old on the first day: the
    /// archive's backlog, older than the window, stored but never announced.
    static let backlog = Array(-6 ... -1)
    static func backlogPublished(_ n: Int) -> Date { start.addingTimeInterval(Double(n) * 5 * day - 5 * day) }

    /// The items `site` lists at `now`, newest first: each copy from its publication for `listedFor`, with
    /// the month's changes. The wire edits every fourth story 5 hours after publishing it, and drops
    /// every sixth (from n = 2) after a day to list it again on days 9 and 10, after its entry was
    /// pruned; the daily drops every sixth (from n = 4) on its second day and brings it back on the
    /// third; the archive edits every tenth 6.5 days on, when its copy is the story's last one not
    /// pruned; the gazette carries a late copy of every tenth story (from n = 5) 7.5 days on, after the
    /// first copies were pruned.
    static func items(of site: Site, at now: Date) -> [SimulatedFeed.Item] {
        var items: [SimulatedFeed.Item] = []
        let all = backlog + Array(0..<(days * storiesPerDay))
        for n in all {
            let base = n < 0 ? backlogPublished(n) : published(n)
            guard n < 0 ? site.name == "archive" : site.carries(n) else { continue }
            let at = base.addingTimeInterval(site.delay)
            let age = now.timeIntervalSince(at)
            guard age >= 0 else { continue }
            var listed = age < site.listedFor
            if site.name == "wire", n % 6 == 2, age >= day { listed = (9 * day ..< 11 * day).contains(age) }
            if site.name == "daily", n % 6 == 4, (day ..< 2 * day).contains(age) { listed = false }
            guard listed else { continue }
            let edited = (site.name == "wire" && n % 4 == 1 && age >= 5 * hour)
                || (site.name == "archive" && n % 10 == 0 && age >= 6.5 * day)
            items.append(copy(n, site: site.name, published: at, edited: edited))
        }
        if site.name == "gazette" {
            for n in 0..<(days * storiesPerDay) where n % 10 == 5 {
                let at = published(n).addingTimeInterval(7.5 * day)
                let age = now.timeIntervalSince(at)
                if age >= 0, age < 3 * day { items.append(copy(n, site: "gazette-late", published: at, edited: false)) }
            }
        }
        return items.sorted { ($0.published ?? start) > ($1.published ?? start) }
    }

    static func copy(_ n: Int, site: String, published: Date, edited: Bool) -> SimulatedFeed.Item {
        let text = "Reported by \(site). " + SimulatedFeed.words(seed: 1000 + n) + (edited ? " Corrected: the figures were revised." : "")
        return .init(guid: "\(site)-\(n)", title: "Story \(n)" + (edited ? " (corrected)" : ""),
                     link: "http://\(site).example/story/\(n)", published: published, text: text)
    }

    /// The story number in a copy's link (`…/story/N`).
    static func storyNumber(_ link: String) -> Int? {
        link.range(of: "/story/").flatMap { Int(link[$0.upperBound...].prefix { $0 == "-" || $0.isNumber }) }
    }

    @Test("7 polls a day for 30 days with --retention 7d: newsboat shows every story once, and no story id changes")
    func month() async throws {
        let newsboat = ["/usr/bin/newsboat", "/usr/local/bin/newsboat"].first { FileManager.default.isExecutableFile(atPath: $0) }
        if newsboat == nil {
            print("MonthSimulationTests.month: newsboat is not installed (apt-get install newsboat); checking the digests without it")
        }
        let cli = try CLIRunner()
        let www = cli.folder.appendingPathComponent("www")
        try FileManager.default.createDirectory(at: www, withIntermediateDirectories: true)
        func publish(at now: Date) throws {
            for site in Self.sites {
                var feed = SimulatedFeed(title: site.name)
                feed.items = Self.items(of: site, at: now)
                try feed.write(to: www, name: "\(site.name).xml")
            }
        }
        try publish(at: Self.start)
        let server = try TestHTTPServer(filesDirectory: www.path)
        defer { server.stop() }
        let added = try await cli.run(["feeds", "add"] + Self.sites.map { server.url("/files/\($0.name).xml") }, environment: simulatedNow(Self.start))
        #expect(added.status == 0, "\(added.stderr)")

        let home = cli.folder.appendingPathComponent("newsboat")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try (server.url("/files/digest.atom") + "\n").write(to: home.appendingPathComponent("urls"), atomically: true, encoding: .utf8)
        FileManager.default.createFile(atPath: home.appendingPathComponent("config").path, contents: Data())

        var itemIDOf: [Int: Set<String>] = [:]      // story number → digest item ids seen
        var storyOfEntry: [String: Int64] = [:]     // entry link → story id, while the entry exists
        var inDigests = Set<Int>()
        for poll in 0..<(Self.days * Self.pollsPerDay) {
            let now = Self.start.addingTimeInterval(Double(poll) * Self.day / Double(Self.pollsPerDay))
            try publish(at: now)
            let polled = try await cli.run(["poll", "--quiet", "--full-text", "never", "--retention", "7d"], environment: simulatedNow(now))
            #expect(polled.status == 0 && polled.stderr.isEmpty, "poll \(poll): \(polled.stderr)")
            guard (poll + 1) % Self.pollsPerDay == 0 else { continue }

            let digest = try await cli.run(["digest", "--since", "48h", "--format", "atom", "--output", www.appendingPathComponent("digest.atom").path,
                                      "--quiet"], environment: simulatedNow(now))
            #expect(digest.status == 0, "\(digest.stderr)")
            let atom = try String(contentsOf: www.appendingPathComponent("digest.atom"), encoding: .utf8)
            for entry in atom.components(separatedBy: "<entry>").dropFirst() {
                let id = Self.between(entry, "<id>", "</id>")
                for link in entry.components(separatedBy: "href=\"").dropFirst().map({ String($0.prefix { $0 != "\"" }) }) {
                    guard let n = Self.storyNumber(link) else { continue }
                    itemIDOf[n, default: []].insert(id)
                    inDigests.insert(n)
                }
            }
            if let newsboat {
                let reload = try await ProcessRunner.run(URL(fileURLWithPath: newsboat),
                                                   ["-u", home.appendingPathComponent("urls").path, "-c", home.appendingPathComponent("cache.db").path,
                                                    "-C", home.appendingPathComponent("config").path, "-x", "reload"],
                                                   environment: ["HOME": home.path, "XDG_CONFIG_HOME": home.path, "XDG_DATA_HOME": home.path],
                                                   timeout: 60)
                #expect(reload.status == 0, "newsboat: \(reload.stdout)\(reload.stderr)")
            }
            let stories = try await cli.run(["stories", "--format", "json", "--limit", "100000"], environment: simulatedNow(now))
            let list = try #require(try JSONSerialization.jsonObject(with: Data(stories.stdout.utf8)) as? [[String: Any]])
            for story in list {
                let id = try #require((story["id"] as? NSNumber)?.int64Value)
                for entry in story["entries"] as? [[String: Any]] ?? [] {
                    guard let url = entry["url"] as? String else { continue }
                    if let before = storyOfEntry[url] { #expect(before == id, "day \(poll / 7): \(url) moved from story \(before) to \(id)") }
                    storyOfEntry[url] = id
                }
            }
        }

        let month = Set(0..<(Self.days * Self.storiesPerDay))
        let lastPoll = Self.start.addingTimeInterval(Double(Self.days * Self.pollsPerDay - 1) * Self.day / Double(Self.pollsPerDay))
        let late = month.filter { Self.published($0) > lastPoll }
        #expect(inDigests.isSuperset(of: month.subtracting(late)), "stories never in a digest: \(month.subtracting(late).subtracting(inDigests).sorted())")
        #expect(inDigests.isDisjoint(with: Set(Self.backlog)), "backlog announced: \(inDigests.intersection(Set(Self.backlog)).sorted())")
        for (n, ids) in itemIDOf { #expect(ids.count == 1, "story \(n) had item ids \(ids.sorted())") }

        guard newsboat != nil else { return }
        let rows = try await ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", """
            import sqlite3, sys
            for guid, url in sqlite3.connect(sys.argv[1]).execute('SELECT guid, url FROM rss_item'): print(guid + '\\t' + url)
            """, home.appendingPathComponent("cache.db").path], timeout: 60)
        #expect(rows.status == 0, "\(rows.stderr)")
        var itemsOf: [Int: [String]] = [:]
        for line in rows.stdout.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 2, let n = Self.storyNumber(fields[1]) else {
                Issue.record("newsboat item without a story link: \(line)"); continue
            }
            itemsOf[n, default: []].append(fields[0])
        }
        #expect(Set(itemsOf.keys) == inDigests, "newsboat and the digests disagree")
        for (n, guids) in itemsOf.sorted(by: { $0.key < $1.key }) {
            #expect(guids.count == 1, "story \(n) is \(guids.count) newsboat items: \(guids)")
        }
        print("MonthSimulationTests.month: \(itemsOf.count) stories, each one newsboat item; \(storyOfEntry.count) entries kept their story ids")
    }

    static func between(_ text: String, _ open: String, _ close: String) -> String {
        guard let a = text.range(of: open), let b = text.range(of: close, range: a.upperBound..<text.endIndex) else { return "" }
        return String(text[a.upperBound..<b.lowerBound])
    }
}
