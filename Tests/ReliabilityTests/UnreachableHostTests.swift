import Fetch
import Foundation
import Pipeline
import SQLiteStore
import Storage
import Testing
import TestSupport

/// Hosts that cannot be reached during a poll's full-text stage (issue 14, issue 15 item 6).
@Suite("unreachable article hosts", .serialized)
struct UnreachableHostTests {
    /// A feed on the test server whose items link to `links`.
    static func feed(_ links: [String]) throws -> (TestHTTPServer, String) {
        let dir = try Reliability.folder("www")
        let items = links.enumerated().map { HostileFeeds.item("p\($0.offset)", title: "page \($0.offset)", description: "short", link: $0.element) }
        try Data(HostileFeeds.rss(items: items.joined()).utf8).write(to: dir.appendingPathComponent("feed.xml"))
        let server = try TestHTTPServer(filesDirectory: dir.path)
        return (server, server.url("/files/feed.xml"))
    }

    /// Pages on `dead.example:9`, mapped to 127.0.0.1 where nothing listens on port 9: every connect is refused.
    static func options() -> PollOptions {
        var options = PollOptions()
        options.fullText = .always
        options.fetchPolicy.network = NetworkPolicy()
        options.fetchPolicy.network.resolve = ["dead.example:9:127.0.0.1"]
        options.fetchPolicy.network.resolveOnly = true
        return options
    }

    @Test("after 3 connection failures in a row, a host's remaining pages are skipped, recorded, and tried again next poll")
    func deadHostIsSkipped() async throws {
        let pages = 20
        let (server, feedURL) = try Self.feed((0..<pages).map { "http://dead.example:9/page/\($0)" })
        defer { server.stop() }
        let db = try Reliability.database()
        _ = try await db.addFeed(url: feedURL)

        let first = try await Poller(db: db, options: Self.options()).run()
        // Two pages run at once per host, so one more may have started before the third failure is seen.
        #expect((3...4).contains(first.pagesFailed), "\(first.line)")
        #expect(first.pagesSkipped == pages - first.pagesFailed, "\(first.line)")
        #expect(first.line.contains("\(first.pagesSkipped) skipped (host unreachable; tried again next poll)"))
        // The skipped entries wait, unplaced, for their page; the failed ones are placed with their feed text.
        #expect(try await db.unsignedEntries().count == first.pagesSkipped)

        let second = try await Poller(db: db, options: Self.options()).run()
        #expect(second.feedsPolled == 0)
        #expect((3...4).contains(second.pagesFailed), "the skipped pages are tried again: \(second.line)")
        #expect(second.pagesSkipped == first.pagesSkipped - second.pagesFailed)

        // A host that stays down cannot hold entries forever: past the retry window they are placed.
        var patient = Self.options()
        patient.pageRetryWindow = 0
        _ = try await Poller(db: db, options: patient).run()
        #expect(try await db.unsignedEntries().isEmpty)
        #expect(try StoredRows(db.path).int("SELECT count(*) FROM signature") == pages)
    }

    @Test("the full-text fetch of a //evil.invalid/x link never reaches the system resolver in test mode")
    func protocolRelativeLinkStaysLocal() async throws {
        let (server, feedURL) = try Self.feed(["//evil.invalid/x"])
        defer { server.stop() }
        let db = try Reliability.database()
        _ = try await db.addFeed(url: feedURL)
        let summary = try await Poller(db: db, options: Self.options()).run()
        #expect(summary.pagesFailed == 1, "\(summary.line)")
        let errors = try StoredRows(db.path).strings("SELECT error FROM article")
        #expect(errors.count == 1 && errors[0].contains("evil.invalid is not mapped in SYNDIC_RESOLVE"), "\(errors)")
    }
}
