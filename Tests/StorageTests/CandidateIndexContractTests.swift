import Foundation
import Storage
import Testing
import TestSupport

@Suite("Store contract: the candidate index")
struct CandidateIndexContractTests {
    /// Stores one signature per entry with `keys` and places the entries as `stories` says.
    static func place(_ store: any SyndicStore, _ entries: [(id: Int64, story: Int64, keys: [Int64]?)], now: Date) async throws {
        try await store.commitProcessed(
            articles: [],
            signatures: entries.map { StoredSignature(entryID: $0.id, minhash: [UInt8(truncatingIfNeeded: $0.id)], shingleCount: 5,
                                                      source: .content, fullText: true, candidateKeys: $0.keys) },
            assignments: entries.map { StoryAssignment(entryID: $0.id, storyID: $0.story, similarity: 1) },
            now: now)
    }

    @Test("a key finds the whole window story of every entry filed under it, and an entry's own story",
          arguments: TestStores.backends)
    func candidates(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        var seed = Seed(store)
        let old = try await seed.entry("o.org", title: "old", at: Clock.at(hours: -48))
        let a = try await seed.entry("a.org", title: "a", at: Clock.base)
        let b = try await seed.entry("b.org", title: "b", at: Clock.at(hours: 1))
        let c = try await seed.entry("c.org", title: "c", at: Clock.at(hours: 2))
        let d = try await seed.entry("d.org", title: "d", at: Clock.at(hours: 3))
        try await Self.place(store, [(old, old, [1]), (a, a, [1, 2, 3, 3]), (b, a, [9]), (c, c, [3, 4]), (d, d, [-5])], now: Clock.at(hours: 3))
        let since = Clock.at(hours: -1)
        func found(_ keys: [Int64], entry: Int64 = 0) async throws -> [Int64] {
            try await store.candidateSignatures(keys: keys, entryID: entry, since: since).map(\.signature.entryID)
        }
        #expect(try await store.windowSignatureCount(since: since) == 4)
        #expect(try await found([1]) == [a, b], "a's whole story, oldest first; the old entry is outside the window")
        #expect(try await found([3]) == [a, b, c])
        #expect(try await found([-5, 77]) == [d], "keys are 64-bit bit patterns, negative ones too")
        #expect(try await found([]).isEmpty)
        #expect(try await found([], entry: b) == [a, b], "the entry's own story comes with it")
        let window = try await store.candidateSignatures(keys: [4], entryID: 0, since: since)
        #expect(window.map(\.storyID) == [c] && window.map(\.seenAt) == [Clock.at(hours: 2)])

        // Saving a signature with keys replaces the entry's keys; without keys, it keeps them.
        try await Self.place(store, [(a, a, [7])], now: Clock.at(hours: 4))
        #expect(try await found([1, 2]).isEmpty)
        #expect(try await found([7]) == [a, b])
        try await Self.place(store, [(c, c, nil)], now: Clock.at(hours: 4))
        #expect(try await found([4]) == [c])
    }

    @Test("signatures saved without keys are listed as unfiled until filed", arguments: TestStores.backends)
    func unfiled(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        var seed = Seed(store)
        let a = try await seed.entry("a.org", title: "a", at: Clock.base)
        let b = try await seed.entry("b.org", title: "b", at: Clock.at(hours: 1))
        let c = try await seed.entry("c.org", title: "c", at: Clock.at(hours: 2))
        try await Self.place(store, [(a, a, nil), (b, b, nil), (c, c, [1])], now: Clock.at(hours: 2))
        let since = Clock.at(hours: -1)
        #expect(try await store.unfiledSignatures(since: since, limit: 10).map(\.entryID) == [a, b])
        #expect(try await store.unfiledSignatures(since: since, limit: 1).map(\.entryID) == [a])
        #expect(try await store.unfiledSignatures(since: Clock.at(hours: 1), limit: 10).map(\.entryID) == [b], "inside the window only")
        try await store.fileCandidateKeys([a: [1, 2], b: []])
        #expect(try await store.unfiledSignatures(since: since, limit: 10).isEmpty, "an entry filed under no key is filed too")
        #expect(try await store.candidateSignatures(keys: [1], entryID: 0, since: since).map(\.signature.entryID) == [a, c])
        #expect(try await store.candidateSignatures(keys: [2], entryID: 0, since: since).map(\.signature.entryID) == [a])
    }

    @Test("pruned entries leave the index with their rows", arguments: TestStores.backends)
    func pruned(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        var seed = Seed(store)
        let old = try await seed.entry("o.org", title: "old", at: Clock.at(hours: -480))
        let new = try await seed.entry("n.org", title: "new", at: Clock.base)
        try await Self.place(store, [(old, old, [1]), (new, new, [1])], now: Clock.base)
        #expect(try await store.candidateSignatures(keys: [1], entryID: 0, since: Clock.at(hours: -500)).map(\.signature.entryID) == [old, new])
        _ = try await store.prune(before: Clock.at(hours: -100))
        #expect(try await store.candidateSignatures(keys: [1], entryID: 0, since: Clock.at(hours: -500)).map(\.signature.entryID) == [new])
        #expect(try await store.integrityCheck() == ["ok"])
    }
}
