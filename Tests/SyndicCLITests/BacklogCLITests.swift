import Foundation
import SyndicCore
import Testing
import TestSupport

/// A feed's first poll brings years of posts: they are stored under their real dates, but not announced.
@Suite("published time and backlog (end to end)")
struct BacklogCLITests {
    static let now = Date(timeIntervalSince1970: 1_793_750_400)  // 2026-11-04T00:00:00Z

    @Test("first poll of an old feed: old posts are backlog, not new; --since and digests go by published time; Atom says the real date")
    func firstPollBacklog() async throws {
        let cli = try CLIRunner()
        let www = cli.folder.appendingPathComponent("www")
        try FileManager.default.createDirectory(at: www, withIntermediateDirectories: true)
        let dates: [(String, Date)] = [
            ("2009", Date(timeIntervalSince1970: 1_240_000_000)), ("2015", Date(timeIntervalSince1970: 1_430_000_000)),
            ("2019", Date(timeIntervalSince1970: 1_560_000_000)),
            ("this-morning", Self.now.addingTimeInterval(-5 * 3600)), ("last-night", Self.now.addingTimeInterval(-10 * 3600)),
        ]
        var feed = SimulatedFeed(title: "Old blog")
        for (index, (name, date)) in dates.enumerated() {
            feed.items.append(.init(guid: name, title: "Post \(name)", link: "http://blog.example/\(name)", published: date,
                                    text: SimulatedFeed.words(seed: index)))
        }
        try feed.write(to: www, name: "feed.xml")
        let server = try TestHTTPServer(filesDirectory: www.path)
        defer { server.stop() }
        #expect(try await cli.run(["feeds", "add", server.url("/files/feed.xml")], environment: simulatedNow(Self.now)).status == 0)

        let poll = try await cli.run(["poll", "--full-text", "never"], environment: simulatedNow(Self.now))
        #expect(poll.stdout.contains("entries: 2 new, 0 updated, 3 backlog;") && poll.stdout.contains("stories: 2 new, 0 grown"),
                "\(poll.stdout)\(poll.stderr)")

        let recent = try await cli.run(["stories", "--since", "24h", "--format", "json"], environment: simulatedNow(Self.now))
        let list = try #require(try JSONSerialization.jsonObject(with: Data(recent.stdout.utf8)) as? [[String: Any]])
        #expect(Set(list.compactMap { $0["headline"] as? String }) == ["Post this-morning", "Post last-night"])
        #expect(list.first?["published"] as? String == Timestamp.rfc3339(Self.now.addingTimeInterval(-5 * 3600)))

        let day = try await cli.run(["digest", "--since", "24h", "--format", "atom"], environment: simulatedNow(Self.now)).stdout
        #expect(day.components(separatedBy: "<entry>").count - 1 == 2, "\(day)")
        #expect(day.contains("<published>\(Timestamp.rfc3339(Self.now.addingTimeInterval(-10 * 3600)))</published>"), "\(day)")

        let all = try await cli.run(["digest", "--since", "all", "--format", "atom"], environment: simulatedNow(Self.now)).stdout
        #expect(all.components(separatedBy: "<entry>").count - 1 == 5)
        for (_, date) in dates {
            #expect(all.contains("<published>\(Timestamp.rfc3339(date))</published>"), "\(date) in \(all)")
        }
        #expect(!all.contains("<published>2026-11-04T00:00:00Z</published>"), "no story is dated by the poll")
    }
}
