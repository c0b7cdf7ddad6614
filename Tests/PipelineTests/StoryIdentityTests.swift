import Foundation
import SQLiteStore
import Storage
import Testing
import TestSupport
@testable import Pipeline

/// Story ids survive what happens to their copies over time: pruning, edits, feeds listing them again.
@Suite("story identity over polls")
struct StoryIdentityTests {
    static let start = Date(timeIntervalSince1970: 1_793_491_200)  // 2026-11-01T00:00:00Z
    static let text = (0..<90).map { "word\(($0 * 7_919) % 1_000)" }.joined(separator: " ")

    static func rss(_ items: [(guid: String, title: String, text: String)]) -> String {
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><link>http://t.example/</link>"
            + items.map { "<item><title>\($0.title)</title><guid>\($0.guid)</guid><link>http://t.example/\($0.guid)</link><description>\($0.text)</description></item>" }
                .joined()
            + "</channel></rss>"
    }

    @Test("a copy edited after the story's older copies were pruned keeps the story's id; the pruned copy is not new again")
    func editedLastCopyKeepsStory() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("syndic-identity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        func write(_ name: String, _ items: [(guid: String, title: String, text: String)]) throws {
            try Self.rss(items).write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let server = try TestHTTPServer(filesDirectory: dir.path)
        defer { server.stop() }
        let db = try SQLiteStore(path: dir.appendingPathComponent("s.sqlite").path)
        _ = try await db.addFeed(url: server.url("/files/a.xml"), now: Self.start)
        _ = try await db.addFeed(url: server.url("/files/b.xml"), now: Self.start)
        var options = PollOptions()
        options.force = true
        options.fullText = .never
        let day: TimeInterval = 86_400

        try write("a.xml", [("a1", "Harbour strike", Self.text)])
        try write("b.xml", [])
        _ = try await Poller(db: db, options: options).run(now: Self.start)
        let story = try #require(try await db.stories(StoryQuery()).first?.id)

        try write("b.xml", [("b1", "Harbour strike, day two", "Second report. " + Self.text)])
        let joined = try await Poller(db: db, options: options).run(now: Self.start.addingTimeInterval(2 * day))
        #expect(joined.storiesGrown == 1 && joined.storiesNew == 0)
        _ = try await db.prune(before: Self.start.addingTimeInterval(1 * day))
        #expect(try await db.story(id: story).summary.copies.count == 1)

        // B edits its copy (the story's last), A still lists the pruned one, changed.
        try write("a.xml", [("a1", "Harbour strike (corrected)", Self.text + " Corrected.")])
        try write("b.xml", [("b1", "Harbour strike, day two (updated)", "Second report, updated. " + Self.text + " More soon.")])
        let edited = try await Poller(db: db, options: options).run(now: Self.start.addingTimeInterval(3 * day))
        #expect(edited.entriesNew == 0 && edited.entriesUpdated == 1 && edited.storiesNew == 0, "\(edited.line)")
        let stories = try await db.stories(StoryQuery())
        #expect(stories.map(\.id) == [story], "the story kept its id: \(stories.map(\.id))")
        #expect(stories.first?.headline == "Harbour strike, day two (updated)")
    }
}
