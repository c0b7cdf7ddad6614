import Foundation
import Storage
import Testing
import TestSupport

/// Listings and digests are about when stories were published, not when Syndic first saw them.
@Suite("Store contract: stories by published time")
struct PublishedTimeContractTests {
    @Test("--since and --until select by published time (first seen where a feed gives no date, never later than first seen)",
          arguments: TestStores.backends)
    func sinceUntilOnPublished(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        var seed = Seed(store)
        func story(_ site: String, _ title: String, published: Date?) async throws -> Int64 {
            let id = try await seed.entry(site, title: title, published: published, at: Clock.base)
            try await store.applyStoryAssignments([StoryAssignment(entryID: id, storyID: id, similarity: 1)], now: Clock.base)
            return id
        }
        // All first seen now (a feed's first poll); only their dates differ.
        let archived = try await story("blog.org", "A post of 2009", published: Date(timeIntervalSince1970: 1_240_000_000))
        let lastWeek = try await story("blog.org", "Last week", published: Clock.at(hours: -24 * 6))
        let undated = try await story("wire.org", "No date", published: nil)
        let future = try await story("wire.org", "Dated tomorrow", published: Clock.at(hours: 20))
        let fresh = try await story("daily.org", "This morning", published: Clock.at(hours: -3))

        func ids(_ query: StoryQuery) async throws -> Set<Int64> { Set(try await store.stories(query).map(\.id)) }
        #expect(try await ids(StoryQuery(since: Clock.at(hours: -24))) == [undated, future, fresh])
        #expect(try await ids(StoryQuery(since: Clock.at(hours: -24 * 7))) == [lastWeek, undated, future, fresh])
        #expect(try await ids(StoryQuery(until: Clock.at(hours: -24))) == [archived, lastWeek])
        // Ordered by published time (all have one source): latest first; a future date counts as first seen.
        // (undated and future are both published when first seen; the id breaks the tie.)
        #expect(try await store.stories(StoryQuery()).map(\.id) == [undated, future, fresh, lastWeek, archived])
        let summary = try await store.story(id: archived).summary
        #expect(summary.publishedAt == Date(timeIntervalSince1970: 1_240_000_000) && summary.firstSeenAt == Clock.base)
        #expect(try await store.story(id: future).summary.publishedAt == Clock.base)
    }

    @Test("a story is published when its earliest copy was, and stays so when that copy is pruned", arguments: TestStores.backends)
    func publishedNeverMovesLater(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        var seed = Seed(store)
        let first = try await seed.entry("wire.org", title: "Strike", published: Clock.at(hours: -50), at: Clock.at(hours: -48))
        try await store.applyStoryAssignments([StoryAssignment(entryID: first, storyID: first, similarity: 1)], now: Clock.at(hours: -48))
        let copy = try await seed.entry("daily.org", title: "Strike, day two", published: Clock.at(hours: -2), at: Clock.base)
        try await store.applyStoryAssignments([StoryAssignment(entryID: copy, storyID: first, similarity: 0.9)], now: Clock.base)
        #expect(try await store.story(id: first).summary.publishedAt == Clock.at(hours: -50))
        #expect(try await store.stories(StoryQuery(since: Clock.at(hours: -24))).isEmpty, "an old story that gains a copy is not new")

        _ = try await store.prune(before: Clock.at(hours: -24))
        let kept = try await store.story(id: first).summary
        #expect(kept.copies.map(\.entryID) == [copy] && kept.publishedAt == Clock.at(hours: -50))
        #expect(try await store.stories(StoryQuery(since: Clock.at(hours: -24))).isEmpty, "pruning does not bring it back")
    }
}
