import Foundation
import Storage
import Testing
import TestSupport

@Suite("Store contract: stories")
struct StoryStoreContractTests {
    /// Six stories whose listing order exercises every key: sources, latest activity, id.
    struct Six {
        var store: any SyndicStore
        var threeSites: Int64, oneSiteAt3h: Int64, twoSitesA: Int64, twoSitesB: Int64, sameSiteTwice: Int64, old: Int64
    }

    static func six(_ backend: StoreBackend) async throws -> Six {
        let store = try await TestStores.fresh(backend)
        var seed = Seed(store)
        let threeSites = try await seed.story([("wire.org", "Bridge approved"), ("daily.org", "Bridge ok"), ("local.org", "Bridge!")],
                                              at: Clock.at(hours: 1))
        let oneSiteAt3h = try await seed.story([("daily.org", "Fire downtown")], at: Clock.at(hours: 3))
        let twoSitesA = try await seed.story([("wire.org", "Vote today"), ("local.org", "Vote")], at: Clock.at(hours: 2))
        let twoSitesB = try await seed.story([("daily.org", "Rain"), ("wire.org", "Rain again")], at: Clock.at(hours: 2))
        let sameSiteTwice = try await seed.story([("wire.org", "Match report"), ("wire.org", "Match report, updated")],
                                                 at: Clock.at(hours: 4))
        let old = try await seed.story([("wire.org", "Old news"), ("daily.org", "Old news too")], at: Clock.at(hours: -200))
        return Six(store: store, threeSites: threeSites, oneSiteAt3h: oneSiteAt3h, twoSitesA: twoSitesA, twoSitesB: twoSitesB,
                   sameSiteTwice: sameSiteTwice, old: old)
    }

    @Test("listing order is most sources, then latest activity, then id; filters and limits apply before it",
          arguments: TestStores.backends)
    func ordering(_ backend: StoreBackend) async throws {
        let w = try await Self.six(backend)
        let store = w.store
        func ids(_ query: StoryQuery) async throws -> [Int64] { try await store.stories(query).map(\.id) }
        #expect(try await ids(StoryQuery()) == [w.threeSites, w.twoSitesA, w.twoSitesB, w.old, w.sameSiteTwice, w.oneSiteAt3h])
        #expect(try await ids(StoryQuery(limit: 2)) == [w.threeSites, w.twoSitesA])
        #expect(try await ids(StoryQuery(minSources: 2)) == [w.threeSites, w.twoSitesA, w.twoSitesB, w.old])
        #expect(try await ids(StoryQuery(minSources: 3, limit: 1)) == [w.threeSites])
        #expect(try await ids(StoryQuery(since: Clock.at(hours: 1.5))) == [w.twoSitesA, w.twoSitesB, w.sameSiteTwice, w.oneSiteAt3h])
        #expect(try await ids(StoryQuery(until: Clock.base)) == [w.old])
        #expect(try await ids(StoryQuery(since: Clock.at(hours: 1.5), minSources: 2, limit: 1)) == [w.twoSitesA])
        #expect(try await ids(StoryQuery(since: Clock.at(hours: 10))) == [])
        let details = try await store.storyDetails(StoryQuery(minSources: 2, limit: 3))
        #expect(details.map(\.summary.id) == [w.threeSites, w.twoSitesA, w.twoSitesB])
        #expect(try await store.storyCount() == 6)
    }

