import Foundation
import Storage
import StoreFactory
import Testing
import TestSupport

@Suite("Store contract: opening, read-only use, foreign and newer databases")
struct OpeningContractTests {
    @Test("reading a database that does not exist creates nothing", arguments: TestStores.backends)
    func missing(_ backend: StoreBackend) async throws {
        let location = try await TestStores.newLocation(backend)
        await #expect(throws: StorageError.databaseNotFound(path: location.description)) {
            _ = try await StoreFactory.open(location, access: .readOnly)
        }
        if case .sqlite(let path) = location {
            #expect(!FileManager.default.fileExists(atPath: (path as NSString).deletingLastPathComponent), "no folder was created")
        }
        let error = StorageError.databaseNotFound(path: location.description)
        #expect(error.exitCode == .noInput && error.description.contains("nothing was created"))
    }

    @Test("a store opened read-only reads everything and refuses every write", arguments: TestStores.backends)
    func readOnly(_ backend: StoreBackend) async throws {
        let writer = try await TestStores.fresh(backend)
        var seed = Seed(writer)
        let story = try await seed.story([("a.org", "A"), ("b.org", "B")], at: Clock.base)
        let reader = try await TestStores.reopen(writer, .readOnly)
        #expect(reader.access == .readOnly && reader.migratedOnOpen.isEmpty)
        #expect(try await reader.stories(StoryQuery()).map(\.id) == [story])
        #expect(try await reader.listFeeds().count == 2)
        #expect(try await reader.story(id: story).summary.sourceCount == 2)
        let feed = try #require(try await reader.feed(id: 1))
        let location = reader.location.description
        await #expect(throws: StorageError.readOnly(path: location)) { try await reader.addFeed(url: "https://c.org/") }
        await #expect(throws: StorageError.readOnly(path: location)) { try await reader.updateFeed(feed) }
        await #expect(throws: StorageError.readOnly(path: location)) { try await reader.removeFeed(id: feed.id) }
        await #expect(throws: StorageError.readOnly(path: location)) { _ = try await reader.prune(before: Clock.at(hours: 10)) }
        await #expect(throws: StorageError.readOnly(path: location)) {
            try await reader.applyStoryAssignments([StoryAssignment(entryID: story, storyID: 1, similarity: 1)], now: Clock.base)
        }
        await #expect(throws: StorageError.readOnly(path: location)) {
            _ = try await reader.recordPageBlocks(host: "a.org", pageHash: 1, blocks: [(1, "x")], now: Clock.base)
        }
        #expect(try await writer.listFeeds().count == 2)
        #expect(try await writer.stories(StoryQuery()).count == 1)
    }

    @Test("an empty database is a new one for writers; readers are told to migrate it", arguments: TestStores.backends)
    func empty(_ backend: StoreBackend) async throws {
        let raw = try await RawDatabase.empty(backend)
        do {
            _ = try await StoreFactory.open(raw.location, access: .readOnly)
            Issue.record("an empty database was opened for reading")
        } catch let error as StorageError {
            guard case .needsMigration(_, let pending) = error else { Issue.record("wrong error \(error)"); return }
            #expect(pending.first == "v1-initial")
            #expect(error.description.contains("syndic migrate") && error.exitCode == .temporaryFailure)
        }
        #expect(try await raw.tables().isEmpty, "the reader created nothing")
        let writer = try await StoreFactory.open(raw.location, access: .readWrite)
        #expect(try await writer.appliedMigrations() == writer.migratedOnOpen)
        _ = try await StoreFactory.open(raw.location, access: .readOnly)
    }

    @Test("a database holding another program's tables is refused, for reading and writing, and left untouched",
          arguments: TestStores.backends)
    func foreign(_ backend: StoreBackend) async throws {
        let raw = try await RawDatabase.empty(backend)
        try await raw.createForeignTable()
        for access in [StoreAccess.readOnly, .readWrite] {
            await #expect(throws: StorageError.foreignDatabase(path: raw.location.description, tables: ["invoices"])) {
                _ = try await StoreFactory.open(raw.location, access: access)
            }
        }
        #expect(try await raw.tables() == ["invoices"])
    }

    @Test("a database from a newer Syndic is refused with a clear message", arguments: TestStores.backends)
    func newer(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        await store.close()
        try await RawDatabase(location: store.location).recordUnknownMigration("v99-from-the-future")
        for access in [StoreAccess.readOnly, .readWrite] {
            do {
                _ = try await StoreFactory.open(store.location, access: access)
                Issue.record("a newer database was opened (\(access))")
            } catch let error as StorageError {
                #expect(error == .newerDatabase(path: store.location.description, unknownMigrations: ["v99-from-the-future"]))
                #expect(error.description.contains("newer Syndic") && error.exitCode == .dataError)
            }
        }
    }
}
