import Digest
import Foundation
import Hummingbird
import HummingbirdTesting
import Storage
import Testing
import TestSupport
@testable import WebView

/// The real SQLite store, counting the listing reads the web view makes, so a test can tell a 304
/// answered from the data's stamp from one answered by rendering the page.
final class ReadCountingStore: WebServer.Store, @unchecked Sendable {
    let store: any SyndicStore
    private let lock = NSLock()
    private var reads = 0

    init(_ store: any SyndicStore) { self.store = store }

    private var feedReads = 0

    /// `storyDetails` calls so far.
    var detailReads: Int { lock.withLock { reads } }
    /// `listFeeds` calls so far.
    var feedListReads: Int { lock.withLock { feedReads } }

    func storyDetails(_ query: StoryQuery) async throws -> [StoryDetail] {
        lock.withLock { reads += 1 }
        return try await store.storyDetails(query)
    }
    func applyStoryAssignments(_ assignments: [StoryAssignment], now: Date) async throws { try await store.applyStoryAssignments(assignments, now: now) }
    func stories(_ query: StoryQuery) async throws -> [StorySummary] { try await store.stories(query) }
    func story(id: Int64) async throws -> StoryDetail { try await store.story(id: id) }
    func storyCount() async throws -> Int { try await store.storyCount() }
    func storyCount(_ query: StoryQuery) async throws -> Int { try await store.storyCount(query) }
    func storyStamp(_ query: StoryQuery) async throws -> StoryStamp { try await store.storyStamp(query) }
    func instance() async throws -> StoreInstance { try await store.instance() }
    func addFeeds(_ items: [NewFeed], now: Date) async throws -> [FeedAddOutcome] { try await store.addFeeds(items, now: now) }
    func feed(matching key: String) async throws -> Feed? { try await store.feed(matching: key) }
    func feed(id: Int64) async throws -> Feed? { try await store.feed(id: id) }
    func listFeeds() async throws -> [FeedListing] {
        lock.withLock { feedReads += 1 }
        return try await store.listFeeds()
    }
    func feedsStamp(now: Date) async throws -> FeedsStamp { try await store.feedsStamp(now: now) }
    func updateFeed(_ feed: Feed) async throws { try await store.updateFeed(feed) }
    func removeFeed(id: Int64) async throws { try await store.removeFeed(id: id) }
}