    @Test("the stamp of a page counts its stories and copies and moves when they change or a feed is renamed or removed; a fetch that changes nothing shown, and a story below the page, keep it",
          arguments: TestStores.backends)
    func stamp(_ backend: StoreBackend) async throws {
        let w = try await Self.six(backend)
        let store = w.store
        let all = try await store.storyStamp(StoryQuery())
        #expect(all.stories == 6 && all.copies == 12 && all.sources == 11 && all.feeds == 3)
        #expect(all.latestUpdate == Clock.at(hours: 4).timeIntervalSince1970)
        let top = try await store.storyStamp(StoryQuery(limit: 1))
        #expect(top.stories == 1 && top.copies == 3 && top != all, "the page within the limit")
        let recent = try await store.storyStamp(StoryQuery(since: Clock.at(hours: 1.5), minSources: 2))
        #expect(recent.stories == 2 && recent.copies == 4 && recent.latestUpdate == Clock.at(hours: 2).timeIntervalSince1970)
        #expect(try await store.storyStamp(StoryQuery(since: Clock.at(hours: 10))).stories == 0)
        #expect(try await store.storyStamp(StoryQuery(since: Clock.at(hours: 10))).latestUpdate == 0)

        // A copy joins the lowest story: the whole listing moves, the top of it does not.
        var seed = Seed(store)
        let late = try await seed.entry("local.org", title: "Fire, later", at: Clock.at(hours: 5))
        try await store.applyStoryAssignments([StoryAssignment(entryID: late, storyID: w.oneSiteAt3h, similarity: 0.9)], now: Clock.at(hours: 5))
        let grown = try await store.storyStamp(StoryQuery())
        #expect(grown.copies == 13 && grown.latestUpdate == Clock.at(hours: 5).timeIntervalSince1970 && grown != all)
        #expect(try await store.storyStamp(StoryQuery(limit: 1)) == top, "a change below the page keeps its stamp")

        // A fetch that changes nothing shown keeps the stamp; learning a missing title moves it.
        var feed = try #require(try await store.feed(matching: "https://wire.org/feed.xml"))
        feed.lastFetchedAt = Clock.at(hours: 6)
        feed.nextFetchAt = Clock.at(hours: 7)
        _ = try await store.commitFeedFetch(feed: feed, drafts: [], now: Clock.at(hours: 6))
        #expect(try await store.storyStamp(StoryQuery()) == grown, "a fetch that found nothing new")
        var renamed = feed
        renamed.title = "Wire, renamed"
        try await store.updateFeed(renamed)
        let edited = try await store.storyStamp(StoryQuery())
        #expect(edited != grown && edited.feedRevisions > grown.feedRevisions, "a subscriber's edit of a feed moves it")

        // An entry its feed changes in place moves the stamp of the page that shows it.
        let before = try await store.storyStamp(StoryQuery(limit: 1))
        let wire = try #require(try await store.feed(matching: "https://wire.org/feed.xml"))
        let firstCopy = try #require(try await store.story(id: w.threeSites).summary.copies.first { $0.site == "wire.org" })
        let stored = try #require(try await store.entry(id: firstCopy.entryID))
        let changed = EntryDraft(guid: stored.guid, url: stored.url, title: "Bridge approved, with a new headline", author: nil,
                                 publishedAt: stored.publishedAt, updatedAt: nil, summaryHTML: nil, contentHTML: nil, contentHash: "changed")
        let outcome = try await store.upsertEntries(feedID: wire.id, [changed], now: Clock.at(hours: 8))
        #expect(outcome == [.updated(entryID: stored.id)])
        let after = try await store.storyStamp(StoryQuery(limit: 1))
        #expect(after != before && after.latestUpdate == Clock.at(hours: 8).timeIntervalSince1970)

        try await store.removeFeed(id: feed.id)
        let removed = try await store.storyStamp(StoryQuery())
        #expect(removed.feeds == 2 && removed.copies < grown.copies && removed.stories < grown.stories)
    }

    @Test("the feeds stamp moves with every fetch, edit and entry, and when a feed has failed for a week; it is stable otherwise",
          arguments: TestStores.backends)
    func feedsStamp(_ backend: StoreBackend) async throws {
        let w = try await Self.six(backend)
        let store = w.store
        let now = Clock.at(hours: 6)
        let first = try await store.feedsStamp(now: now)
        #expect(first.feeds == 3 && first.entries == 12 && first.failingForAWeek == 0)
        #expect(try await store.feedsStamp(now: now) == first)
        var feed = try #require(try await store.feed(matching: "https://daily.org/feed.xml"))
        feed.lastFetchedAt = now
        feed.consecutiveFailures = 1
        feed.failingSince = Clock.at(hours: 5)
        feed.lastError = "HTTP 503"
        _ = try await store.commitFeedFetch(feed: feed, drafts: [], now: now)
        let fetched = try await store.feedsStamp(now: now)
        #expect(fetched != first && fetched.revisions == first.revisions, "a fetch moves it, not as an edit")
        #expect(try await store.feedsStamp(now: Clock.at(hours: 5 + 7 * 24 + 1)).failingForAWeek == 1, "a week of failures later")
        var tagged = try #require(try await store.feed(id: feed.id))
        tagged.tags = ["local"]
        try await store.updateFeed(tagged)
        let edited = try await store.feedsStamp(now: now)
        #expect(edited != fetched && edited.revisions == fetched.revisions + 1)
        var seed = Seed(store)
        _ = try await seed.entry("daily.org", title: "One more", at: now)
        #expect(try await store.feedsStamp(now: now).entries == 13)
    }

