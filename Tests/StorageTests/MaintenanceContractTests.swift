import Foundation
import Storage
import StoreFactory
import Testing
import TestSupport

@Suite("Store contract: retention and checks")
struct MaintenanceContractTests {
    @Test("prune deletes old entries with their articles and signatures, and refreshes or deletes their stories",
          arguments: TestStores.backends)
    func prune(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        var seed = Seed(store)
        let gone = try await seed.story([("a.org", "old only")], at: Clock.at(hours: -100))
        let mixed = try await seed.story([("a.org", "old copy"), ("b.org", "new copy")], at: Clock.at(hours: -100))
        let newCopy = try await seed.entry("c.org", title: "newer copy", at: Clock.base)
        try await store.applyStoryAssignments([StoryAssignment(entryID: newCopy, storyID: mixed, similarity: 0.9)], now: Clock.base)
        try await store.saveArticle(StoredArticle(entryID: gone, text: "t", status: .ok, fetchedAt: Clock.base))
        try await store.saveSignature(StoredSignature(entryID: gone, minhash: [1], shingleCount: 1, source: .title, fullText: false))
        try await store.recordPageBlocks(host: "a.org", pageHash: 1, blocks: [(1, "x")], now: Clock.at(hours: -100))

        let result = try await store.prune(before: Clock.at(hours: -1))
        #expect(result == PruneResult(entries: 3, stories: 1))
        #expect(try await store.entryCount() == 1)
        #expect(try await store.article(entryID: gone) == nil)
        #expect(try await store.signature(entryID: gone) == nil)
        let kept = try await store.story(id: mixed).summary
        #expect(kept.copies.map(\.title) == ["newer copy"] && kept.headline == "newer copy" && kept.sourceCount == 1)
        #expect(try await store.prune(before: Clock.at(hours: -1)) == PruneResult(entries: 0, stories: 0))
        #expect(try await store.integrityCheck() == ["ok"])
        // The page counted before the cutoff is forgotten, so it counts again.
        #expect(try await store.recordPageBlocks(host: "a.org", pageHash: 1, blocks: [(1, "x")], now: Clock.base))
    }

    @Test("a pruned entry leaves a tombstone: listed again, changed or not, it is not new; it goes 90 days after its feed dropped it",
          arguments: TestStores.backends)
    func tombstones(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        let feed = try await store.addFeed(url: "https://a.example/feed.xml", now: Clock.at(hours: -200))
        func drafts(_ version: String) -> [EntryDraft] {
            ["one", "two"].map { guid in
                EntryDraft(guid: guid, url: "https://a.example/\(guid)", title: "\(guid) \(version)", author: nil, publishedAt: nil,
                           updatedAt: nil, summaryHTML: nil, contentHTML: nil, contentHash: "\(guid)-\(version)")
            }
        }
        let old = try await store.commitFeedFetch(feed: feed, drafts: drafts("v1"), now: Clock.at(hours: -100)).map(\.entryID)
        #expect(try await store.prune(before: Clock.at(hours: -1)) == PruneResult(entries: 2, stories: 0))

        // The feed still lists both, edited: nothing is new, nothing is stored, the old ids are named.
        let again = try await store.commitFeedFetch(feed: feed, drafts: drafts("v2"), now: Clock.base)
        #expect(again == old.map { EntryUpsertOutcome.pruned(entryID: $0) })
        #expect(try await store.entryCount() == 0)
        let fresh = EntryDraft(guid: "three", url: nil, title: "three", author: nil, publishedAt: nil, updatedAt: nil,
                               summaryHTML: nil, contentHTML: nil, contentHash: "three")
        guard case .new = try await store.upsertEntries(feedID: feed.id, [fresh], now: Clock.base)[0] else {
            Issue.record("an entry never pruned is new"); return
        }

        // Listed at Clock.base, so a prune 89 days later keeps the tombstones; one 91 days later forgets them.
        _ = try await store.prune(before: Clock.at(hours: 89 * 24))
        #expect(try await store.upsertEntries(feedID: feed.id, drafts("v3"), now: Clock.at(hours: 89 * 24)).map(\.entryID) == old)
        _ = try await store.prune(before: Clock.at(hours: (89 + 91) * 24))
        let forgotten = try await store.upsertEntries(feedID: feed.id, drafts("v4"), now: Clock.at(hours: (89 + 91) * 24))
        #expect(forgotten.allSatisfy { if case .new = $0 { true } else { false } }, "\(forgotten)")
        // Unsubscribing takes the feed's tombstones with it.
        #expect(try await store.prune(before: Clock.at(hours: 181 * 24)).entries == 2)  // their tombstones are kept
        try await store.removeFeed(id: feed.id)
        #expect(try await store.listFeeds().isEmpty)
        #expect(try await store.integrityCheck() == ["ok"])
    }

    @Test("a story whose older copies were pruned keeps its id when it gains a copy", arguments: TestStores.backends)
    func storyOutlivesPrunedCopies(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        var seed = Seed(store)
        let story = try await seed.story([("a.org", "first copy")], at: Clock.at(hours: -100))
        let second = try await seed.entry("b.org", title: "second copy", at: Clock.at(hours: -10))
        try await store.applyStoryAssignments([StoryAssignment(entryID: second, storyID: story, similarity: 0.9)], now: Clock.at(hours: -10))
        _ = try await store.prune(before: Clock.at(hours: -50))
        let third = try await seed.entry("c.org", title: "third copy", at: Clock.base)
        try await store.applyStoryAssignments([StoryAssignment(entryID: third, storyID: story, similarity: 0.9)], now: Clock.base)
        let kept = try await store.story(id: story).summary
        #expect(kept.id == story && Set(kept.copies.map(\.entryID)) == [second, third] && kept.sourceCount == 2)
        #expect(try await store.storyCount() == 1)
    }

    @Test("a new store has every migration applied; opening it again applies none", arguments: TestStores.backends)
    func migrations(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        let applied = try await store.appliedMigrations()
        #expect(!applied.isEmpty && applied == store.migratedOnOpen)
        #expect(applied.first == "v1-initial")
        let again = try await TestStores.reopen(store, .readWrite)
        #expect(again.migratedOnOpen.isEmpty)
        #expect(try await again.appliedMigrations() == applied)
        #expect(try await store.integrityCheck() == ["ok"])
    }

    @Test("migrators started at once apply each migration exactly once", arguments: TestStores.backends)
    func concurrentMigrators(_ backend: StoreBackend) async throws {
        let location = try await TestStores.emptyDatabase(backend)
        let reports = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<4 {
                group.addTask { try await StoreFactory.open(location, access: .readWrite).migratedOnOpen }
            }
            var reports: [[String]] = []
            for try await report in group { reports.append(report) }
            return reports
        }
        let store = try await StoreFactory.open(location, access: .readOnly)
        let applied = try await store.appliedMigrations()
        #expect(reports.filter { !$0.isEmpty } == [applied], "one migrator applied everything, the others nothing: \(reports)")
        #expect(Set(applied).count == applied.count)
        #expect(try await store.integrityCheck() == ["ok"])
    }
}
