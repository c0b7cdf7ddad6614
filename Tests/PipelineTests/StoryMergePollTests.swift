import Foundation
import SQLiteStore
import Storage
import Testing
import TestSupport
@testable import Pipeline

/// A story that arrived as two merges in the database when a later copy bridges them (issue 19):
/// the absorbed story's entries move to the surviving story, which counts as grown, and the other
/// story is gone.
@Suite("story merges across polls")
struct StoryMergePollTests {
    static let now = Date(timeIntervalSince1970: 1_795_528_800)

    /// `count` paragraphs of pseudo-random words (a vocabulary of 20,000), the same for the same seed.
    static func paragraphs(seed: UInt64, count: Int) -> [String] {
        var x = (seed &+ 1) &* 0xD1B5_4A32_D192_ED03  // not a multiple of the step: seeds give unrelated streams
        func next() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        return (0..<count).map { _ in (0..<45).map { _ in "w\(next() % 20_000)" }.joined(separator: " ") }
    }

    static func rss(_ title: String, guid: String, paragraphs: [String]) -> String {
        let html = paragraphs.map { "<p>\($0)</p>" }.joined()
        return """
            <?xml version="1.0"?><rss version="2.0"><channel><title>\(title)</title><link>http://127.0.0.1:9/</link>
            <item><title>Harbour plan</title><guid>\(guid)</guid><pubDate>Tue, 24 Nov 2026 12:00:00 GMT</pubDate>
            <description><![CDATA[\(html)]]></description></item></channel></rss>
            """
    }

    @Test("two supersets stored as two stories become one when their origin arrives in a later poll")
    func supersetsMergeInTheDatabase() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("syndic-merge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let origin = Self.paragraphs(seed: 1, count: 8)
        let developing = Self.paragraphs(seed: 2, count: 5) + origin
        let local = origin + Self.paragraphs(seed: 3, count: 5)
        try Self.rss("Developing", guid: "d", paragraphs: developing).write(to: dir.appendingPathComponent("d.xml"), atomically: true, encoding: .utf8)
        try Self.rss("Local", guid: "l", paragraphs: local).write(to: dir.appendingPathComponent("l.xml"), atomically: true, encoding: .utf8)
        try Self.rss("Wire", guid: "o", paragraphs: origin).write(to: dir.appendingPathComponent("o.xml"), atomically: true, encoding: .utf8)
        let server = try TestHTTPServer(filesDirectory: dir.path)
        defer { server.stop() }
        let db = try SQLiteStore(path: dir.appendingPathComponent("s.sqlite").path)
        _ = try await db.addFeed(url: server.url("/files/d.xml"), now: Self.now)
        _ = try await db.addFeed(url: server.url("/files/l.xml"), now: Self.now)
        var options = PollOptions()
        options.fullText = .never
        let first = try await Poller(db: db, options: options).run(now: Self.now)
        #expect(first.storiesNew == 2, "the supersets do not match each other")
        #expect(try await db.stories(StoryQuery()).count == 2)

        _ = try await db.addFeed(url: server.url("/files/o.xml"), now: Self.now)
        let later = Self.now.addingTimeInterval(600)
        let second = try await Poller(db: db, options: options).run(now: later)
        #expect(second.entriesNew == 1)
        #expect(second.storiesNew == 0 && second.storiesGrown == 1, "\(second.line)")
        let stories = try await db.stories(StoryQuery())
        #expect(stories.count == 1, "one story holds all three copies")
        #expect(stories.first?.copies.count == 3)
        #expect(try await db.integrityCheck() == ["ok"])
    }
}
