import Foundation
import Storage
import Testing
import TestSupport

@Suite("Store contract: the room a prune frees")
struct SpaceReclaimContractTests {
    @Test("after a large prune, reclaiming space leaves the database smaller and sound", arguments: TestStores.backends)
    func reclaim(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        try await BulkEntries.fill(store, count: 2_000, at: Clock.at(hours: -100))
        let full = try await store.storageSize()
        #expect(full.bytes > (backend == .sqlite ? 4_000_000 : 0), "\(full) (PostgreSQL compresses the repeated text)")
        #expect(try await store.prune(before: Clock.base).entries == 2_000)
        let pruned = try await store.storageSize()
        try await store.reclaimSpace()
        let after = try await store.storageSize()
        #expect(try await store.integrityCheck() == ["ok"])
        switch backend {
        case .sqlite:
            #expect(pruned.bytes >= full.bytes * 9 / 10, "deleting alone does not shrink the file: \(full) → \(pruned)")
            #expect((pruned.freeBytes ?? 0) * 3 > pruned.bytes, "much of the file is free pages: \(pruned)")
            #expect(after.bytes * 4 < full.bytes, "VACUUM gives the room back: \(full) → \(after)")
            #expect(after.freeBytes == 0)
        case .postgres:
            #expect(pruned.freeBytes == nil && after.bytes > 0)
        }
        // The store still works after it (VACUUM rewrote the file under the pool).
        try await BulkEntries.fill(store, count: 10, at: Clock.base)
        #expect(try await store.entryCount() == 10)
    }

    @Test("a read-only store refuses to reclaim space", arguments: TestStores.backends)
    func readOnly(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        let reader = try await TestStores.reopen(store, .readOnly)
        await #expect(throws: StorageError.self) { try await reader.reclaimSpace() }
        #expect(try await reader.storageSize().bytes > 0)
    }
}
