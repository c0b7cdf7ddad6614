import Foundation
import PostgresStore
import Storage
import Testing
import TestSupport

/// Entries signed but in no story, on both backends, and the PostgreSQL-only shared-poll contract:
/// leases claimed by whole hosts with a fencing token, the placer lock, LISTEN/NOTIFY (issue 18 §2).
@Suite("Store contract: shared polls")
struct SharedPollStoreTests {
    @Test("entries signed without a story are listed as unplaced, oldest first, and leave the window until placed",
          arguments: TestStores.backends)
    func unplaced(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        var seed = Seed(store)
        let a = try await seed.entry("a.org", title: "a", published: Clock.at(hours: -200), at: Clock.base)
        let b = try await seed.entry("b.org", title: "b", at: Clock.at(hours: 1))
        let signatures = [a, b].map { StoredSignature(entryID: $0, minhash: [1, 2, 3], shingleCount: 3, source: .content, fullText: false) }
        try await store.commitProcessed(articles: [], signatures: signatures, assignments: [], now: Clock.at(hours: 1))
        let waiting = try await store.unplacedEntries(limit: 10)
        #expect(waiting.map(\.signature.signature.entryID) == [a, b])
        #expect(waiting.first?.publishedAt == Clock.at(hours: -200))
        #expect(waiting.first?.feedID == (try await seed.feed("a.org")))
        #expect(try await store.unplacedEntries(limit: 1).count == 1)
        #expect(try await store.unplacedCount() == 2)
        #expect(try await store.signatures(since: Clock.at(hours: -1)).isEmpty, "unplaced entries are not in the window")
        try await store.commitProcessed(articles: [], signatures: [], assignments: [StoryAssignment(entryID: a, storyID: a, similarity: 1)],
                                        now: Clock.at(hours: 2))
        #expect(try await store.unplacedEntries(limit: 10).map(\.signature.signature.entryID) == [b])
        #expect(try await store.unplacedCount() == 1)
        #expect(try await store.signatures(since: Clock.at(hours: -1)).map(\.signature.entryID) == [a])
    }

    @Test("a signature's roundup flag is stored and read back with the window", arguments: TestStores.backends)
    func roundupFlag(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        var seed = Seed(store)
        let a = try await seed.entry("a.org", title: "a", at: Clock.base)
        let b = try await seed.entry("b.org", title: "b", at: Clock.base)
        try await store.commitProcessed(
            articles: [],
            signatures: [StoredSignature(entryID: a, minhash: [1], shingleCount: 1, source: .content, fullText: true, roundup: true),
                         StoredSignature(entryID: b, minhash: [2], shingleCount: 1, source: .content, fullText: true)],
            assignments: [StoryAssignment(entryID: a, storyID: a, similarity: 1), StoryAssignment(entryID: b, storyID: b, similarity: 1)],
            now: Clock.base)
        let window = try await store.signatures(since: Clock.at(hours: -1))
        #expect(window.map(\.signature.roundup) == [true, false])
        #expect(try await store.signature(entryID: a)?.roundup == true)
    }

    /// A new PostgreSQL store (nil, skipped, without a test server).
    static func postgres() async throws -> PostgresStore? {
        guard TestStores.backends.contains(.postgres) else { return nil }
        return try #require(try await TestStores.fresh(.postgres) as? PostgresStore)
    }

    static func feeds(_ store: PostgresStore, _ urls: [String]) async throws -> [Feed] {
        var feeds: [Feed] = []
        for url in urls {
            var feed = try await store.addFeed(url: url, now: Clock.base)
            feed.nextFetchAt = Clock.base
            try await store.updateFeed(feed)
            feeds.append(feed)
        }
        return feeds
    }