/// ETags from the data, before rendering (issue 15 item 12), and the default digest size.
@Suite("Web view: conditional requests and digest size")
struct ConditionalTests {
    @Test("a matching If-None-Match on /, /digest.atom and /digest.json is answered 304 from the data's stamp: no story is read or rendered")
    func notModifiedWithoutRendering() async throws {
        let world = try await WebViewTests.world()
        let store = ReadCountingStore(world.db)
        let app = Application(router: WebServer.router(database: store, clock: { WebViewTests.now }))
        try await app.test(.router) { client in
            for uri in ["/", "/?since=all&min-sources=2", "/digest.atom?since=all", "/digest.json"] {
                let tag = try await client.execute(uri: uri, method: .get) { response -> String in
                    #expect(response.status == .ok, "\(uri)")
                    return try #require(response.headers[.eTag], "\(uri) has an ETag")
                }
                let reads = store.detailReads
                try await client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: tag]) { response in
                    #expect(response.status == .notModified, "\(uri)")
                    #expect(response.headers[.eTag] == tag)
                }
                #expect(store.detailReads == reads, "\(uri): the 304 read no story")
            }
            // Other options, another tag; the same options after a change, another tag too.
            let all = try await client.execute(uri: "/digest.atom?since=all", method: .get) { $0.headers[.eTag] }
            let mine = try await client.execute(uri: "/digest.atom?since=all&title=Mine", method: .get) { $0.headers[.eTag] }
            let page = try await client.execute(uri: "/?since=all", method: .get) { $0.headers[.eTag] }
            #expect(all != mine && all != page)
            try await world.addStory([.init(site: "new.example", title: "A new story")], at: Clock.at(hours: 3.9))
            try await client.execute(uri: "/digest.atom?since=all", method: .get, headers: [.ifNoneMatch: all ?? ""]) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("A new story"))
            }
        }
    }

    @Test("/feeds: a matching If-None-Match is answered 304 without listing a feed; an edit or a fetch gives a new page")
    func feedsNotModified() async throws {
        let world = try await WebViewTests.world()
        let store = ReadCountingStore(world.db)
        let app = Application(router: WebServer.router(database: store, clock: { WebViewTests.now }))
        try await app.test(.router) { client in
            let tag = try await client.execute(uri: "/feeds", method: .get) { response -> String in
                #expect(response.status == .ok)
                return try #require(response.headers[.eTag], "/feeds has an ETag")
            }
            let reads = store.feedListReads
            try await client.execute(uri: "/feeds", method: .get, headers: [.ifNoneMatch: tag]) { response in
                #expect(response.status == .notModified && response.headers[.eTag] == tag)
            }
            #expect(store.feedListReads == reads, "the 304 listed no feed")
            var feed = try #require(try await world.db.listFeeds().first?.feed)
            feed.title = "Renamed by its subscriber"
            try await world.db.updateFeed(feed)
            let renamed = try await client.execute(uri: "/feeds", method: .get, headers: [.ifNoneMatch: tag]) { response -> String? in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("Renamed by its subscriber"))
                return response.headers[.eTag]
            }
            feed.lastFetchedAt = WebViewTests.now
            feed.lastStatus = 304
            _ = try await world.db.commitFeedFetch(feed: feed, drafts: [], now: WebViewTests.now)
            try await client.execute(uri: "/feeds", method: .get, headers: [.ifNoneMatch: renamed ?? ""]) { response in
                #expect(response.status == .ok, "a fetch changes the feeds page (its last fetch)")
            }
        }
    }

    @Test("a story that lands below the page's limit keeps the page's ETag (304); a copy joining a story on the page does not")
    func changeBelowThePage() async throws {
        let world = try await WebViewTests.world()
        let app = Application(router: WebServer.router(database: world.db, clock: { WebViewTests.now }))
        try await app.test(.router) { client in
            let uri = "/?since=all&limit=1"
            let (tag, top) = try await client.execute(uri: uri, method: .get) { response -> (String?, String) in
                (response.headers[.eTag], String(buffer: response.body))
            }
            // From a feed already subscribed (a new subscription alone moves the stamp: its feed count).
            try await world.addStory([.init(site: "daily.example", title: "A one-source story")], at: Clock.at(hours: 3.9))
            try await client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: tag ?? ""]) { response in
                #expect(response.status == .notModified, "the new one-source story ranks below the first")
            }
            try await client.execute(uri: "/?since=all", method: .get, headers: [.ifNoneMatch: tag ?? ""]) { response in
                #expect(response.status == .ok && String(buffer: response.body).contains("A one-source story"))
            }
            #expect(top.contains("Council approves new bridge"), "\(top.prefix(2000))")
        }
    }

    @Test("a digest without a limit has at most DigestDocument.defaultStoryLimit stories; ?limit= asks for more")
    func defaultDigestLimit() async throws {
        let world = try StoryWorld()
        let extra = 5
        for n in 0..<(DigestDocument.defaultStoryLimit + extra) {
            try await world.addStory([.init(site: "s\(n).example", title: "Story number \(n)")], at: Clock.at(hours: 1))
        }
        let app = Application(router: WebServer.router(database: world.db, clock: { WebViewTests.now }))
        try await app.test(.router) { client in
            for (uri, expected) in [("/digest.atom?since=all", DigestDocument.defaultStoryLimit),
                                    ("/digest.atom?since=all&limit=1000", DigestDocument.defaultStoryLimit + extra)] {
                let body = try await client.execute(uri: uri, method: .get) { String(buffer: $0.body) }
                let doc = try #require(LibXMLDocument(xml: body))
                #expect(doc.strings("//atom:entry/atom:id").count == expected, "\(uri)")
            }
        }
    }
}

@Suite("Web view: rendered listings kept by ETag")
struct RenderCacheTests {
    @Test("unchanged data is rendered once for many requests (also 8 at once), with identical bodies; a change renders again")
    func renderedOncePerState() async throws {
        let world = try await WebViewTests.world()
        let store = ReadCountingStore(world.db)
        let app = Application(router: WebServer.router(database: store, clock: { WebViewTests.now }))
        try await app.test(.router) { client in
            for uri in ["/?since=all", "/digest.atom?since=all"] {
                let before = store.detailReads
                let first = try await client.execute(uri: uri, method: .get) { String(buffer: $0.body) }
                let bodies = try await withThrowingTaskGroup(of: String.self) { group in
                    for _ in 0..<8 { group.addTask { try await client.execute(uri: uri, method: .get) { String(buffer: $0.body) } } }
                    return try await group.reduce(into: [String]()) { $0.append($1) }
                }
                #expect(bodies.allSatisfy { $0 == first } && first.contains("Council approves new bridge"), "\(uri)")
                #expect(store.detailReads == before + 1, "\(uri): 9 answers, 1 rendering")
            }
            let before = store.detailReads
            try await world.addStory([.init(site: "new.example", title: "A new story")], at: Clock.at(hours: 3.9))
            let changed = try await client.execute(uri: "/?since=all", method: .get) { String(buffer: $0.body) }
            #expect(changed.contains("A new story") && store.detailReads == before + 1)
        }
    }
}
