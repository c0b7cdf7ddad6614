import Foundation
import GRDB
import Storage
import StoreSQL

/// Read and starred state per user and story.
extension SQLiteStore {
    public func markStories(userID: Int64, storyIDs: [Int64], read: Bool, now: Date) async throws -> [Int64] {
        try await write { db in
            let (found, missing) = try Self.existingStories(db, storyIDs)
            for id in found {
                try db.run(read ? ReadStateSQL.markRead(userID: userID, storyID: id, now: now)
                                : ReadStateSQL.markUnread(userID: userID, storyID: id, now: now))
            }
            return missing
        }
    }

    public func markEntries(userID: Int64, entryIDs: [Int64], read: Bool, now: Date) async throws -> [Int64] {
        try await write { db in
            var storyOf: [Int64: Int64] = [:]
            for statement in ReadStateSQL.storiesOfEntries(entryIDs) {
                for row in try db.rows(statement) { storyOf[try row.int("id")] = try row.int("story_id") }
            }
            for story in Set(storyOf.values).sorted() {
                try db.run(read ? ReadStateSQL.markRead(userID: userID, storyID: story, now: now)
                                : ReadStateSQL.markUnread(userID: userID, storyID: story, now: now))
            }
            return entryIDs.filter { storyOf[$0] == nil }
        }
    }

    public func starStories(userID: Int64, storyIDs: [Int64], starred: Bool, now: Date) async throws -> [Int64] {
        try await write { db in
            let (found, missing) = try Self.existingStories(db, storyIDs)
            for id in found { try db.run(ReadStateSQL.star(userID: userID, storyID: id, starred: starred, now: now)) }
            return missing
        }
    }

    public func readStates(userID: Int64, storyIDs: [Int64]) async throws -> [ReadState] {
        try await read { db in
            try ReadStateSQL.states(userID: userID, storyIDs: storyIDs).flatMap { try db.rows($0).map(ReadStateSQL.state) }
        }
    }

    /// The ids among `ids` that name a story (each once, in order) and those that do not.
    static func existingStories(_ db: Database, _ ids: [Int64]) throws -> (found: [Int64], missing: [Int64]) {
        var existing = Set<Int64>()
        for statement in ReadStateSQL.existingStories(ids) { existing.formUnion(try db.ids(statement)) }
        var seen = Set<Int64>()
        let found = ids.filter { existing.contains($0) && seen.insert($0).inserted }
        return (found, ids.filter { !existing.contains($0) })
    }
}
