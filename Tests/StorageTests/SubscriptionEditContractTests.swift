import Foundation
import Storage
import Testing
import TestSupport

/// What `feeds edit` and `--tag` filters rely on, on every backend.
@Suite("Store contract: editing subscriptions and filtering by tag")
struct SubscriptionEditContractTests {
    @Test("a poll's commit keeps the subscriber's edits made while it ran", arguments: TestStores.backends)
    func pollKeepsEdits(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        let added = try await store.addFeed(url: "https://a.org/feed.xml", tags: ["news"], now: Clock.base)
        var stale = added                      // what the poll read before the edit
        var edited = added
        edited.title = "My title"
        edited.tags = ["world"]
        edited.fullText = .never
        edited.disabledReason = "disabled by hand"
        try await store.updateFeed(edited)
        stale.title = "The feed's own title"   // what the poll learned
        stale.etag = "\"v2\""
        stale.lastStatus = 200
        stale.nextFetchAt = Clock.at(hours: 2)
        _ = try await store.commitFeedFetch(feed: stale, drafts: [], now: Clock.at(hours: 1))
        let stored = try #require(try await store.feed(id: added.id))
        #expect(stored.title == "My title" && stored.tags == ["world"] && stored.fullText == .never)
        #expect(stored.disabledReason == "disabled by hand")
        #expect(stored.etag == "\"v2\"" && stored.lastStatus == 200 && stored.nextFetchAt == Clock.at(hours: 2))

        // An empty title is filled from the feed; a 410 Gone the poll saw is recorded.
        edited.title = nil
        edited.disabledReason = nil
        try await store.updateFeed(edited)
        stale.disabledReason = "410 Gone"
        _ = try await store.commitFeedFetch(feed: stale, drafts: [], now: Clock.at(hours: 2))
        let again = try #require(try await store.feed(id: added.id))
        #expect(again.title == "The feed's own title" && again.disabledReason == "410 Gone" && again.tags == ["world"])
    }

    @Test("stories filtered by feeds (a tag's feeds), counted without the limit", arguments: TestStores.backends)
    func tagFilter(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        var seed = Seed(store)
        let shared = try await seed.story([("a.org", "Shared A"), ("b.org", "Shared B")], at: Clock.base)
        let onlyA = try await seed.story([("a.org", "Only A")], at: Clock.at(hours: 1))
        let onlyC = try await seed.story([("c.org", "Only C")], at: Clock.at(hours: 2))
        var a = try #require(try await store.feed(matching: "https://a.org/feed.xml"))
        var b = try #require(try await store.feed(matching: "https://b.org/feed.xml"))
        a.tags = ["World", "tech"]
        b.tags = ["world"]
        try await store.updateFeed(a)
        try await store.updateFeed(b)

        #expect(Set(try await store.feedIDs(tagged: "world")) == [a.id, b.id], "tags match without regard to case")
        #expect(try await store.feedIDs(tagged: "tech") == [a.id])
        #expect(try await store.feedIDs(tagged: "sport").isEmpty)
        #expect(try await store.tagsInUse() == ["World", "tech", "world"])

        let world = StoryQuery(feedIDs: try await store.feedIDs(tagged: "world"))
        #expect(try await store.stories(world).map(\.id) == [shared, onlyA])
        #expect(try await store.storyDetails(world).map(\.summary.copies.count) == [2, 1], "a story keeps all its copies")
        #expect(try await store.stories(StoryQuery(feedIDs: [b.id])).map(\.id) == [shared])
        #expect(try await store.stories(StoryQuery(feedIDs: [])).isEmpty)
        #expect(try await store.stories(StoryQuery()).count == 3)
        _ = onlyC

        #expect(try await store.storyCount(StoryQuery()) == 3)
        #expect(try await store.storyCount(StoryQuery(limit: 1)) == 3, "the limit does not bound the count")
        #expect(try await store.storyCount(world) == 2)
        #expect(try await store.storyCount(StoryQuery(minSources: 2)) == 1)
        #expect(try await store.storyCount(StoryQuery(since: Clock.at(hours: 1.5))) == 1)
        #expect(try await store.storyCount(StoryQuery(feedIDs: [])) == 0)
    }
}