    @Test("a claim takes at most its limit, whole hosts first, never a host another live lease holds; an expired lease is taken over")
    func claims() async throws {
        guard let store = try await Self.postgres() else { return }
        let feeds = try await Self.feeds(store, (0..<4).map { "https://a.org/\($0).xml" } + (0..<3).map { "https://B.org:8443/\($0).xml" }
                                          + ["https://user@c.org/feed", "https://d.org/feed"])
        let now = Clock.at(hours: 1)
        let first = try await store.claimFeeds(LeaseClaim(owner: "one", limit: 5, until: now.addingTimeInterval(60), now: now))
        #expect(first.count == 5, "the limit holds (the CTE form, not WHERE id IN)")
        #expect(first.prefix(4).map(\.feed.id) == feeds.prefix(4).map(\.id), "a.org whole, then the next host up to the limit")
        #expect(first.allSatisfy { $0.lease.owner == "one" && $0.lease.token == 1 })
        // b.org is partly held by "one": "two" gets neither of its other feeds, only c.org and d.org.
        let second = try await store.claimFeeds(LeaseClaim(owner: "two", limit: 10, until: now.addingTimeInterval(60), now: now))
        #expect(Set(second.map(\.feed.id)) == Set(feeds.suffix(2).map(\.id)), "\(second.map(\.feed.url))")
        let third = try await store.claimFeeds(LeaseClaim(owner: "three", limit: 10, until: now.addingTimeInterval(60), now: now))
        #expect(third.isEmpty, "every host is held")
        // "one" itself may take the rest of its own host.
        let more = try await store.claimFeeds(LeaseClaim(owner: "one", limit: 10, until: now.addingTimeInterval(60), now: now))
        #expect(more.map(\.feed.id) == Array(feeds[5...6]).map(\.id))
        // Renewal keeps leases live; once "one"'s lapse, "three" takes its feeds with the next token.
        #expect(try await store.renewLeases(owner: "one", until: now.addingTimeInterval(120), now: now.addingTimeInterval(30)) == 7)
        let early = try await store.claimFeeds(LeaseClaim(owner: "three", limit: 10, until: now.addingTimeInterval(200), now: now.addingTimeInterval(90)))
        #expect(Set(early.map(\.feed.id)) == Set(second.map(\.feed.id)), "only \"two\"'s leases (not renewed, over at +60 s) are taken")
        #expect(early.allSatisfy { $0.lease.token == 2 })
        let later = now.addingTimeInterval(121)
        let takeover = try await store.claimFeeds(LeaseClaim(owner: "three", limit: 10, until: later.addingTimeInterval(60), now: later))
        #expect(takeover.count == 7 && takeover.allSatisfy { $0.lease.token == 2 }, "\(takeover.map(\.lease))")
        try await store.releaseLeases(owner: "three")
        let free = try await store.claimFeeds(LeaseClaim(owner: "four", limit: 100, until: later.addingTimeInterval(60), now: later))
        #expect(free.count == 9)
        await store.close()
    }

    @Test("a commit under a lease that was taken over changes nothing and says leaseLost; the new holder's commit lands and ends its lease")
    func fencedCommit() async throws {
        guard let store = try await Self.postgres() else { return }
        let feed = try await Self.feeds(store, ["https://a.org/feed.xml"])[0]
        let now = Clock.at(hours: 1)
        let old = try #require(try await store.claimFeeds(LeaseClaim(owner: "slow", limit: 1, until: now.addingTimeInterval(10), now: now)).first)
        let later = now.addingTimeInterval(11)
        let new = try #require(try await store.claimFeeds(LeaseClaim(owner: "fast", limit: 1, until: later.addingTimeInterval(60), now: later)).first)
        #expect(new.lease.token == old.lease.token + 1)
        let draft = EntryDraft(guid: "g", url: "https://a.org/1", title: "T", author: nil, publishedAt: nil, updatedAt: nil,
                               summaryHTML: nil, contentHTML: nil, contentHash: "h")
        var fetched = feed
        fetched.etag = "\"stale\""
        await #expect(throws: StorageError.leaseLost(feedID: feed.id)) {
            _ = try await store.commitFeedFetch(feed: fetched, drafts: [draft], lease: old.lease, now: later)
        }
        #expect(try await store.entryCount() == 0, "the stale fetch stored no entry")
        #expect(try await store.feed(id: feed.id)?.etag == nil, "nor its state")
        fetched.etag = "\"fresh\""
        let outcomes = try await store.commitFeedFetch(feed: fetched, drafts: [draft], lease: new.lease, now: later)
        #expect(outcomes.count == 1)
        #expect(try await store.entryCount() == 1)
        #expect(try await store.feed(id: feed.id)?.etag == "\"fresh\"")
        await #expect(throws: StorageError.leaseLost(feedID: feed.id), "a lease ends with its commit") {
            _ = try await store.commitFeedFetch(feed: fetched, drafts: [], lease: new.lease, now: later)
        }
        await store.close()
    }

    @Test("one placer at a time: a second try gets nil until the first lets go, a waiter gets it then; NOTIFY wakes a listener")
    func placerLockAndWakeUp() async throws {
        guard let store = try await Self.postgres() else { return }
        let other = try #require(try await TestStores.reopen(store, .readWrite) as? PostgresStore)
        let first = try #require(try await store.acquirePlacerLock(wait: false))
        #expect(try await other.acquirePlacerLock(wait: false) == nil)
        #expect(try await store.acquirePlacerLock(wait: false) == nil, "a session lock: a second session of the same process waits too")
        let waiter = Task { try await other.acquirePlacerLock(wait: true) }
        try await Task.sleep(for: .milliseconds(200))
        await first.release()
        let second = try #require(try await waiter.value)
        await second.release()

        let wake = try await other.listenForUnplaced()
        #expect(await wake.wait(seconds: 0.3) == false, "nothing was announced")
        try await store.notifyUnplaced()
        #expect(await wake.wait(seconds: 30) == true)
        try await store.notifyUnplaced()
        try await Task.sleep(for: .milliseconds(300))
        #expect(await wake.wait(seconds: 0.1) == true, "a signal that came while nobody waited is kept")
        wake.close()
        await other.close()
        await store.close()
    }
}
