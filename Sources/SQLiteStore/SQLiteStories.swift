import Foundation
import GRDB
import Storage
import StoreSQL

/// Story clusters: assignment of entries, and the page queries behind `stories`, `story`, digests and the web view.
extension SQLiteStore {
    public func applyStoryAssignments(_ assignments: [StoryAssignment], now: Date) async throws {
        try await write { db in try Self.applyStoryAssignments(db, assignments, now: now) }
    }

    static func applyStoryAssignments(_ db: Database, _ assignments: [StoryAssignment], now: Date) throws {
        guard !assignments.isEmpty else { return }
        var touched = Set<Int64>()
        var moves: [StoryMove] = []
        for a in assignments {
            try db.run(StorySQL.create(id: a.storyID, now: now))
            let previous = try db.first(StorySQL.storyOf(entryID: a.entryID))?.optionalInt("story_id")
            if let previous, previous != a.storyID {
                touched.insert(previous); moves.append(StoryMove(from: previous, to: a.storyID))
                try db.run(StorySQL.touch(id: previous, now: now))
            }
            if previous != a.storyID { try db.run(StorySQL.touch(id: a.storyID, now: now)) }
            try db.run(StorySQL.place(a))
            touched.insert(a.storyID)
        }
        for move in StoryMove.distinct(moves) {
            for statement in ReadStateSQL.carry(from: move.from, to: move.to, now: now) { try db.run(statement) }
        }
        try refreshStories(db, touched.sorted())
    }

    /// Makes the stories true to their entries again (see `StorySQL.refresh`).
    static func refreshStories(_ db: Database, _ ids: [Int64]) throws {
        for statement in StorySQL.refresh(ids) { try db.run(statement) }
    }

    public func stories(_ query: StoryQuery) async throws -> [StorySummary] {
        try await read { db in try StoryPage.details(db.rows(StorySQL.page(query, details: false)).map(RowDecoding.storyPageRow)).map(\.summary) }
    }

    public func storyDetails(_ query: StoryQuery) async throws -> [StoryDetail] {
        try await read { db in try StoryPage.details(db.rows(StorySQL.page(query, details: true)).map(RowDecoding.storyPageRow)) }
    }

    public func story(id: Int64) async throws -> StoryDetail {
        try await read { db in
            guard let detail = try StoryPage.details(db.rows(StorySQL.page(storyID: id)).map(RowDecoding.storyPageRow)).first else {
                throw StorageError.storyNotFound(id)
            }
            return detail
        }
    }

    public func storyCount() async throws -> Int {
        try await read { db in try db.first(StorySQL.count)?.count("n") ?? 0 }
    }

    public func storyCount(_ query: StoryQuery) async throws -> Int {
        try await read { db in try db.first(StorySQL.count(query))?.count("n") ?? 0 }
    }

    public func storyStamp(_ query: StoryQuery) async throws -> StoryStamp {
        try await read { db in
            try db.first(StorySQL.stamp(query)).map(RowDecoding.storyStamp) ?? .empty
        }
    }
}
