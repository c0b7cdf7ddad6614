import Foundation
import Storage
import Testing
import TestSupport

@Suite("Store contract: poll work")
struct PollStoreContractTests {
    @Test("due feeds: active ones whose time has come, soonest first; force takes every active feed",
          arguments: TestStores.backends)
    func due(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        let now = Clock.at(hours: 10)
        var feeds: [Feed] = []
        for (i, next) in [Clock.at(hours: 9), Clock.at(hours: 11), Clock.at(hours: 8), Clock.at(hours: 7)].enumerated() {
            var feed = try await store.addFeed(url: "https://site\(i).org/feed.xml", now: Clock.base)
            feed.nextFetchAt = next
            if i == 3 { feed.disabledReason = "410 Gone" }
            try await store.updateFeed(feed)
            feeds.append(feed)
        }
        #expect(try await store.dueFeeds(now: now).map(\.id) == [feeds[2].id, feeds[0].id])
        #expect(try await store.dueFeeds(now: now, force: true).map(\.id) == [feeds[0].id, feeds[1].id, feeds[2].id])
        #expect(try await store.dueFeeds(now: Clock.at(hours: 1)).isEmpty)
    }

    @Test("one fetch commits the feed's state with its entries; unsigned entries wait for the next poll",
          arguments: TestStores.backends)
    func commitFetch(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        var feed = try await store.addFeed(url: "https://a.org/feed.xml", now: Clock.base)
        feed.etag = "\"v1\""
        feed.lastStatus = 200
        feed.nextFetchAt = Clock.at(hours: 1)
        let drafts = (1...3).map { EntryDraft(guid: "g\($0)", url: "https://a.org/\($0)", title: "T\($0)", author: nil, publishedAt: nil,
                                              updatedAt: nil, summaryHTML: nil, contentHTML: nil, contentHash: "h\($0)") }
        let outcomes = try await store.commitFeedFetch(feed: feed, drafts: drafts, now: Clock.base)
        #expect(outcomes.count == 3 && outcomes.allSatisfy { if case .new = $0 { true } else { false } })
        #expect(try await store.feed(id: feed.id) == feed)
        let ids = outcomes.map(\.entryID)
        #expect(try await store.unsignedEntries().map(\.id) == ids)
        #expect(try await store.unsignedEntries(limit: 2).map(\.id) == Array(ids.prefix(2)))
        try await store.saveSignature(StoredSignature(entryID: ids[1], minhash: [1, 2], shingleCount: 2, source: .title, fullText: false))
        #expect(try await store.unsignedEntries().map(\.id) == [ids[0], ids[2]])
    }

    @Test("a batch of placed entries commits articles, signatures and stories together; the window reads them back",
          arguments: TestStores.backends)
    func commitProcessed(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        var seed = Seed(store)
        let old = try await seed.entry("a.org", title: "old", at: Clock.at(hours: -48))
        let a = try await seed.entry("a.org", title: "a", at: Clock.base)
        let b = try await seed.entry("b.org", title: "b", at: Clock.at(hours: 1))
        let signatures = [old, a, b].map { StoredSignature(entryID: $0, minhash: [UInt8(truncatingIfNeeded: $0), 9], shingleCount: 5,
                                                           source: .content, fullText: $0 == b) }
        try await store.commitProcessed(
            articles: [StoredArticle(entryID: b, text: "page of b", status: .ok, fetchedAt: Clock.at(hours: 1))],
            signatures: signatures,
            assignments: [StoryAssignment(entryID: old, storyID: old, similarity: 1), StoryAssignment(entryID: a, storyID: a, similarity: 1),
                          StoryAssignment(entryID: b, storyID: a, similarity: 0.75)],
            now: Clock.at(hours: 1))
        #expect(try await store.article(entryID: b)?.text == "page of b")
        #expect(try await store.story(id: a).summary.representativeEntryID == b, "the copy with the full text represents the story")
        let window = try await store.signatures(since: Clock.at(hours: -1))
        #expect(window.map(\.signature.entryID) == [a, b])
        #expect(window.map(\.storyID) == [a, a])
        #expect(window.map(\.seenAt) == [Clock.base, Clock.at(hours: 1)])
        #expect(window.map(\.hasFullText) == [false, true])
        #expect(window.last?.signature == signatures[2])
        #expect(try await store.signatures(since: Clock.at(hours: -100)).count == 3)
    }

    @Test("the poll lock admits one holder, names it to the next, and is free again once released",
          arguments: TestStores.backends)
    func pollLock(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        let first = try await store.acquirePollLock(wait: false)
        #expect(first.holder.contains("process \(getpid())"))
        do {
            let second = try await store.acquirePollLock(wait: false)
            Issue.record("a second poll lock was granted to \(second.holder)")
        } catch let error as StorageError {
            #expect(error == .pollRunning(holder: first.holder))
            #expect(error.description.hasPrefix("another poll is running (process \(getpid())"))
            #expect(error.exitCode == .temporaryFailure)
        }
        // Another opening of the same database (as another process would) is refused too.
        let other = try await TestStores.reopen(store, .readWrite)
        await #expect(throws: StorageError.self) { _ = try await other.acquirePollLock(wait: false) }

        // A waiting poll gets the lock once the first is released.
        let waiter = Task { try await other.acquirePollLock(wait: true) }
        try await Task.sleep(for: .milliseconds(200))
        await first.release()
        let third = try await waiter.value
        await #expect(throws: StorageError.self) { _ = try await store.acquirePollLock(wait: false) }
        await third.release()
        let fourth = try await store.acquirePollLock(wait: false)
        await fourth.release()
    }
}
