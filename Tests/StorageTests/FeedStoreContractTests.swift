import Foundation
import Storage
import Testing
import TestSupport

@Suite("Store contract: subscriptions")
struct FeedStoreContractTests {
    @Test("a duplicate URL is reported, not added twice; missing tags are merged", arguments: TestStores.backends)
    func duplicate(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        let first = try await store.addFeed(url: "https://example.org/feed.xml", tags: ["news"])
        await #expect(throws: StorageError.duplicateFeed(url: "https://example.org/feed.xml", existingID: first.id)) {
            try await store.addFeed(url: "https://example.org/feed.xml")
        }
        let outcomes = try await store.addFeeds([("https://example.org/feed.xml", nil, ["extra", "news"]), ("https://b.org/", "B", [])])
        #expect(outcomes.count == 2)
        if case .alreadyPresent(let f) = outcomes[0] { #expect(f.tags == ["news", "extra"]) } else { Issue.record("not reported as present") }
        if case .added(let f) = outcomes[1] { #expect(f.title == "B" && f.id != first.id) } else { Issue.record("second URL not added") }
        let listed = try await store.listFeeds()
        #expect(listed.map(\.feed.url) == ["https://example.org/feed.xml", "https://b.org/"])
        #expect(listed.first?.feed.tags == ["news", "extra"])
    }

    @Test("feeds are found by id or by any spelling of their URL", arguments: TestStores.backends)
    func matching(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        let feed = try await store.addFeed(url: "https://example.org/feed.xml")
        #expect(try await store.feed(matching: String(feed.id))?.id == feed.id)
        #expect(try await store.feed(matching: "HTTPS://EXAMPLE.org:443/feed.xml#top")?.id == feed.id)
        #expect(try await store.feed(matching: "https://example.org/other") == nil)
        #expect(try await store.feed(id: feed.id + 100) == nil)
    }

    @Test("every field of a feed survives an update and a read", arguments: TestStores.backends)
    func updateRoundTrip(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        var feed = try await store.addFeed(url: "https://example.org/feed.xml", title: "Ex", tags: ["two words", "b"], now: Clock.base)
        #expect(feed.addedAt == Clock.base && feed.nextFetchAt == Clock.base)
        feed.title = "Example — «news»"
        feed.siteURL = "https://example.org/"
        feed.lastFetchedAt = Clock.at(hours: 1.25)
        feed.lastSuccessAt = Clock.at(hours: 1)
        feed.lastStatus = 503
        feed.lastError = "HTTP 503, 'quoted' \"twice\""
        feed.consecutiveFailures = 2
        feed.failingSince = Clock.at(hours: 0.5)
        feed.nextFetchAt = Clock.at(hours: 3.5)
        feed.intervalSeconds = 5400.5
        feed.etag = "W/\"abc\""
        feed.lastModified = "Tue, 24 Nov 2026 09:00:00 GMT"
        feed.bodyHash = String(repeating: "ab", count: 32)
        feed.disabledReason = "410 Gone"
        feed.fullText = .always
        try await store.updateFeed(feed)
        #expect(try await store.feed(id: feed.id) == feed)
        feed.fullText = nil
        feed.lastError = nil
        feed.disabledReason = nil
        feed.tags = []
        try await store.updateFeed(feed)
        #expect(try await store.feed(id: feed.id) == feed)
    }

    @Test("removing a feed removes its entries and updates or deletes its stories", arguments: TestStores.backends)
    func removeUpdatesStories(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        var seed = Seed(store)
        let shared = try await seed.story([("a.org", "Shared from A"), ("b.org", "Shared from B")], at: Clock.base)
        try await seed.story([("a.org", "Only A")], at: Clock.at(hours: 1))
        let a = try #require(try await store.feed(matching: "https://a.org/feed.xml"))
        try await store.removeFeed(id: a.id)
        let stories = try await store.stories(StoryQuery())
        #expect(stories.map(\.id) == [shared], "the shared story keeps its id with B's copy; A's own story is gone")
        let left = try #require(stories.first)
        #expect(left.copies.count == 1 && left.headline == "Shared from B" && left.representativeEntryID == left.copies[0].entryID)
        #expect(try await store.entryCount() == 1)
        #expect(try await store.storyCount() == 1)
        #expect(try await store.integrityCheck() == ["ok"])
        await #expect(throws: StorageError.feedNotFound(String(a.id))) { try await store.removeFeed(id: a.id) }
        #expect(try await store.listFeeds().map(\.feed.url) == ["https://b.org/feed.xml"])
    }

    @Test("feeds list in subscription order with their entry counts", arguments: TestStores.backends)
    func listing(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        var seed = Seed(store)
        _ = try await seed.entry("b.org", title: "1", at: Clock.base)
        _ = try await seed.entry("a.org", title: "2", at: Clock.base)
        _ = try await seed.entry("b.org", title: "3", at: Clock.base)
        _ = try await store.addFeed(url: "https://c.org/feed.xml")
        let listed = try await store.listFeeds()
        #expect(listed.map(\.feed.url) == ["https://b.org/feed.xml", "https://a.org/feed.xml", "https://c.org/feed.xml"])
        #expect(listed.map(\.entryCount) == [2, 1, 0])
    }
}