    @Test("a story's copies come representative first, then by first seen; its sites are counted once",
          arguments: TestStores.backends)
    func copies(_ backend: StoreBackend) async throws {
        let w = try await Self.six(backend)
        let stories = try await w.store.stories(StoryQuery())
        let three = try #require(stories.first { $0.id == w.threeSites })
        #expect(three.copies.map(\.site) == ["wire.org", "daily.org", "local.org"])
        #expect(three.sourceCount == 3 && three.headline == "Bridge approved")
        #expect(three.copies.map(\.feedTitle) == ["WIRE.ORG", "DAILY.ORG", "LOCAL.ORG"])
        #expect(three.copies[0].entryID == three.representativeEntryID && three.copies[0].similarity == 1)
        #expect(three.copies[1].similarity == 0.8)
        #expect(three.firstSeenAt == Clock.at(hours: 1) && three.lastSeenAt == Clock.at(hours: 1))
        let twice = try #require(stories.first { $0.id == w.sameSiteTwice })
        #expect(twice.copies.count == 2 && twice.sites == ["wire.org"] && twice.sourceCount == 1)

        // A later copy with the full text becomes the representative, and leads the copies.
        let store = w.store
        var seed = Seed(store)
        let later = try await seed.entry("local.org", title: "Old news, the full story", at: Clock.at(hours: -150))
        try await store.saveSignature(StoredSignature(entryID: later, minhash: [1], shingleCount: 1, source: .article, fullText: true))
        try await store.applyStoryAssignments([StoryAssignment(entryID: later, storyID: w.old, similarity: 0.7)], now: Clock.at(hours: -150))
        let old = try await store.story(id: w.old).summary
        #expect(old.representativeEntryID == later)
        #expect(old.copies.map(\.entryID).first == later)
        #expect(old.copies.map(\.title) == ["Old news, the full story", "Old news", "Old news too"])
        #expect(old.headline == "Old news, the full story")
        #expect(old.sourceCount == 3 && old.lastSeenAt == Clock.at(hours: -150) && old.updatedAt == Clock.at(hours: -150))
    }

    @Test("details carry the representative's article text, content and summary; an unknown id is storyNotFound",
          arguments: TestStores.backends)
    func details(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        var seed = Seed(store)
        let rep = try await seed.entry("wire.org", title: "Lead", content: "<p>content</p>", summary: "<p>summary</p>", at: Clock.base)
        let other = try await seed.entry("daily.org", title: "Copy", content: "<p>other content</p>", at: Clock.base)
        try await store.applyStoryAssignments([StoryAssignment(entryID: rep, storyID: rep, similarity: 1),
                                               StoryAssignment(entryID: other, storyID: rep, similarity: 0.9)], now: Clock.base)
        try await store.saveArticle(StoredArticle(entryID: other, text: "not the representative", status: .ok, fetchedAt: Clock.base))
        var detail = try await store.story(id: rep)
        #expect(detail.articleText == nil && detail.contentHTML == "<p>content</p>" && detail.summaryHTML == "<p>summary</p>")
        try await store.saveArticle(StoredArticle(entryID: rep, text: "failed page", status: .failed, fetchedAt: Clock.base))
        #expect(try await store.story(id: rep).articleText == nil, "a failed extraction is not the story's text")
        try await store.saveArticle(StoredArticle(entryID: rep, text: "The article.", status: .ok, fetchedAt: Clock.base))
        detail = try await store.story(id: rep)
        #expect(detail.articleText == "The article." && detail.summary.copies.count == 2)
        #expect(try await store.storyDetails(StoryQuery()) == [detail])
        await #expect(throws: StorageError.storyNotFound(424_242)) { try await store.story(id: 424_242) }
    }

    @Test("moving an entry refreshes both stories, and a story left empty is deleted", arguments: TestStores.backends)
    func reassignment(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        var seed = Seed(store)
        let a = try await seed.story([("wire.org", "A"), ("daily.org", "A too")], at: Clock.base)
        let b = try await seed.story([("local.org", "B")], at: Clock.at(hours: 1))
        let moved = try #require(try await store.story(id: a).summary.copies.last?.entryID)
        try await store.applyStoryAssignments([StoryAssignment(entryID: moved, storyID: b, similarity: 0.6)], now: Clock.at(hours: 2))
        let storyA = try await store.story(id: a).summary
        let storyB = try await store.story(id: b).summary
        #expect(storyA.copies.count == 1 && storyA.sourceCount == 1)
        #expect(storyB.copies.map(\.entryID).contains(moved) && storyB.sourceCount == 2)
        #expect(storyB.updatedAt == Clock.at(hours: 2) && storyB.firstSeenAt == Clock.base && storyB.lastSeenAt == Clock.at(hours: 1))
        try await store.applyStoryAssignments([StoryAssignment(entryID: a, storyID: b, similarity: 0.6)], now: Clock.at(hours: 3))
        await #expect(throws: StorageError.storyNotFound(a)) { try await store.story(id: a) }
        #expect(try await store.stories(StoryQuery()).map(\.id) == [b])
        #expect(try await store.story(id: b).summary.sourceCount == 3)
        #expect(try await store.integrityCheck() == ["ok"])
    }
}
