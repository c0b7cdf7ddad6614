import Foundation
import Storage
import StoreFactory
import Testing
import TestSupport

/// Migrations that change the data of existing databases, on every backend: each test makes a current
/// database look older (its data and its migration record), reopens it for writing and checks the result.
@Suite("Store contract: migrations of existing data")
struct MigrationContractTests {
    @Test("v5: entries stored without a published date take their updated date; the others are left as they are",
          arguments: TestStores.backends)
    func publishedFromUpdated(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        let feed = try await store.addFeed(url: "https://a.example/feed.xml", now: Clock.base)
        func draft(_ guid: String, published: Date?, updated: Date?) -> EntryDraft {
            EntryDraft(guid: guid, url: "https://a.example/\(guid)", title: guid, author: nil, publishedAt: published,
                       updatedAt: updated, summaryHTML: nil, contentHTML: nil, contentHash: guid)
        }
        let ids = try await store.upsertEntries(feedID: feed.id, [
            draft("updated-only", published: nil, updated: Clock.at(hours: -30)),
            draft("both", published: Clock.at(hours: -50), updated: Clock.at(hours: -2)),
            draft("neither", published: nil, updated: nil),
        ], now: Clock.base).map(\.entryID)
        await store.close()
        // As a database written before the feed parser fell back on the updated date.
        let raw = RawDatabase(location: store.location)
        try await raw.execute("UPDATE entry SET published_at = NULL WHERE guid = 'updated-only'")
        try await raw.forgetMigration("v5-published-from-updated")

        let migrated = try await StoreFactory.open(store.location, access: .readWrite)
        #expect(migrated.migratedOnOpen == ["v5-published-from-updated"])
        let entries = try await migrated.entries(ids: ids).sorted { $0.id < $1.id }
        #expect(entries.map(\.publishedAt) == [Clock.at(hours: -30), Clock.at(hours: -50), nil])
        #expect(entries.map(\.updatedAt) == [Clock.at(hours: -30), Clock.at(hours: -2), nil])
        #expect(try await migrated.integrityCheck() == ["ok"])
    }

    @Test("every database has its own instance id, made with it and never changed", arguments: TestStores.backends)
    func instanceIDs(_ backend: StoreBackend) async throws {
        let one = try await TestStores.fresh(backend)
        let two = try await TestStores.fresh(backend)
        let first = try await one.instance()
        #expect(first.id.count == 16 && first.id.allSatisfy { $0.isHexDigit && !$0.isUppercase }, "\(first.id)")
        #expect(first.legacyStoryMax == 0)
        #expect(try await two.instance().id != first.id)
        #expect(try await TestStores.reopen(one, .readOnly).instance() == first)
        #expect(try await TestStores.reopen(one, .readWrite).instance() == first)
    }

    @Test("v7: a database from before instance ids gets one, and its existing stories keep their old item ids",
          arguments: TestStores.backends)
    func instanceForExistingDatabase(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        var seed = Seed(store)
        _ = try await seed.story([("a.org", "older story")], at: Clock.at(hours: -5))
        let newest = try await seed.story([("b.org", "newest story")], at: Clock.base)
        await store.close()
        let raw = RawDatabase(location: store.location)
        try await raw.execute("DROP TABLE instance")
        try await raw.forgetMigration("v7-instance")

        let migrated = try await StoreFactory.open(store.location, access: .readWrite)
        #expect(migrated.migratedOnOpen == ["v7-instance"])
        let instance = try await migrated.instance()
        #expect(instance.legacyStoryMax == newest && instance.id.count == 16)
        #expect(try await TestStores.reopen(migrated, .readOnly).instance() == instance)
    }
}
