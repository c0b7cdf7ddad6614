import Foundation
import PostgresNIO
import Storage
import StoreSQL

/// Story clusters: assignment of entries, and the page queries behind `stories`, `story`, digests and the web view.
extension PostgresStore {
    public func applyStoryAssignments(_ assignments: [StoryAssignment], now: Date) async throws {
        try await write { [logger] db in try await Self.applyStoryAssignments(db, assignments, now: now, logger: logger) }
    }

    /// Applies assignments as if one by one (an entry may be placed, then moved by a merge), in a few
    /// set-based statements: the stories created, the entries' current stories read, the stories
    /// whose membership changes touched, each entry's final placement written, the stories refreshed.
    static func applyStoryAssignments(_ db: PostgresConnection, _ assignments: [StoryAssignment], now: Date, logger: Logger) async throws {
        guard !assignments.isEmpty else { return }
        var targets: [Int64] = []
        var seenTargets = Set<Int64>()
        for a in assignments where seenTargets.insert(a.storyID).inserted { targets.append(a.storyID) }
        for statement in StorySQL.create(ids: targets, now: now) { try await db.run(statement, logger: logger) }
        var current: [Int64: Int64?] = [:]
        var entryOrder: [Int64] = []
        for a in assignments where current[a.entryID] == nil { current[a.entryID] = .some(nil); entryOrder.append(a.entryID) }
        for chunk in SQLStatement.chunks(entryOrder) {
            for row in try await db.rows(StorySQL.storiesOf(entryIDs: chunk), logger: logger) {
                current[try row.int("id")] = .some(try row.optionalInt("story_id"))
            }
        }
        var touched = Set<Int64>()
        var changed = Set<Int64>()
        var moves: [StoryMove] = []
        var final: [Int64: StoryAssignment] = [:]
        for a in assignments {
            let previous = current[a.entryID] ?? nil
            if let previous, previous != a.storyID {
                touched.insert(previous); changed.insert(previous); moves.append(StoryMove(from: previous, to: a.storyID))
            }
            if previous != a.storyID { changed.insert(a.storyID) }
            touched.insert(a.storyID)
            current[a.entryID] = .some(a.storyID)
            final[a.entryID] = a
        }
        for chunk in SQLStatement.chunks(changed.sorted()) { try await db.run(StorySQL.touch(ids: chunk, now: now), logger: logger) }
        let placements = entryOrder.compactMap { final[$0] }
        for chunk in SQLStatement.chunks(placements, size: 300) { try await db.run(StorySQL.placeAll(chunk), logger: logger) }
        for move in StoryMove.distinct(moves) {
            for statement in ReadStateSQL.carry(from: move.from, to: move.to, now: now) { try await db.run(statement, logger: logger) }
        }
        try await refreshStories(db, touched.sorted(), logger: logger)
    }

    /// Makes the stories true to their entries again (see `StorySQL.refreshGrouped`).
    static func refreshStories(_ db: PostgresConnection, _ ids: [Int64], logger: Logger) async throws {
        for statement in StorySQL.refreshGrouped(ids) { try await db.run(statement, logger: logger) }
    }

    public func stories(_ query: StoryQuery) async throws -> [StorySummary] {
        try await page(StorySQL.page(query, details: false)).map(\.summary)
    }

    public func storyDetails(_ query: StoryQuery) async throws -> [StoryDetail] {
        try await page(StorySQL.page(query, details: true))
    }

    public func story(id: Int64) async throws -> StoryDetail {
        guard let detail = try await page(StorySQL.page(storyID: id)).first else { throw StorageError.storyNotFound(id) }
        return detail
    }

    public func storyCount() async throws -> Int {
        try await read { [logger] db in try await db.first(StorySQL.count, logger: logger)?.count("n") ?? 0 }
    }

    public func storyCount(_ query: StoryQuery) async throws -> Int {
        try await read { [logger] db in try await db.first(StorySQL.count(query), logger: logger)?.count("n") ?? 0 }
    }

    public func storyStamp(_ query: StoryQuery) async throws -> StoryStamp {
        try await read { [logger] db in
            try await db.first(StorySQL.stamp(query), logger: logger).map(RowDecoding.storyStamp) ?? .empty
        }
    }

    private func page(_ statement: SQLStatement) async throws -> [StoryDetail] {
        try await read { [logger] db in StoryPage.details(try await db.rows(statement, logger: logger).map(RowDecoding.storyPageRow)) }
    }
}
