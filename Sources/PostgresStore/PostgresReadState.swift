import Foundation
import PostgresNIO
import Storage
import StoreSQL

/// Read and starred state per user and story.
extension PostgresStore {
    public func markStories(userID: Int64, storyIDs: [Int64], read: Bool, now: Date) async throws -> [Int64] {
        try await write { [logger] db in
            let (found, missing) = try await Self.existingStories(db, storyIDs, logger: logger)
            for id in found {
                try await db.run(read ? ReadStateSQL.markRead(userID: userID, storyID: id, now: now)
                                : ReadStateSQL.markUnread(userID: userID, storyID: id, now: now), logger: logger)
            }
            return missing
        }
    }

    public func markEntries(userID: Int64, entryIDs: [Int64], read: Bool, now: Date) async throws -> [Int64] {
        try await write { [logger] db in
            var storyOf: [Int64: Int64] = [:]
            for statement in ReadStateSQL.storiesOfEntries(entryIDs) {
                for row in try await db.rows(statement, logger: logger) { storyOf[try row.int("id")] = try row.int("story_id") }
            }
            for story in Set(storyOf.values).sorted() {
                try await db.run(read ? ReadStateSQL.markRead(userID: userID, storyID: story, now: now)
                                : ReadStateSQL.markUnread(userID: userID, storyID: story, now: now), logger: logger)
            }
            return entryIDs.filter { storyOf[$0] == nil }
        }
    }

    public func starStories(userID: Int64, storyIDs: [Int64], starred: Bool, now: Date) async throws -> [Int64] {
        try await write { [logger] db in
            let (found, missing) = try await Self.existingStories(db, storyIDs, logger: logger)
            for id in found { try await db.run(ReadStateSQL.star(userID: userID, storyID: id, starred: starred, now: now), logger: logger) }
            return missing
        }
    }

    public func readStates(userID: Int64, storyIDs: [Int64]) async throws -> [ReadState] {
        try await read { [logger] db in
            var states: [ReadState] = []
            for statement in ReadStateSQL.states(userID: userID, storyIDs: storyIDs) {
                states += try await db.rows(statement, logger: logger).map(ReadStateSQL.state)
            }
            return states
        }
    }

    public func labelStories(userID: Int64, storyIDs: [Int64], label: String, labelled: Bool, now: Date) async throws -> [Int64] {
        try await write { [logger] db in
            let (found, missing) = try await Self.existingStories(db, storyIDs, logger: logger)
            for id in found {
                try await db.run(labelled ? StoryLabelSQL.add(userID: userID, storyID: id, label: label, now: now)
                                          : StoryLabelSQL.remove(userID: userID, storyID: id, label: label), logger: logger)
            }
            return missing
        }
    }

    public func storyLabels(userID: Int64, storyIDs: [Int64]) async throws -> [Int64: [String]] {
        try await read { [logger] db in try await Self.storyLabels(db, userID: userID, storyIDs: storyIDs, logger: logger) }
    }

    static func storyLabels(_ db: PostgresConnection, userID: Int64, storyIDs: [Int64], logger: Logger) async throws -> [Int64: [String]] {
        var labels: [Int64: [String]] = [:]
        for statement in StoryLabelSQL.labels(userID: userID, storyIDs: storyIDs) {
            for row in try await db.rows(statement, logger: logger) { labels[try row.int("story_id"), default: []].append(try row.text("label")) }
        }
        return labels
    }

    public func storyLabelNames(userID: Int64) async throws -> [(label: String, stories: Int)] {
        try await read { [logger] db in
            try await db.rows(StoryLabelSQL.names(userID: userID), logger: logger).map { (try $0.text("label"), try $0.count("n")) }
        }
    }

    /// The ids among `ids` that name a story (each once, in order) and those that do not.
    static func existingStories(_ db: PostgresConnection, _ ids: [Int64], logger: Logger) async throws -> (found: [Int64], missing: [Int64]) {
        var existing = Set<Int64>()
        for statement in ReadStateSQL.existingStories(ids) { existing.formUnion(try await db.ids(statement, logger: logger)) }
        var seen = Set<Int64>()
        let found = ids.filter { existing.contains($0) && seen.insert($0).inserted }
        return (found, ids.filter { !existing.contains($0) })
    }
}
