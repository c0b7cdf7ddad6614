import Fetch
import Foundation
import SQLiteStore
import Storage
import Testing
import TestSupport

/// Feeds with huge fields (issue 15 item 4): every text field is stored within its `FieldLimits`,
/// the cut is recorded, and the pages and digests that show the entries stay small.
@Suite("oversized feed fields")
struct OversizedFieldTests {
    /// Far more than any page with three stories needs, far less than one uncut field.
    static let smallPage = 256 * 1024

    static func get(_ server: ServeProcess, _ path: String) async throws -> FetchResponse {
        try await Fetcher().fetch(FetchRequest(url: server.baseURL + path)).get()
    }

    @Test("a 10 MB entry title, a 1 MB feed title, a 3 MB summary and a 100 KB author: stored cut to size on a character boundary, recorded, and /, /feeds, /digest.atom and `syndic digest` stay under 256 KB")
    func hugeFields() async throws {
        let dir = try Reliability.folder("www")
        // Two-byte characters, so a cut at a byte count could split one.
        let hugeTitle = String(repeating: "Ünïcode títle ", count: 10_000_000 / 16)
        let hugeSummary = String(repeating: "&lt;p&gt;a long summary paragraph&lt;/p&gt;", count: 3_000_000 / 44)
        let items = HostileFeeds.item("huge-title", title: hugeTitle, description: "an entry with a huge title")
            + HostileFeeds.item("huge-summary", title: "Huge summary", description: hugeSummary)
            + "<item><guid>huge-author</guid><title>Huge author</title><author>" + String(repeating: "a", count: 100_000)
            + "</author><description>an entry with a huge author</description></item>"
            // A 1 MB link and a 100 KB guid (issue 15 item 4: entry URLs are capped too).
            + HostileFeeds.item(String(repeating: "g", count: 100_000), title: "Huge link", description: "an entry with a huge link and id",
                                link: "http://127.0.0.1/" + String(repeating: "l", count: 1_000_000))
        let feed = HostileFeeds.rss(items: items)
            .replacingOccurrences(of: "<title>Hostile</title>", with: "<title>" + String(repeating: "F", count: 1_000_000) + "</title>")
            .replacingOccurrences(of: "<link>http://example.invalid/</link>",
                                  with: "<link>http://127.0.0.1/" + String(repeating: "s", count: 1_000_000) + "</link>")
        try Data(feed.utf8).write(to: dir.appendingPathComponent("huge.xml"))
        let server = try TestHTTPServer(filesDirectory: dir.path)
        defer { server.stop() }
        let path = try Reliability.folder("db").appendingPathComponent("s.sqlite").path
        do {
            let db = try SQLiteStore(path: path)
            try await db.addFeed(url: server.url("/files/huge.xml"))
        }
        let poll = try await SyndicRun.run(["poll", "--full-text", "never"], database: path, timeout: 300)
        #expect(poll.status == 0, "\(poll.stderr)")

        let db = try SQLiteStore(path: path, access: .readOnly)
        let entries = try await db.entries(ids: Array(1...4)).sorted { $0.id < $1.id }
        try #require(entries.count == 4)
        let title = try #require(entries[0].title)
        #expect(title.utf8.count <= 1_024 && title.utf8.count > 1_000, "\(title.utf8.count) bytes")
        #expect(hugeTitle.hasPrefix(title), "cut on a character boundary, a prefix of the feed's title")
        #expect(entries[0].cutFields == [.title])
        let summary = try #require(entries[1].summaryHTML)
        #expect(summary.utf8.count <= 64 * 1_024 && summary.utf8.count > 60_000 && entries[1].cutFields == [.summary])
        let lastTag = try #require(summary.lastIndex(of: "<"))
        #expect(summary[lastTag...].contains(">"), "an HTML cut never ends inside a tag: …\(summary.suffix(40))")
        #expect((entries[2].author?.utf8.count ?? 0) == 256 && entries[2].cutFields == [.author])
        #expect((try await db.feed(id: 1)?.title?.utf8.count ?? 0) <= 1_024)
        // A URL is dropped, not cut (a cut URL points elsewhere); a long id becomes a hash of it.
        #expect(entries[3].url == nil && entries[3].title == "Huge link")
        #expect(entries[3].cutFields == [.url, .id], "\(entries[3].cutFields)")
        #expect(entries[3].guid.hasPrefix("long-id:") && entries[3].guid.utf8.count == 24, "\(entries[3].guid.prefix(40))")
        #expect(try await db.feed(id: 1)?.siteURL == nil, "a 1 MB site link is dropped")

        let served = try await ServeProcess.start(database: path)
        defer { _ = served.stop() }
        for route in ["/?since=all", "/feeds", "/digest.atom?since=all", "/digest.html?since=all", "/story/1"] {
            let response = try await Self.get(served, route)
            #expect(response.status == 200, "\(route)")
            #expect(response.body.count < Self.smallPage, "\(route): \(response.body.count) bytes")
            print("oversized fields: \(route) \(response.status), \(response.body.count) bytes")
        }
        let digest = try await SyndicRun.run(["digest", "--format", "atom", "--since", "all"], database: path)
        #expect(digest.status == 0, "\(digest.stderr)")
        #expect(digest.stdout.utf8.count < Self.smallPage, "syndic digest: \(digest.stdout.utf8.count) bytes")
        print("oversized fields: syndic digest --format atom, \(digest.stdout.utf8.count) bytes")

        let explain = try await SyndicRun.run(["explain", "1", "2"], database: path)
        #expect(explain.status == 0, "\(explain.stderr)")
        #expect(explain.stdout.contains("[cut to size: title cut to 1024 bytes]"), "\(explain.stdout.prefix(3000))")
        let explainLink = try await SyndicRun.run(["explain", "4", "1"], database: path)
        #expect(explainLink.status == 0, "\(explainLink.stderr)")
        #expect(explainLink.stdout.contains("[cut to size: url dropped (over 8192 bytes), id replaced by its hash (over 2048 bytes)]"),
                "\(explainLink.stdout.prefix(3000))")

        // The same feed polled again: the long id hashes the same, so nothing is new and nothing doubles.
        let again = try await SyndicRun.run(["poll", "--force", "--full-text", "never"], database: path, timeout: 300)
        #expect(again.status == 0, "\(again.stderr)")
        let reopened = try SQLiteStore(path: path, access: .readOnly)
        #expect(try await reopened.entryCount() == 4)
    }
}
