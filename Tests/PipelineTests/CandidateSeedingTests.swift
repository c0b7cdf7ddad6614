import Foundation
import SQLiteStore
import Storage
import Testing
import TestSupport
@testable import Pipeline

/// A placer that seeds its clusterer from the candidate index (the window too large to load whole)
/// places every entry where one that loads the whole window does, across polls: copies found in
/// earlier polls, an excerpt, a developing version, and two supersets merged by their origin.
@Suite("placement seeded from the candidate index")
struct CandidateSeedingTests {
    static let now = Date(timeIntervalSince1970: 1_795_528_800)

    struct Item {
        let link: String
        let paragraphs: [String]
    }

    static func rss(_ title: String, _ items: [Item]) -> String {
        let body = items.map { item in
            """
            <item><title>Story \(item.link)</title><link>http://news.test/\(item.link)</link><guid>\(item.link)</guid>
            <pubDate>Tue, 24 Nov 2026 12:00:00 GMT</pubDate>
            <description><![CDATA[\(item.paragraphs.map { "<p>\($0)</p>" }.joined())]]></description></item>
            """
        }.joined()
        return """
            <?xml version="1.0"?><rss version="2.0"><channel><title>\(title)</title><link>http://news.test/</link>
            \(body)</channel></rss>
            """
    }

    static func story(_ seed: UInt64, _ count: Int = 8) -> [String] { StoryMergePollTests.paragraphs(seed: seed, count: count) }

    /// Three polls: the feeds of each are added before it; later feeds hold copies of earlier stories.
    static let polls: [[(String, [Item])]] = [
        [("f1", [Item(link: "s1-origin", paragraphs: story(11)), Item(link: "s2-origin", paragraphs: story(12))]),
         ("f2", [Item(link: "s1-wire", paragraphs: story(11)), Item(link: "s3-origin", paragraphs: story(13))])],
        [("f3", [Item(link: "s2-excerpt", paragraphs: Array(story(12).prefix(4)) + ["Read the full story on our site today"]),
                 Item(link: "s4-origin", paragraphs: story(14))]),
         ("f4", [Item(link: "s3-developing", paragraphs: story(21, 2) + story(13)),
                 Item(link: "s6-developing", paragraphs: story(22, 5) + story(16)),
                 Item(link: "s6-local", paragraphs: story(16) + story(23, 5))])],
        [("f5", [Item(link: "s6-origin", paragraphs: story(16)), Item(link: "s1-copy", paragraphs: story(11)),
                 Item(link: "s5-origin", paragraphs: story(15))])],
    ]

    /// Runs the polls on a fresh database; returns the stories as sets of item links.
    static func partition(server: TestHTTPServer, dir: URL, wholeWindowLimit: Int) async throws -> Set<Set<String>> {
        let db = try SQLiteStore(path: dir.appendingPathComponent("limit-\(wholeWindowLimit).sqlite").path)
        var options = PollOptions()
        options.fullText = .never
        options.wholeWindowLimit = wholeWindowLimit
        for (round, feeds) in polls.enumerated() {
            for (name, _) in feeds { _ = try await db.addFeed(url: server.url("/files/\(name).xml"), now: now) }
            _ = try await Poller(db: db, options: options).run(now: now.addingTimeInterval(Double(round) * 600))
        }
        #expect(try await db.integrityCheck() == ["ok"])
        let stories = try await db.stories(StoryQuery())
        return Set(stories.map { Set($0.copies.compactMap { $0.url?.replacingOccurrences(of: "http://news.test/", with: "") }) })
    }

    @Test("the same stories as a placer holding the whole window, with the copies of earlier polls found")
    func sameStoriesAsTheWholeWindow() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("syndic-seed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, items) in Self.polls.joined() {
            try Self.rss(name, items).write(to: dir.appendingPathComponent("\(name).xml"), atomically: true, encoding: .utf8)
        }
        let server = try TestHTTPServer(filesDirectory: dir.path)
        defer { server.stop() }
        let whole = try await Self.partition(server: server, dir: dir, wholeWindowLimit: 1_000_000)
        let seeded = try await Self.partition(server: server, dir: dir, wholeWindowLimit: 0)
        let expected: Set<Set<String>> = [
            ["s1-origin", "s1-wire", "s1-copy"], ["s2-origin", "s2-excerpt"], ["s3-origin", "s3-developing"],
            ["s4-origin"], ["s5-origin"], ["s6-developing", "s6-local", "s6-origin"],
        ]
        #expect(whole == expected, "the whole-window placer (reference)")
        #expect(seeded == whole)
    }
}
