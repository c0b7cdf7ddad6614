import Foundation
import Storage
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
}
